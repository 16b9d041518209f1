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
import java.util.concurrent.Callable;
import org.flmdata.filter.quality.QualityText;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.fasttext.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code pipeline quality train|score}: the fastText quality classifier of the filter stage. */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Train or apply a fastText quality classifier.",
    subcommands = {QualityTrainCommand.class, QualityCommand.Score.class})
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
}
