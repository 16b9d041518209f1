package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.apache.spark.sql.functions.col;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
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
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.io.InputFiles.InputFile;

/**
 * Reads a Parquet input with Spark's own reader: one outcome per row. Columns named by the input
 * ({@code text_field}, and {@code id_field}, {@code lang_field}, {@code url_field} when set) must
 * exist: a column that no file of the input has is a configuration mistake, reported before the
 * input is read as a {@link ConfigException} naming the domain file, the key and the columns there
 * are. The text column must be a string, or binary holding UTF-8 (decoded strictly: {@code
 * read/invalid-utf8}). Per row, a null text is {@code read/missing-text}; {@code bytesIn} is the
 * text's UTF-8 size (for a file rejected whole, its stored size).
 *
 * <p>Files are checked one by one first ({@link ParquetFooter}), because Spark reads all files of a
 * scan with one schema and fails the whole job on a file that does not fit it: a file that is not
 * Parquet or has a cut footer is one {@code read/corrupt-parquet} outcome, a 0-byte file one {@code
 * read/empty-file}, a file whose text column is missing or not a string (while others have it) one
 * {@code read/bad-schema}; each is logged with its path. The good files are grouped by the types
 * their configured columns have, and each group is one Spark scan, so an id that is an int in some
 * files and a string in others is read from both. {@code spark.sql.files.ignoreCorruptFiles} is not
 * used: it drops files silently, uncounted.
 *
 * <p>The check is a Spark job over the file list ({@value #FOOTERS_PER_TASK} files per task) that
 * reads footers on executors and returns one small verdict per file (path, status, column types),
 * never rows: an input of 100k files on S3 costs the driver no serial footer reads, only the
 * verdicts, as large as the file listing it already holds. The footers are read again by Spark's
 * scan; a footer is a few KB at the file's tail, so the check costs one small read per file.
 */
final class ParquetInput {
  private ParquetInput() {}

  /** Footers read per task of the check job: a few seconds of S3 reads. */
  static final int FOOTERS_PER_TASK = 64;

  static Dataset<Outcome> read(
      SparkSession spark,
      InputContext ctx,
      List<InputFile> files,
      String domainFile,
      int inputIndex,
      Broadcast<HadoopConf> conf) {
    InputSpec spec = ctx.input();
    String key = "inputs[" + inputIndex + "]";
    List<String> fields =
        Arrays.asList(spec.textField(), spec.idField(), spec.langField(), spec.urlField());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int tasks = (files.size() + FOOTERS_PER_TASK - 1) / FOOTERS_PER_TASK;
    List<ParquetFooter.Verdict> verdicts =
        jsc.parallelize(files, tasks).map(new CheckFooter(fields, conf)).collect();

    Map<List<String>, List<InputFile>> groups = new LinkedHashMap<>();
    List<ParquetFooter.Verdict> bad = new ArrayList<>();
    ParquetFooter.Verdict firstOk = null;
    for (ParquetFooter.Verdict v : verdicts) {
      if (v.status() == ParquetFooter.Status.OK) {
        if (firstOk == null) firstOk = v;
        groups.computeIfAbsent(v.group(), g -> new ArrayList<>()).add(v.file());
      } else {
        bad.add(v);
      }
    }
    if (firstOk == null) noUsableFile(verdicts, domainFile, key, spec);
    String[] keys = {
      key + ".text_field", key + ".id_field", key + ".lang_field", key + ".url_field"
    };
    for (int i = 1; i < fields.size() && firstOk != null; i++) {
      if (fields.get(i) == null) continue;
      boolean somewhere = false;
      for (List<String> g : groups.keySet()) somewhere |= g.get(i) != null;
      if (!somewhere) {
        // the one footer read on the driver, to name the columns there are
        List<String> columns = columnsOf(firstOk.file(), fields, conf);
        throw notAColumn(fields.get(i), columns, domainFile, keys[i], spec);
      }
    }

    InputFile first = files.get(0);
    String base = first.path().substring(0, first.path().length() - first.relative().length());
    Dataset<Outcome> out = null;
    for (List<InputFile> group : groups.values()) {
      Dataset<Outcome> d = readGroup(spark, ctx, group, domainFile, key, pathOf(base));
      out = out == null ? d : out.union(d);
    }
    if (!bad.isEmpty()) {
      int badTasks = (bad.size() + FOOTERS_PER_TASK - 1) / FOOTERS_PER_TASK;
      Dataset<Outcome> d =
          spark.createDataset(
              jsc.parallelize(bad, badTasks).map(new RejectFile(ctx)).rdd(), Outcome.ENCODER);
      out = out == null ? d : out.union(d);
    }
    return out == null ? spark.emptyDataset(Outcome.ENCODER) : out;
  }

  /**
   * No file can be read: when some are Parquet, the text column is misconfigured (a mistake, thrown
   * before any work); when none is, every file is counted and nothing is thrown.
   */
  private static void noUsableFile(
      List<ParquetFooter.Verdict> verdicts, String domainFile, String key, InputSpec spec) {
    ParquetFooter.Verdict readable = null;
    for (ParquetFooter.Verdict v : verdicts) {
      if (v.columns() == null) continue;
      if (v.textType() != null) {
        throw ConfigException.at(
            domainFile,
            key + ".text_field",
            "column \""
                + spec.textField()
                + "\" in "
                + spec.path()
                + " must be a string, got "
                + v.textType());
      }
      if (readable == null) readable = v;
    }
    if (readable != null) {
      throw notAColumn(spec.textField(), readable.columns(), domainFile, key + ".text_field", spec);
    }
  }

  private static List<String> columnsOf(
      InputFile file, List<String> fields, Broadcast<HadoopConf> conf) {
    try {
      return ParquetFooter.check(file, fields, conf.value().get()).columns();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ConfigException notAColumn(
      String name, List<String> columns, String file, String key, InputSpec spec) {
    return ConfigException.at(
        file,
        key,
        "\""
            + name
            + "\" is not a column of the Parquet files at "
            + spec.path()
            + "; columns: "
            + columns);
  }

  /** One Spark scan over files whose configured columns have the same types. */
  private static Dataset<Outcome> readGroup(
      SparkSession spark,
      InputContext ctx,
      List<InputFile> files,
      String domainFile,
      String key,
      String basePath) {
    InputSpec spec = ctx.input();
    String[] paths = files.stream().map(InputFile::path).toArray(String[]::new);
    Dataset<Row> df = spark.read().parquet(paths);
    StructType schema = df.schema();
    StructField text = field(schema, spec.textField(), domainFile, key + ".text_field", spec);
    if (!(text.dataType() instanceof StringType || text.dataType() instanceof BinaryType)) {
      throw new IllegalStateException(
          "the footer check let through a text column of type " + text.dataType().simpleString());
    }
    List<Column> cols = new ArrayList<>();
    cols.add(col(quote(spec.textField())).as("text"));
    cols.add(optional(schema, spec.idField()).as("id"));
    cols.add(optional(schema, spec.langField()).as("lang"));
    cols.add(optional(schema, spec.urlField()).as("url"));
    cols.add(col("_metadata.file_path").as("file"));
    cols.add(col("_metadata.row_index").as("row"));
    return df.select(cols.toArray(new Column[0]))
        .map(new ToOutcome(ctx, basePath), Outcome.ENCODER);
  }

  private static StructField field(
      StructType schema, String name, String file, String key, InputSpec spec) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) return f;
    }
    throw notAColumn(name, Arrays.asList(schema.fieldNames()), file, key, spec);
  }

  /** The column as a string; null where this group's files lack it (others have it). */
  private static Column optional(StructType schema, String name) {
    if (name == null || !Arrays.asList(schema.fieldNames()).contains(name)) {
      return org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType);
    }
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

  /** Reads one file's footer on an executor. */
  static final class CheckFooter implements Function<InputFile, ParquetFooter.Verdict> {
    private static final long serialVersionUID = 1L;

    private final List<String> fields;
    private final Broadcast<HadoopConf> conf;

    CheckFooter(List<String> fields, Broadcast<HadoopConf> conf) {
      this.fields = new ArrayList<>(fields);
      this.conf = conf;
    }

    @Override
    public ParquetFooter.Verdict call(InputFile file) throws Exception {
      ParquetFooter.Verdict v = ParquetFooter.check(file, fields, conf.value().get());
      // the driver keeps one verdict per file: a good file's column names would only weigh
      return v.status() == ParquetFooter.Status.OK ? v.withoutColumns() : v;
    }
  }

  /** A file that cannot be read, as one rejected outcome (logged with its path). */
  static final class RejectFile implements Function<ParquetFooter.Verdict, Outcome> {
    private static final long serialVersionUID = 1L;

    private final InputContext ctx;

    RejectFile(InputContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Outcome call(ParquetFooter.Verdict v) {
      FileContext fc = new FileContext(ctx, v.file());
      Document doc = fc.draft(fc.recordId(1), null, -1);
      return fc.reject(doc, v.status().reason(), v.detail(), v.file().length());
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
      Document doc = fc.draft(id, url, -1).withMeta(MetaKeys.ROW.name(), Long.toString(row));
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
