package org.flmdata.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.ledger.StatsReport;
import org.flmdata.pipeline.report.RunComparison;
import org.flmdata.pipeline.run.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pipeline report}: report/stats.json from the written output of the run's complete stages,
 * report/index.html and report/funnel.csv rendered from it; with {@code --compare}, the
 * differences against another run, printed and in the page.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write report/stats.json, report/index.html and report/funnel.csv from the"
        + " written output of every complete stage.")
final class ReportCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--compare", paramLabel = "OTHER_RUN",
      description = "another run's output root (or its stats.json) to compare with")
  String compare;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.load(false);
    PrintWriter out = spec.commandLine().getOut();
    try (Sessions.Handle session = Sessions.open(config, options.conf, "flmdata report")) {
      var hadoop = session.spark().sparkContext().hadoopConfiguration();
      JsonNode other = compare == null ? null : StatsReport.read(hadoop, compare);
      String stats = StatsReport.write(session.spark(), config, Stages.all(), other);
      if (other != null) {
        List<RunComparison.Diff> diffs =
            RunComparison.of(StatsReport.read(hadoop, stats), other);
        out.println("compared with " + compare + ": " + diffs.size() + " differences");
        for (RunComparison.Diff d : diffs) out.println("  " + d.line());
      }
      printPaths(out, new RunLayout(config.output()), stats);
      return 0;
    }
  }

  /** The report's files, as `run` and `report` print them. */
  static void printPaths(PrintWriter out, RunLayout layout, String stats) {
    out.println("stats:     " + stats);
    out.println("report:    " + layout.reportDir() + "/index.html");
    out.println("funnel:    " + layout.reportDir() + "/funnel.csv");
  }
}
