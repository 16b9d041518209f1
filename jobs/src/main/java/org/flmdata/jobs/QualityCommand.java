package org.flmdata.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.flmdata.filter.fasttext.FastTextModel;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.ModelCheck;
import org.flmdata.filter.fasttext.Prediction;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.Evaluation;
import org.flmdata.filter.quality.QualityText;
import org.flmdata.filter.quality.TrainingSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline quality train|score}: the fastText quality classifier of the filter stage. */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Train or apply a fastText quality classifier.",
    subcommands = {QualityCommand.Train.class, QualityCommand.Score.class})
final class QualityCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code pipeline quality score --model FILE --input F.jsonl [--field text] [--k 1]
   * [--preprocess]}: one JSON line {@code {"labels": [...], "probs": [...]}} per input line, as
   * {@code fasttext predict-prob} gives them. With {@code --preprocess} each text first goes
   * through the training preprocessing (for models made by {@code quality train}). A line that is
   * not a JSON object with the field gets empty lists and an {@code "error"}.
   */
  @Command(name = "score", mixinStandardHelpOptions = true,
      description = "Predict labels with probabilities for each JSON line of a file.")
  static final class Score implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE") String model;
    @Option(names = "--input", required = true, paramLabel = "F.jsonl") String input;
    @Option(names = "--field", defaultValue = "text", paramLabel = "NAME") String field;
    @Option(names = "--k", defaultValue = "1", paramLabel = "K") int k;
    @Option(names = "--preprocess",
        description = "apply the training preprocessing (models from 'quality train')")
    boolean preprocess;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (k < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--k must be >= 1");
      if (!Files.isReadable(Path.of(input))) {
        throw new java.io.FileNotFoundException("--input " + input + " cannot be read");
      }
      ModelCheck.verify(model);
      FastTextModel ft = FastTextModel.loadVerified(model);
      PrintWriter out = spec.commandLine().getOut();
      try (BufferedReader r = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          ObjectNode o = JSON.createObjectNode();
          ArrayNode labels = o.putArray("labels");
          ArrayNode probs = o.putArray("probs");
          String text = null;
          try {
            JsonNode n = JSON.readTree(line);
            JsonNode v = n == null ? null : n.get(field);
            if (v == null || v.isNull()) o.put("error", "no field \"" + field + "\"");
            else text = v.isTextual() ? v.asText() : v.toString();
          } catch (java.io.IOException e) {
            o.put("error", "not JSON");
          }
          if (text != null) {
            for (Prediction p : ft.predict(preprocess ? QualityText.prepare(text) : text, k)) {
              labels.add(p.label());
              probs.add(p.prob());
            }
          }
          out.println(JSON.writeValueAsString(o));
        }
      }
      out.flush();
      return 0;
    }
  }

  /**
   * {@code pipeline quality train --positive PATH... --negative PATH... --output MODEL.bin}: Spark
   * prepares a balanced, deduplicated training file with a held-out split ({@link TrainingSet});
   * fastText trains; prints one JSON line with counts and precision, recall and F1 of the
   * positive label on the held-out split.
   */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train a quality classifier from positive and negative sources.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--positive", required = true, arity = "1..*", paramLabel = "PATH",
        description = "high-quality sources (JSONL, Parquet, text lines)") List<String> positive;
    @Option(names = "--negative", required = true, arity = "1..*", paramLabel = "PATH",
        description = "low-quality sources, e.g. random extracted web text") List<String> negative;
    @Option(names = "--output", required = true, paramLabel = "MODEL.bin") String output;
    @Option(names = "--field", defaultValue = "text") String field;
    @Option(names = "--positive-label", defaultValue = "__label__hq") String positiveLabel;
    @Option(names = "--negative-label", defaultValue = "__label__lq") String negativeLabel;
    @Option(names = "--held-out", defaultValue = "0.1") double heldOut;
    @Option(names = "--max-per-class", defaultValue = "0") long maxPerClass;
    @Option(names = "--seed", defaultValue = "1234") long seed;
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
      Path work = Files.createTempDirectory("quality-train");
      SparkSession.Builder b = SparkSession.builder().appName("flmdata quality train")
          .config("spark.ui.showConsoleProgress", "false");
      if (!Sessions.underSparkSubmit()) {
        b.master("local[*]").config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
      }
      conf.forEach(b::config);
      boolean existed = SparkSession.getDefaultSession().isDefined();
      SparkSession spark = b.getOrCreate();
      TrainingSet.Result set;
      try {
        set = TrainingSet.prepare(spark, positive, negative, field, positiveLabel, negativeLabel,
            heldOut, maxPerClass, seed, work);
      } finally {
        if (!existed) spark.stop();
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
      o.put("positives_in", set.positivesIn());
      o.put("negatives_in", set.negativesIn());
      o.put("per_class", set.perClass());
      o.put("train_examples", set.trainLines());
      o.put("heldout_examples", set.heldOutLines());
      o.put("label", positiveLabel);
      o.put("precision", round(ev.precision()));
      o.put("recall", round(ev.recall()));
      o.put("f1", round(ev.f1()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(JSON.writeValueAsString(o));
      out.flush();
      deleteTree(work);
      return 0;
    }

    private static double round(double v) {
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
}
