package org.flmdata.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flmdata.extract.BlockModelTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline extract-train-model --dev DIR --output FILE}: trains the block classifier of
 * {@code extract.html_mode: learned} ({@link BlockModelTrainer}) on a set laid out as the WCXB
 * development set ({@code DIR/html/ID.html.gz} and {@code DIR/ground-truth/ID.json}; the set is
 * not in the project, so its path is given). The set is split by a hash of each page's id into a
 * fit part (two thirds of each page type) and a check part; the model is fitted on the first and
 * its stage and thresholds chosen on the second. Progress goes to stderr, one JSON line to stdout:
 * the choice, the mean F1 of the rules and of the model on each part (overall and per page type),
 * the file and its size. Seeded: the same set and options write the same bytes. No Spark.
 */
@Command(
    name = "extract-train-model",
    mixinStandardHelpOptions = true,
    description =
        "Train the block classifier of extract.html_mode: learned on a WCXB-format set"
            + " (DIR/html/*.html.gz, DIR/ground-truth/*.json) and write it to FILE.")
final class ExtractTrainModelCommand implements Callable<Integer> {

  @Option(names = "--dev", required = true, paramLabel = "DIR",
      description = "the labelled pages: DIR/html/ID.html.gz and DIR/ground-truth/ID.json")
  Path dev;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "where to write the model (block-model.bin.gz)")
  Path output;

  @Option(names = "--epochs", defaultValue = "4",
      description = "passes of the linear model over the blocks (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--seed", defaultValue = "17", description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "1",
      description = "threads parsing pages; the model does not depend on it (default: ${DEFAULT-VALUE})")
  int threads;

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    if (!Files.isDirectory(dev.resolve("html")) || !Files.isDirectory(dev.resolve("ground-truth"))) {
      throw new CommandLine.ParameterException(cl, "--dev " + dev
          + " must hold html/ and ground-truth/ folders (the layout of the WCXB development set)");
    }
    if (epochs < 1) throw new CommandLine.ParameterException(cl, "--epochs must be at least 1");
    if (threads < 1) throw new CommandLine.ParameterException(cl, "--threads must be at least 1");
    PrintWriter log = cl.getErr();
    BlockModelTrainer.Result r = BlockModelTrainer.train(dev, output, epochs, seed, threads, log);
    ObjectNode line = JSON.createObjectNode();
    line.put("output", output.toString());
    line.put("bytes", r.bytes());
    line.put("stage", r.stage());
    line.put("keep", r.keep());
    line.put("add", r.add());
    line.put("add_named", r.addNamed());
    line.set("fit", scores(r.fit()));
    line.set("check", scores(r.check()));
    PrintWriter out = cl.getOut();
    out.println(JSON.writeValueAsString(line));
    out.flush();
    return 0;
  }

  /** Per group: {"rules_f1", "model_f1"}, rounded to 4 places. */
  private static ObjectNode scores(Map<String, double[]> m) {
    ObjectNode o = JSON.createObjectNode();
    for (Map.Entry<String, double[]> e : m.entrySet()) {
      ObjectNode g = o.putObject(e.getKey());
      g.put("rules_f1", Math.round(e.getValue()[0] * 1e4) / 1e4);
      g.put("model_f1", Math.round(e.getValue()[1] * 1e4) / 1e4);
    }
    return o;
  }
}
