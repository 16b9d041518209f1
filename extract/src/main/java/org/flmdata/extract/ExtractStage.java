package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.io.HadoopConf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.io.InputFiles.InputFile;
import org.flmdata.pipeline.io.InputFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: reads every input of every domain (WARC, HTML, JSONL, Parquet, text) into
 * documents, one {@link Outcome} per input record. Files are listed on the driver; WARC, HTML,
 * JSONL and text files are read by Spark tasks, a few files per task ({@code max_partition_bytes}),
 * each file streamed record by record; Parquet is read by Spark's reader, after its files' footers
 * are checked ({@link ParquetInput}: {@code read/corrupt-parquet}, {@code read/bad-schema}).
 *
 * <p>Every record leaves kept or rejected with a reason of {@link ReadReason} ({@code read/...}:
 * bytes that cannot be read or are not text), {@link WarcReason} ({@code warc/...}: records that
 * are not pages, binary types), {@link TikaReason} ({@code tika/...}: PDF, Word, RTF and XML
 * payloads too large, too slow, broken or empty; {@link TikaText}), {@link ExtractReason} ({@code
 * extract/empty-text}, {@code extract/undecodable}) or {@link LangReason} ({@code
 * lang/not-in-domain}). HTML is reduced to its main content by
 * {@link MainContent} ({@code html_mode}). Damaged files are counted, logged with file and offset, and never fail the
 * run (see {@link WarcFileReader}, {@link LinesFileReader}). Language: see {@link
 * DomainLanguages} (the input's {@code lang_field}, a fastText model when {@code lid_model} is
 * set, {@link ScriptLanguageGuesser}).
 *
 * <p>The domain files' {@code extract:} section is {@link #SECTION}.
 */
public final class ExtractStage extends BaseStage {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractStage.class);

  public static final String NAME = "extract";

  /** 1 GiB: a record is held in one Java array, and no real page or book comes near it. */
  private static final long MAX_RECORD_CAP = 1L << 30;

  public static final Setting<Long> MAX_RECORD_BYTES =
      Setting.longValue(
              "max_record_bytes",
              50L << 20,
              "largest record read: a WARC block or decoded HTTP body, an HTML or text file"
                  + " (decompressed), a JSONL or text line; larger ones are read/too-large."
                  + " 50 MiB: Common Crawl cuts payloads at 1 MiB and whole books in plain text"
                  + " stay far below, so only junk is skipped")
          .check(v -> v > 0 && v <= MAX_RECORD_CAP, "must be between 1 and " + MAX_RECORD_CAP);
  public static final Setting<Integer> MIN_TEXT_CHARS =
      Setting.integer(
              "min_text_chars",
              1,
              "fewer characters (Unicode code points, after trimming) than this after extraction is"
                  + " extract/empty-text; 1 drops only empty results, quality filters come later")
          .check(v -> v >= 0, "must be >= 0");
  public static final Setting<Long> MAX_PARTITION_BYTES =
      Setting.longValue(
              "max_partition_bytes",
              128L << 20,
              "stored bytes of input files grouped into one Spark task (a larger file is a task"
                  + " of its own); 128 MiB as Spark's spark.sql.files.maxPartitionBytes")
          .check(v -> v > 0, "must be > 0");

  public static final Setting<String> HTML_MODE =
      Setting.oneOf(
          "html_mode",
          HtmlExtractor.DEFAULT_MODE,
          new java.util.LinkedHashSet<>(HtmlExtractor.MODES),
          "how much of an HTML page is kept (MainContent): precision = the chosen main content"
              + " only, balanced = it and siblings that score well (default: best F1 on"
              + " trafilatura's evaluation pages, see ExtractionBenchmark), recall = the whole body"
              + " minus boilerplate found by class/id, role and link density");

  public static final Setting<Boolean> INCLUDE_TITLE =
      Setting.bool(
          "include_title",
          false,
          "put an HTML page's headline (its h1 that repeats the title, else the <title>) at the"
              + " start of the text; false (default): the title goes to meta.title only, as"
              + " trafilatura and the reference texts of extraction benchmarks (WCXB) keep it");

  public static final Setting<Double> MAX_UNDECODABLE_SHARE =
      Setting.number(
              "max_undecodable_share",
              0.01,
              "an HTML page whose text has more than this share of U+FFFD (bytes no charset"
                  + " decodes) among its non-space characters is extract/undecodable; 0.01: a page"
                  + " decoded right has none, one decoded in a wrong multi-byte charset has many")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");

  public static final Setting<Long> MAX_TIKA_BYTES =
      Setting.longValue(
              "max_tika_bytes",
              16L << 20,
              "largest PDF/Office/RTF/XML payload given to Tika; larger ones are tika/too-large."
                  + " 16 MiB: PDFBox and POI hold a parsed document in memory at several times its"
                  + " size, and Common Crawl cuts payloads at 1 MiB, so only rare whole-book"
                  + " captures are skipped")
          .check(v -> v > 0 && v <= MAX_RECORD_CAP, "must be between 1 and " + MAX_RECORD_CAP);
  public static final Setting<Long> TIKA_TIMEOUT_MS =
      Setting.longValue(
              "tika_timeout_ms",
              30_000L,
              "longest one Tika parse may run (on the task's worker thread); past it the record is"
                  + " tika/timeout and the parser thread is interrupted and abandoned. 30 s: a"
                  + " 260-page text PDF (0.38 MiB, 733k characters) took 2.7 s on one shared core"
                  + " here (TikaBenchmark), so a text-dense PDF at Common Crawl's 1 MiB cut takes"
                  + " about 7 s; 30 s leaves 4x room and stops only parsers that are stuck")
          .check(v -> v > 0, "must be > 0");

  public static final Setting<String> LID_MODEL =
      Setting.string(
          "lid_model",
          "",
          "fastText language-ID model (lid.176.bin or lid.176.ftz format) decides the language of"
              + " documents without lang_field, single-language domains included; a local path"
              + " present on the driver and every executor (shared disk, or spark-submit --files)."
              + " Empty: ScriptLanguageGuesser (script, then WikiLanguageDetector for the 22"
              + " Wikipedia languages of the paper; no model file)");
  public static final Setting<Double> LID_MIN_PROB =
      Setting.number(
              "lid_min_prob",
              0.5,
              "the model's top language is taken when its probability is at least this, else the"
                  + " script guess decides; 0.5: below it the other languages together are more"
                  + " likely than the top one")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");

  /** The {@code extract:} section of a domain file. */
  public static final SettingsSpec SECTION =
      new SettingsSpec(
          NAME,
          List.of(
              MAX_RECORD_BYTES,
              MIN_TEXT_CHARS,
              MAX_PARTITION_BYTES,
              HTML_MODE,
              INCLUDE_TITLE,
              MAX_UNDECODABLE_SHARE,
              MAX_TIKA_BYTES,
              TIKA_TIMEOUT_MS,
              LID_MODEL,
              LID_MIN_PROB));

  @Override
  public java.util.Map<String, String> reportedMeta() {
    return java.util.Map.of(MetaKeys.LANG_SCORE.name(), "language-ID confidence");
  }

  public ExtractStage() {
    super(SECTION);
  }

  /**
   * Builds the outcomes of all inputs, lazily. {@code input} is ignored (extract reads raw inputs).
   * Listing happens here, on the driver; a Parquet input whose configured columns no file has fails
   * here with a {@link ConfigException}, after a small job that reads the files' footers ({@link
   * ParquetInput}) and before any input is read.
   */
  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    SparkSession spark = ctx.spark();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Broadcast<HadoopConf> conf = null;
    List<JavaRDD<Outcome>> files = new ArrayList<>();
    List<Dataset<Outcome>> tables = new ArrayList<>();
    Map<String, ModelCheck.ModelInfo> models = new HashMap<>();
    for (DomainConfig domain : ctx.config().domains()) {
      Settings s = domain.section(NAME);
      for (int i = 0; i < domain.inputs().size(); i++) {
        InputSpec spec = domain.inputs().get(i);
        InputContext in =
            new InputContext(
                domain.name(),
                languages(domain, s, models),
                spec,
                s.get(MAX_RECORD_BYTES),
                s.get(MIN_TEXT_CHARS),
                s.get(HTML_MODE),
                s.get(MAX_UNDECODABLE_SHARE),
                s.get(MAX_TIKA_BYTES),
                s.get(TIKA_TIMEOUT_MS),
                s.get(INCLUDE_TITLE));
        List<InputFile> list = list(spec, hadoop, domain.file(), i);
        if (list.isEmpty()) {
          LOG.warn("extract: {} inputs[{}] {} matches no files", domain.file(), i, spec.path());
          continue;
        }
        if (conf == null) conf = jsc.broadcast(new HadoopConf(hadoop));
        if (spec.format() == InputFormat.PARQUET) {
          tables.add(ParquetInput.read(spark, in, list, domain.file(), i, conf));
          continue;
        }
        List<FileBatches.FileBatch> batches = FileBatches.plan(list, s.get(MAX_PARTITION_BYTES));
        files.add(jsc.parallelize(batches, batches.size()).flatMap(new BatchReader(in, conf)));
      }
    }
    Dataset<Outcome> out = null;
    if (!files.isEmpty()) {
      @SuppressWarnings("unchecked")
      JavaRDD<Outcome>[] rdds = files.toArray(new JavaRDD[0]);
      out = spark.createDataset(jsc.union(rdds).rdd(), Outcome.ENCODER);
    }
    for (Dataset<Outcome> t : tables) out = out == null ? t : out.union(t);
    return out == null ? spark.emptyDataset(Outcome.ENCODER) : out;
  }

  /**
   * The domain's languages and model. A configured model is checked here, on the driver, before
   * any executor loads it ({@link ModelCheck}, once per path in {@code checked}): a file that is
   * missing, damaged or not a fastText model fails with a {@link ConfigException}.
   */
  static DomainLanguages languages(
      DomainConfig domain, Settings s, Map<String, ModelCheck.ModelInfo> checked) {
    String model = s.get(LID_MODEL).strip();
    if (!model.isEmpty() && !checked.containsKey(model)) {
      if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(model))) {
        throw ConfigException.at(
            domain.file(), NAME + "." + LID_MODEL.key(), "\"" + model + "\" is not a file");
      }
      try {
        checked.put(model, ModelCheck.verify(model));
      } catch (IllegalArgumentException e) {
        throw ConfigException.at(domain.file(), NAME + "." + LID_MODEL.key(), e.getMessage());
      }
    }
    return new DomainLanguages(
        domain.languages(), model.isEmpty() ? null : model, s.get(LID_MIN_PROB));
  }

  private static List<InputFile> list(InputSpec spec, Configuration hadoop, String file, int i) {
    try {
      return InputFiles.expand(spec.path(), hadoop);
    } catch (IOException e) {
      throw ConfigException.at(
          file,
          "inputs[" + i + "].path",
          "\"" + spec.path() + "\" cannot be listed: " + e.getMessage());
    }
  }
}
