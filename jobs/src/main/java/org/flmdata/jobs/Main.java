package org.flmdata.jobs;

import java.io.PrintWriter;
import java.util.List;
import org.flmdata.pipeline.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pipeline} command line (DESIGN.md "Command line"), the same under the local launcher
 * ({@code jobs/pipeline}) and under {@code spark-submit --class org.flmdata.jobs.Main
 * pipeline.jar}. Exit code 0 on success; otherwise non-zero and one line on stderr (set {@code
 * FLMDATA_TRACE=1} for the stack trace).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    version = "flmdata 0.1.0",
    description = "Tele-FLM pre-training data pipeline on Spark.",
    subcommands = {
      RunCommand.class,
      ReportCommand.class,
      ShowCommand.class,
      ValidateCommand.class,
      SampleCorpusCommand.class,
      QualityCommand.class,
      TokenizerCommand.class,
      ExtractHtmlCommand.class,
      ExtractTrainModelCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code of a configuration error (found before any Spark work). */
  static final int EXIT_CONFIG = 2;
  /** Exit code of a usage error. */
  static final int EXIT_USAGE = 64;
  /** Exit code of any other failure. */
  static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** Runs the command line with its output and errors sent to the given writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (String stage : Stages.names()) {
      cl.addSubcommand(stage,
          stage.equals(org.flmdata.mix.MixStage.NAME) ? new MixCommand() : new StageCommand(stage));
    }
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      if (ex instanceof ConfigException) {
        err.println("config error: " + ex.getMessage());
        trace(ex, err);
        return EXIT_CONFIG;
      }
      err.println("error: " + oneLine(ex));
      trace(ex, err);
      return EXIT_FAILURE;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println("usage error: " + ex.getMessage() + " (see '"
          + cmd.getCommandSpec().qualifiedName() + " --help')");
      return EXIT_USAGE;
    });
    return cl;
  }

  /** The innermost message, which says what went wrong, on one line. */
  static String oneLine(Throwable ex) {
    Throwable t = ex;
    String msg = ex.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) msg = t.getMessage();
    }
    if (msg == null) msg = ex.getClass().getName();
    return msg.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static void trace(Throwable ex, PrintWriter err) {
    if ("1".equals(System.getenv("FLMDATA_TRACE"))) ex.printStackTrace(err);
  }

  /** The stage names a --stages list may use. */
  static List<String> stageNames() {
    return Stages.names();
  }
}
