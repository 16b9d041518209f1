package org.flmdata.extract;

import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.flmdata.pipeline.io.InputFiles.InputFile;

/**
 * What one Parquet file's footer says about reading it as an input: whether it is Parquet at all,
 * whether its text column can be read as text, and the types of the input's columns, by which files
 * are grouped so that each group is read by Spark with one schema (a column that is an int in one
 * file and a string in another then costs nothing). Reads only the footer (the file's tail); plain
 * Java, run on executors.
 */
final class ParquetFooter {
  private ParquetFooter() {}

  /** Column names kept in a verdict: enough for a message, bounded for wide tables. */
  static final int MAX_COLUMNS_NAMED = 100;

  enum Status {
    /** Readable; {@link Verdict#group} says its column types. */
    OK,
    /** A file of 0 bytes. */
    EMPTY,
    /** Not Parquet, or its footer is cut or damaged. */
    CORRUPT,
    /** Parquet, but the text column is absent or not a string ({@link Verdict#detail}). */
    BAD_SCHEMA,
    /** Gone since listing, or not readable with these credentials. */
    IO_ERROR;

    /** The reason a file of this status is rejected for; null for OK. */
    ReadReason reason() {
      return switch (this) {
        case OK -> null;
        case EMPTY -> ReadReason.EMPTY_FILE;
        case CORRUPT -> ReadReason.CORRUPT_PARQUET;
        case BAD_SCHEMA -> ReadReason.BAD_SCHEMA;
        case IO_ERROR -> ReadReason.IO_ERROR;
      };
    }
  }

  /**
   * The footer's verdict on a file.
   *
   * @param group the types of the input's configured columns in this file, in the order given to
   *     {@link #check} (null for a column unset or absent); OK files with equal groups are read
   *     together. Null when the footer is unreadable.
   * @param columns the file's top-level column names, at most {@value #MAX_COLUMNS_NAMED} (null
   *     when the footer is unreadable, or dropped by {@link #withoutColumns})
   * @param textType the text column's type as the footer gives it, or null when absent
   */
  record Verdict(
      InputFile file,
      Status status,
      String detail,
      List<String> group,
      List<String> columns,
      String textType)
      implements Serializable {

    /** This verdict without the column names: what the driver keeps of a good file. */
    Verdict withoutColumns() {
      return new Verdict(file, status, detail, group, null, textType);
    }
  }

  /**
   * Checks {@code file}. {@code fields} are the input's configured columns, the text column first
   * (null entries for unset ones). Damage is a verdict; a storage failure (other than the file
   * being gone or forbidden) is thrown, so Spark retries the task instead of counting a healthy
   * file.
   */
  static Verdict check(InputFile file, List<String> fields, Configuration conf) throws IOException {
    if (file.length() == 0) return new Verdict(file, Status.EMPTY, "0 bytes", null, null, null);
    MessageType schema;
    try {
      schema =
          ParquetFileReader.readFooter(
                  HadoopInputFile.fromPath(new Path(file.path()), conf),
                  ParquetMetadataConverter.NO_FILTER)
              .getFileMetaData()
              .getSchema();
    } catch (RuntimeException | EOFException e) {
      return corrupt(file, e);
    } catch (IOException e) {
      Failures.Failure f = Failures.classify(e);
      if (f != null) return new Verdict(file, Status.IO_ERROR, f.message(), null, null, null);
      // a footer that does not decode (thrift) is the file's problem; other I/O is the storage's
      if (e.getMessage() != null && e.getMessage().startsWith("can not read"))
        return corrupt(file, e);
      throw e;
    }
    List<String> columns = new ArrayList<>();
    for (Type t : schema.getFields()) {
      if (columns.size() == MAX_COLUMNS_NAMED) {
        columns.add("... " + (schema.getFieldCount() - MAX_COLUMNS_NAMED) + " more");
        break;
      }
      columns.add(t.getName());
    }
    List<String> group = new ArrayList<>();
    for (String f : fields) {
      group.add(f == null || !schema.containsField(f) ? null : describe(schema.getType(f)));
    }
    String text = fields.get(0);
    if (!schema.containsField(text)) {
      return new Verdict(
          file,
          Status.BAD_SCHEMA,
          "no column \"" + text + "\"; columns: " + columns,
          group,
          columns,
          null);
    }
    Type t = schema.getType(text);
    if (!isText(t)) {
      return new Verdict(
          file,
          Status.BAD_SCHEMA,
          "column \"" + text + "\" is " + describe(t) + ", not a string",
          group,
          columns,
          describe(t));
    }
    return new Verdict(file, Status.OK, null, group, columns, describe(t));
  }

  private static Verdict corrupt(InputFile file, Exception e) {
    return new Verdict(
        file,
        Status.CORRUPT,
        "not a readable Parquet file (" + file.length() + " bytes): " + Failures.message(e),
        null,
        null,
        null);
  }

  /**
   * A text column as Spark reads one: a single (not repeated) BINARY value that is a string, an
   * enum, JSON, BSON or unannotated bytes (read as UTF-8).
   */
  static boolean isText(Type t) {
    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) return false;
    PrimitiveType p = t.asPrimitiveType();
    if (p.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY) return false;
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    return a == null
        || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation;
  }

  /** A column's type without its name and repetition (nullability does not split groups). */
  static String describe(Type t) {
    if (!t.isPrimitive()) {
      String s = t.toString().strip();
      int brace = s.indexOf('{');
      return "group" + (brace < 0 ? "" : " " + s.substring(brace).replaceAll("\\s+", " "));
    }
    PrimitiveType p = t.asPrimitiveType();
    String s = p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT);
    if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      s += "(" + p.getTypeLength() + ")";
    }
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a != null) s += " (" + a + ")";
    if (t.isRepetition(Type.Repetition.REPEATED)) s = "repeated " + s;
    return s;
  }
}
