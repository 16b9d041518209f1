package org.flmdata.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.Evaluation;
import org.flmdata.filter.quality.TrainingSet;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCheck;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code pipeline quality train}: Spark prepares a balanced, deduplicated, seeded training file
 * with a held-out split ({@link TrainingSet}); fastText trains (one thread: the same file gives
 * the same model, byte for byte); one JSON line on stdout with the counts, precision, recall and
 * F1 of the positive label, the AUC of its score and the score histogram of each class on the
 * held-out split.
 *
 * <p>Two sources. Files: {@code --positive PATH... --negative PATH...}. A run (the GPT-3 /
 * Tele-FLM / DCLM practice of curated text against raw web text): {@code -c PIPELINE.yaml
 * [--stage extract] --positive-domains WorldKnowledge,Book --negative-domains WebText --lang zh},
 * the kept documents of that language in those domains of the stage's Parquet ({@link
 * QualityRecipe}, checked before any Spark work).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a quality classifier from positive and negative sources, or from the"
        + " curated and web domains of a run.")
final class QualityTrainCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final class FileSources {
    @Option(names = "--positive", required = true, arity = "1..*", paramLabel = "PATH",
        description = "high-quality sources (JSONL, Parquet, text lines)") List<String> positive;
    @Option(names = "--negative", required = true, arity = "1..*", paramLabel = "PATH",
        description = "low-quality sources, e.g. random extracted web text") List<String> negative;
  }

  static final class Run {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "PIPELINE.yaml",
        description = "take the examples from this run's output") String config;
    @Option(names = "--stage", defaultValue = "extract", paramLabel = "NAME",
        description = "stage whose kept documents to read (default: ${DEFAULT-VALUE}: raw web"
            + " text, before the heuristics the classifier should complement)") String stage;
    @Option(names = "--positive-domains", required = true, split = ",", paramLabel = "D,...",
        description = "curated domains, e.g. WorldKnowledge,Book,AcademicPaper")
    List<String> positiveDomains;
    @Option(names = "--negative-domains", required = true, split = ",", paramLabel = "D,...",
        description = "web domains, e.g. WebText") List<String> negativeDomains;
    @Option(names = "--lang", required = true, paramLabel = "LANG",
        description = "language of the documents (one model per language)") String lang;
    @Option(names = "--run-output", paramLabel = "DIR",
        description = "run output root (overrides pipeline.yaml's output)") String runOutput;
  }

  static final class Source {
    @ArgGroup(exclusive = false) FileSources files;
    @ArgGroup(exclusive = false) Run run;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Source source;

  @Option(names = "--output", required = true, paramLabel = "MODEL.bin") String output;
  @Option(names = "--field", defaultValue = "text") String field;
  @Option(names = "--positive-label", defaultValue = "__label__hq") String positiveLabel;
  @Option(names = "--negative-label", defaultValue = "__label__lq") String negativeLabel;
  @Option(names = "--held-out", defaultValue = "0.1") double heldOut;
  @Option(names = "--max-per-class", defaultValue = "0") long maxPerClass;
  @Option(names = "--seed", paramLabel = "N",
      description = "sampling seed (default: the run's seed, else 1234)") Long seed;
  @Option(names = "--epoch", defaultValue = "5") int epoch;
  @Option(names = "--lr", defaultValue = "0.1") double lr;
  @Option(names = "--dim", defaultValue = "64") int dim;
  @Option(names = "--word-ngrams", defaultValue = "2") int wordNgrams;
  @Option(names = "--min-count", defaultValue = "1") int minCount;
  @Option(names = "--bucket", defaultValue = "2000000") int bucket;
  @Option(names = "--conf", paramLabel = "KEY=VALUE") Map<String, String> conf =
      new LinkedHashMap<>();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!(heldOut > 0 && heldOut < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--held-out must be between 0 and 1 (exclusive), got " + heldOut);
    }
    if (!output.endsWith(".bin")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output must name a .bin file, got " + output);
    }
    for (String l : List.of(positiveLabel, negativeLabel)) {
      if (!l.startsWith("__label__") || l.contains(" ")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "labels must look like __label__name, got " + l);
      }
    }
    TrainParams params = new TrainParams(epoch, lr, dim, wordNgrams, minCount, "softmax",
        bucket, 1);
    QualityRecipe recipe = null;
    PipelineConfig config = null;
    if (source.run != null) {
      Run r = source.run;
      Configuration hadoop = Sessions.hadoopConf(conf);
      config = new ConfigLoader(Stages.sections(), hadoop, false).load(r.config);
      if (r.runOutput != null) config = config.withOutput(r.runOutput);
      recipe = QualityRecipe.check(config, r.stage, r.positiveDomains, r.negativeDomains, r.lang,
          hadoop);
    }
    long sd = seed != null ? seed : config != null ? config.seed() : 1234L;
    Path work = Files.createTempDirectory("quality-train");
    TrainingSet.Result set;
    String app = "flmdata quality train";
    try (Sessions.Handle session = config != null ? Sessions.open(config, conf, app)
        : Sessions.openLocal(conf, app)) {
      SparkSession spark = session.spark();
      set = recipe != null
          ? TrainingSet.prepare(recipe.positives(spark), recipe.negatives(spark), positiveLabel,
              negativeLabel, heldOut, maxPerClass, sd, work)
          : TrainingSet.prepare(spark, source.files.positive, source.files.negative, field,
              positiveLabel, negativeLabel, heldOut, maxPerClass, sd, work);
    }
    String prefix = output.substring(0, output.length() - ".bin".length());
    Path parent = Path.of(output).toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Path bin = FastTextTrainer.train(set.train(), Path.of(prefix), params);
    ModelCheck.verify(bin.toString());
    FastTextModel model = FastTextModel.loadVerified(bin.toString());
    Evaluation ev = Evaluation.of(model, set.heldOut(), positiveLabel);
    ObjectNode o = JSON.createObjectNode();
    o.put("model", bin.toString());
    if (recipe != null) {
      o.put("stage", recipe.stage());
      o.put("lang", recipe.lang());
      o.set("positive_domains", JSON.valueToTree(recipe.positiveDomains()));
      o.set("negative_domains", JSON.valueToTree(recipe.negativeDomains()));
    }
    o.put("seed", sd);
    o.put("positives_in", set.positivesIn());
    o.put("negatives_in", set.negativesIn());
    o.put("per_class", set.perClass());
    o.put("train_examples", set.trainLines());
    o.put("heldout_examples", set.heldOutLines());
    o.put("label", positiveLabel);
    o.put("precision", round(ev.precision()));
    o.put("recall", round(ev.recall()));
    o.put("f1", round(ev.f1()));
    o.put("auc", round(ev.auc()));
    ObjectNode hist = o.putObject("heldout_score_histogram");
    hist.put("bins", Evaluation.BINS);
    ArrayNode hp = hist.putArray(positiveLabel);
    for (long c : ev.positiveBins()) hp.add(c);
    ArrayNode hn = hist.putArray(negativeLabel);
    for (long c : ev.negativeBins()) hn.add(c);
    PrintWriter out = spec.commandLine().getOut();
    out.println(JSON.writeValueAsString(o));
    out.flush();
    deleteTree(work);
    return 0;
  }

  private static double round(double v) {
    if (Double.isNaN(v)) return v;
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) return;
    try (var s = Files.walk(p)) {
      List<Path> all = new ArrayList<>(s.toList());
      java.util.Collections.reverse(all);
      for (Path x : all) Files.deleteIfExists(x);
    }
  }
}
