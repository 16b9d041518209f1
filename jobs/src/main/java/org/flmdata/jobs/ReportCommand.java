package org.flmdata.jobs;

import java.util.concurrent.Callable;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.ledger.StatsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline report}: report/stats.json from the ledgers of the run's complete stages. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write report/stats.json from the written output of every complete stage.")
final class ReportCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.load(false);
    try (Sessions.Handle session = Sessions.open(config, options.conf, "flmdata report")) {
      String stats = StatsReport.write(session.spark(), config, Stages.all());
      spec.commandLine().getOut().println("stats:     " + stats);
      return 0;
    }
  }
}
