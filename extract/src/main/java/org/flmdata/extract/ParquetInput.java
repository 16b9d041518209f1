package org.flmdata.extract;

import static org.apache.spark.sql.functions.col;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.io.InputFiles.InputFile;

/**
 * Reads a Parquet input with Spark's own reader: one outcome per row. Columns named by the input
 * ({@code text_field}, and {@code id_field}, {@code lang_field}, {@code url_field} when set) must
 * exist: a missing column is a configuration mistake, reported before any work as a {@link
 * ConfigException} naming the domain file, the key and the columns there are. The text column must
 * be a string, or binary holding UTF-8 (decoded strictly: {@code read/invalid-utf8}). Per row, a
 * null text is {@code read/missing-text}; {@code bytesIn} is the text's UTF-8 size.
 */
final class ParquetInput {
  private ParquetInput() {}

  static Dataset<Outcome> read(
      SparkSession spark,
      InputContext ctx,
      List<InputFile> files,
      String domainFile,
      int inputIndex) {
    InputSpec spec = ctx.input();
    String[] paths = files.stream().map(InputFile::path).toArray(String[]::new);
    Dataset<Row> df = spark.read().parquet(paths);
    StructType schema = df.schema();
    String key = "inputs[" + inputIndex + "]";
    StructField text = field(schema, spec.textField(), domainFile, key + ".text_field", spec);
    if (!(text.dataType() instanceof StringType || text.dataType() instanceof BinaryType)) {
      throw ConfigException.at(
          domainFile,
          key + ".text_field",
          "column \""
              + spec.textField()
              + "\" in "
              + spec.path()
              + " must be a string, got "
              + text.dataType().simpleString());
    }
    List<Column> cols = new ArrayList<>();
    cols.add(col(quote(spec.textField())).as("text"));
    cols.add(optional(schema, spec.idField(), domainFile, key + ".id_field", spec).as("id"));
    cols.add(optional(schema, spec.langField(), domainFile, key + ".lang_field", spec).as("lang"));
    cols.add(optional(schema, spec.urlField(), domainFile, key + ".url_field", spec).as("url"));
    cols.add(col("_metadata.file_path").as("file"));
    cols.add(col("_metadata.row_index").as("row"));
    InputFile first = files.get(0);
    String base = first.path().substring(0, first.path().length() - first.relative().length());
    return df.select(cols.toArray(new Column[0]))
        .map(new ToOutcome(ctx, pathOf(base)), Outcome.ENCODER);
  }

  private static StructField field(
      StructType schema, String name, String file, String key, InputSpec spec) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) return f;
    }
    throw ConfigException.at(
        file,
        key,
        "\""
            + name
            + "\" is not a column of the Parquet files at "
            + spec.path()
            + "; columns: "
            + Arrays.toString(schema.fieldNames()));
  }

  private static Column optional(
      StructType schema, String name, String file, String key, InputSpec spec) {
    if (name == null) return org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType);
    field(schema, name, file, key, spec);
    return col(quote(name)).cast(DataTypes.StringType);
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** The decoded path part of a file URI or path, for matching Spark's file_path. */
  static String pathOf(String uriOrPath) {
    try {
      return new URI(uriOrPath).getPath();
    } catch (URISyntaxException e) {
      return new Path(uriOrPath).toUri().getPath();
    }
  }

  /** Row (text, id, lang, url, file, row) to outcome; runs on executors. */
  static final class ToOutcome implements MapFunction<Row, Outcome> {
    private static final long serialVersionUID = 1L;

    private final InputContext ctx;
    private final String basePath;
    private transient StrictUtf8 utf8;

    /** The file of the last row: rows of a file arrive together, and warnings are per file. */
    private transient FileContext last;

    ToOutcome(InputContext ctx, String basePath) {
      this.ctx = ctx;
      this.basePath = basePath;
    }

    @Override
    public Outcome call(Row r) {
      if (utf8 == null) utf8 = new StrictUtf8();
      String file = r.getString(4);
      if (last == null || !last.file.path().equals(file)) {
        String path = pathOf(file);
        String relative =
            path.startsWith(basePath)
                ? path.substring(basePath.length())
                : path.substring(path.lastIndexOf('/') + 1);
        last = new FileContext(ctx, new InputFile(file, relative, -1));
      }
      FileContext fc = last;
      long row = r.getLong(5) + 1;
      String id = r.isNullAt(1) || r.getString(1).isEmpty() ? fc.recordId(row) : r.getString(1);
      String url = r.isNullAt(3) ? null : r.getString(3);
      Document doc = fc.draft(id, url, -1).withMeta(Meta.ROW, Long.toString(row));
      Object t = r.get(0);
      if (t == null) {
        return fc.reject(
            doc, ReadReason.MISSING_TEXT, "column " + ctx.input().textField() + " is null", 0);
      }
      String text;
      if (t instanceof byte[] b) {
        text = utf8.decode(b, 0, b.length);
        if (text == null) {
          return fc.reject(
              doc,
              ReadReason.INVALID_UTF8,
              "invalid UTF-8 at byte " + utf8.errorOffset(),
              b.length);
        }
      } else {
        text = (String) t;
      }
      return fc.finish(doc, text, r.isNullAt(2) ? null : r.getString(2), Outcome.utf8Length(text));
    }
  }
}
