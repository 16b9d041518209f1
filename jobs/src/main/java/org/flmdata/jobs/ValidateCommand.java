package org.flmdata.jobs;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline validate}: load and check the config, print the domains; no Spark. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check pipeline.yaml and the domain files without running Spark; print the"
        + " domains with proportion, epochs and inputs.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--no-input-check",
      description = "do not require every input to match files (configs for another machine)")
  boolean noInputCheck;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PipelineConfig c = options.load(!noInputCheck);
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "config ok: %s (%d domains), output %s%n", c.file(),
        c.domains().size(), c.output());
    double sum = 0;
    for (DomainConfig d : c.domains()) {
      sum += d.proportion();
      out.printf(Locale.ROOT, "  %-20s %6.2f%%  %.1f epochs  %s%n", d.name(), d.proportion(),
          d.epochs(), d.languages());
      for (InputSpec in : d.inputs()) {
        out.printf(Locale.ROOT, "      %-7s %s (source %s)%n", in.format().key(), in.path(),
            in.source());
      }
    }
    out.printf(Locale.ROOT, "  %-20s %6.2f%%%n", "total", sum);
    return 0;
  }
}
