package org.flmdata.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.ledger.StageSummary;
import org.flmdata.pipeline.ledger.StatsReport;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.SmallRunCodegen;
import org.flmdata.pipeline.run.SmallRunShuffles;
import org.flmdata.pipeline.run.StageRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline run}: every stage in order (or the listed ones), skipping complete ones. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run all stages (or --stages a,b), skipping stages whose output is complete,"
        + " then write report/stats.json.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "only these stages, in pipeline order; each reads the nearest earlier stage"
          + " with output in this run")
  List<String> stages;

  @Option(names = "--force", description = "redo stages even when their output is complete")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.load(true);
    Set<String> selected = null;
    if (stages != null) {
      selected = new LinkedHashSet<>();
      for (String s : stages) {
        if (!Stages.names().contains(s)) {
          throw new ConfigException("--stages: unknown stage \"" + s + "\"; stages: "
              + String.join(", ", Stages.names()));
        }
        selected.add(s);
      }
    }
    return execute(spec, options, config, selected, force);
  }

  /** Runs {@code selected} stages (null: all) and the report; shared with the stage commands. */
  static int execute(CommandSpec spec, ConfigOptions options, PipelineConfig config,
      Set<String> selected, boolean force) throws Exception {
    var out = spec.commandLine().getOut();
    try (Sessions.Handle session = Sessions.open(config, options.conf, "flmdata " + spec.name());
        SmallRunCodegen codegen = SmallRunCodegen.apply(session.spark(), config);
        SmallRunShuffles shuffles = SmallRunShuffles.apply(session.spark(), config)) {
      SparkSession spark = session.spark();
      List<Stage> all = Stages.all();
      List<StageRunner.StageResult> results =
          new StageRunner(spark, config, all, out).run(selected, force);
      spark.sparkContext().setJobDescription("report"); // not the last stage's name
      Map<String, StageSummary.Figures> counted = new HashMap<>();
      for (StageRunner.StageResult r : results) {
        if (r.figures() != null) counted.put(r.stage(), r.figures());
      }
      String stats = StatsReport.write(spark, config, all, null, counted);
      RunLayout layout = new RunLayout(config.output());
      List<String> ran = new ArrayList<>();
      results.forEach(r -> ran.add(r.stage()));
      if (!ran.isEmpty()) {
        String last = ran.get(ran.size() - 1);
        out.println("documents: " + layout.keptDir(last) + "  (Parquet, by domain)");
        out.println("rejected:  " + layout.rejectedDir(last));
      }
      ReportCommand.printPaths(out, layout, stats);
      out.flush();
      return 0;
    }
  }
}
