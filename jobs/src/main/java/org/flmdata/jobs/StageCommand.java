package org.flmdata.jobs;

import java.util.Set;
import java.util.concurrent.Callable;
import org.flmdata.pipeline.config.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline STAGE -c ...}: one stage, reading the nearest earlier stage's output. */
@Command(mixinStandardHelpOptions = true,
    description = "Run one stage (skipped if its output is complete, unless --force), then"
        + " write report/stats.json.")
final class StageCommand implements Callable<Integer> {
  private final String stage;

  @Mixin ConfigOptions options;

  @Option(names = "--force", description = "redo the stage even when its output is complete")
  boolean force;

  @Spec CommandSpec spec;

  StageCommand(String stage) {
    this.stage = stage;
  }

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = options.load(true);
    return RunCommand.execute(spec, options, config, Set.of(stage), force);
  }
}
