package org.flmdata.jobs;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.mix.MixPlan;
import org.flmdata.mix.MixStage;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pipeline mix -c ...}: the mix stage; with {@code --plan}, only count the tokens of the
 * nearest earlier stage's kept documents (one Spark pass) and print the plan as a table (domain,
 * available tokens, target share, achieved share, epochs), writing nothing.
 */
@Command(mixinStandardHelpOptions = true,
    description = "Run the mix stage (skipped if its output is complete, unless --force), then"
        + " write report/stats.json; with --plan print the mixture plan only.")
final class MixCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--plan", description = "count tokens and print the plan; sample nothing")
  boolean plan;

  @Option(names = "--force", description = "redo the stage even when its output is complete")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.load(true);
    if (!plan) return RunCommand.execute(spec, options, config, Set.of(MixStage.NAME), force);
    MixStage stage = null;
    String inputStage = null;
    RunLayout layout = new RunLayout(config.output());
    Configuration hadoop = Sessions.hadoopConf(options.conf);
    for (Stage s : Stages.all()) {
      if (s.name().equals(MixStage.NAME)) {
        stage = (MixStage) s;
        break;
      }
      if (StageMarker.read(layout.marker(s.name()), hadoop) != null) inputStage = s.name();
    }
    if (stage == null) throw new IllegalStateException("no mix stage in Stages.all()");
    String missing = stage.notConfigured(config);
    if (missing != null) throw new ConfigException(MixStage.NAME + ": " + missing);
    if (inputStage == null) {
      throw new IllegalStateException("mix --plan needs the output of an earlier stage, and none"
          + " has complete output in " + layout.root() + "; run the earlier stages first");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Sessions.Handle session = Sessions.open(config, options.conf, "flmdata mix --plan")) {
      SparkSession spark = session.spark();
      MixPlan p = stage.plan(new StageContext(spark, config, layout),
          StageOutput.readKept(spark, layout.stageDir(inputStage)));
      out.println("tokens counted from " + layout.stageDir(inputStage));
      out.print(p.table(null));
      out.flush();
    }
    return 0;
  }
}
