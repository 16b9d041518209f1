package org.flmdata.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.tokenize.train.CompressionReport;
import org.flmdata.tokenize.train.CorpusSample;
import org.flmdata.tokenize.train.PreTokenizerStyle;
import org.flmdata.tokenize.train.TokenizerTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline tokenizer train (--input PATH... [--field text] | -c PIPELINE.yaml [--docs N])
 * --vocab-size N --output tokenizer.json [--pre-tokenizer gpt2|llama3|qwen2] [--special TOKEN]...}
 * (DESIGN.md "Command line"): trains byte-level BPE with Spark, writes a Hugging Face
 * tokenizer.json, prints the compression table (Tele-FLM Table 3 layout) on stderr and one JSON
 * summary line on stdout.
 *
 * <p>With {@code -c}, documents come from the run's latest completed stage that kept documents
 * (or {@code --stage}); the sample's domain shares default to the domains' configured
 * proportions. With {@code --input}, each path is a domain of its own, equal shares.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a byte-level BPE tokenizer on input files or a run's documents; write tokenizer.json.")
final class TokenizerTrainCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
        description = "JSONL(.gz), Parquet or text files/folders/globs (local or s3a://)")
    List<String> inputs;

    @Option(names = {"-c", "--config"}, paramLabel = "PIPELINE.yaml",
        description = "train on the documents of this run")
    String config;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--field", defaultValue = "text", paramLabel = "NAME",
      description = "text field of JSONL/Parquet input (default: ${DEFAULT-VALUE})")
  String field;

  @Option(names = "--run-output", paramLabel = "DIR", description = "run output root (overrides pipeline.yaml's output)")
  String runOutput;

  @Option(names = "--stage", paramLabel = "NAME",
      description = "stage whose kept documents to read (default: the latest completed one)")
  String stage;

  @Option(names = "--docs", paramLabel = "N", description = "documents to sample (default: all)")
  Long docs;

  @Option(names = "--share", paramLabel = "DOMAIN=WEIGHT",
      description = "a domain's share of the sample (repeatable; default: the configured proportions, or equal)")
  Map<String, Double> shares = new LinkedHashMap<>();

  @Option(names = "--seed", paramLabel = "N", description = "sampling seed (default: the run's seed, else 1234)")
  Long seed;

  @Option(names = "--vocab-size", defaultValue = "80000", paramLabel = "N",
      description = "tokens, specials and 256 byte tokens included (default: ${DEFAULT-VALUE}, Tele-FLM's)")
  int vocabSize;

  @Option(names = "--output", required = true, paramLabel = "tokenizer.json", description = "file to write (local or s3a://)")
  String output;

  @Option(names = "--pre-tokenizer", defaultValue = "llama3", paramLabel = "STYLE",
      description = "gpt2 | llama3 | qwen2 (default: ${DEFAULT-VALUE})")
  String preTokenizer;

  @Option(names = "--special", paramLabel = "TOKEN",
      description = "special token, ids 0.. in order (repeatable; default: the run's eod, else <|endoftext|>, then <|pad|>)")
  List<String> specials;

  @Option(names = "--min-frequency", defaultValue = "1", paramLabel = "N",
      description = "ignore words seen fewer times (default: ${DEFAULT-VALUE})")
  long minFrequency;

  @Option(names = "--max-words", defaultValue = "2000000", paramLabel = "K",
      description = "at most K most frequent words reach the driver (default: ${DEFAULT-VALUE})")
  int maxWords;

  @Option(names = "--eval-docs", defaultValue = "2000", paramLabel = "N",
      description = "documents per domain in the compression report; 0: none (default: ${DEFAULT-VALUE})")
  int evalDocs;

  @Option(names = "--compare", arity = "1..*", paramLabel = "FILE",
      description = "other tokenizer.json files measured beside the new one")
  List<String> compare = new ArrayList<>();

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark configuration (repeatable)")
  Map<String, String> conf = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PreTokenizerStyle style = PreTokenizerStyle.parse(preTokenizer);
    PipelineConfig config = null;
    if (source.config != null) {
      Configuration hadoop = Sessions.hadoopConf(conf);
      config = new ConfigLoader(Stages.sections(), hadoop, false).load(source.config);
      if (runOutput != null) config = config.withOutput(runOutput);
    }
    List<String> sp = specials;
    if (sp == null || sp.isEmpty()) {
      String eod = config == null ? "<|endoftext|>" : config.tokenizer().get(PipelineSettings.TOKENIZER_EOD);
      sp = eod.equals("<|pad|>") ? List.of(eod) : List.of(eod, "<|pad|>");
    }
    Map<String, Double> sh = shares.isEmpty() ? null : shares;
    if (sh == null && config != null && docs != null) {
      sh = new LinkedHashMap<>();
      for (DomainConfig d : config.domains()) sh.put(d.name(), d.proportion());
    }
    long sd = seed != null ? seed : config != null ? config.seed() : 1234L;
    TokenizerTraining.Options o = TokenizerTraining.Options.defaults().withVocabSize(vocabSize)
        .withStyle(style).withSpecials(sp).withSample(docs, sh, sd)
        .withLimits(minFrequency, maxWords, evalDocs);
    o.validate();
    String app = "flmdata tokenizer train";
    try (Sessions.Handle session = config != null ? Sessions.open(config, conf, app)
        : Sessions.openLocal(conf, app)) {
      SparkSession spark = session.spark();
      // splitting text is the heavy part: at least 4 input splits per core, or the last of a few
      // large files runs alone (Spark's default is one split per core, never a file split below
      // that); --conf spark.sql.files.minPartitionNum=N overrides
      if (!conf.containsKey(MIN_PARTITIONS) && spark.conf().getOption(MIN_PARTITIONS).isEmpty()) {
        spark.conf().set(MIN_PARTITIONS, 4L * spark.sparkContext().defaultParallelism());
      }
      Configuration hc = spark.sparkContext().hadoopConfiguration();
      List<CompressionReport.Named> others = new ArrayList<>();
      for (String f : compare) others.add(new CompressionReport.Named(displayName(f), read(f, hc)));
      o = o.withCompare(others);
      Dataset<Row> input;
      String from;
      if (config != null) {
        RunLayout layout = new RunLayout(config.output());
        from = stage != null ? stage : latestStage(layout, hc);
        input = StageOutput.readKept(spark, layout.stageDir(from)).select("domain", "lang", "id", "text");
      } else {
        from = String.join(",", source.inputs);
        input = CorpusSample.readInputs(spark, source.inputs, field);
      }
      TokenizerTraining.Result r = TokenizerTraining.run(input, o);
      write(output, r.tokenizerJson().getBytes(StandardCharsets.UTF_8), hc);
      if (r.report() != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.print(r.report().table());
        err.flush();
      }
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("output", output);
      summary.put("input", from);
      summary.putAll(r.summary(o));
      PrintWriter out = spec.commandLine().getOut();
      out.println(new ObjectMapper().writeValueAsString(summary));
      out.flush();
      return 0;
    }
  }

  private static final String MIN_PARTITIONS = "spark.sql.files.minPartitionNum";

  /** The latest stage in pipeline order with a completion marker and kept documents. */
  static String latestStage(RunLayout layout, Configuration hc) throws java.io.IOException {
    List<String> names = new ArrayList<>(Stages.names());
    java.util.Collections.reverse(names);
    for (String s : names) {
      if (StageMarker.read(layout.marker(s), hc) == null) continue;
      org.apache.hadoop.fs.Path kept = new org.apache.hadoop.fs.Path(layout.keptDir(s));
      if (kept.getFileSystem(hc).exists(kept)) return s;
    }
    throw new IllegalArgumentException("no completed stage with kept documents under " + layout.root()
        + "; run the pipeline first, or pass --input");
  }

  private static String displayName(String f) {
    String n = f.replaceAll("/+$", "");
    String base = n.substring(n.lastIndexOf('/') + 1);
    if (base.equals("tokenizer.json") && n.lastIndexOf('/') > 0) {
      String parent = n.substring(0, n.lastIndexOf('/'));
      return parent.substring(parent.lastIndexOf('/') + 1);
    }
    return base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
  }

  private static byte[] read(String file, Configuration hc) throws java.io.IOException {
    java.nio.file.Path local = file.contains("://") ? null : java.nio.file.Path.of(file);
    if (local != null && java.nio.file.Files.isDirectory(local)) {
      if (java.nio.file.Files.exists(local.resolve("tokenizer.json"))) {
        file = local.resolve("tokenizer.json").toString();
      } else if (java.nio.file.Files.exists(local.resolve("encoder.json"))) { // GPT-2's own files
        return org.flmdata.tokenize.bpe.HfTokenizer.gpt2Config(local.resolve("encoder.json"),
            local.resolve("vocab.bpe")).toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    FileSystem fs = p.getFileSystem(hc);
    if (!fs.exists(p)) throw new java.io.FileNotFoundException("--compare " + file + ": no such file");
    try (InputStream in = fs.open(p)) {
      byte[] b = in.readAllBytes();
      org.flmdata.tokenize.bpe.HfTokenizer.load(new java.io.ByteArrayInputStream(b), file); // fail early
      return b;
    }
  }

  private static void write(String file, byte[] bytes, Configuration hc) throws java.io.IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    FileSystem fs = p.getFileSystem(hc);
    try (OutputStream out = fs.create(p, true)) {
      out.write(bytes);
    }
  }
}
