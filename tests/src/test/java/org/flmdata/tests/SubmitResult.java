package org.flmdata.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What one spark-submit run left: exit code, its output (also kept in files), and how long it took. */
record SubmitResult(
    List<String> command, int exitCode, String stdout, String stderr, Path stdoutFile, Path stderrFile,
    Duration elapsed) {

  private static final int TAIL_LINES = 40;

  /** stdout split into lines. */
  List<String> stdoutLines() {
    return stdout.lines().toList();
  }

  /** For assertion messages: exit code, time, the command, log files and the end of stderr. */
  String describe() {
    List<String> err = Arrays.asList(stderr.split("\n"));
    List<String> tail = err.subList(Math.max(0, err.size() - TAIL_LINES), err.size());
    return "spark-submit exited " + exitCode + " after " + elapsed.toMillis() / 1000.0 + " s\n"
        + "command: " + String.join(" ", command) + "\n"
        + "stdout (" + stdoutFile + "):\n" + stdout.strip() + "\n"
        + "stderr tail (" + stderrFile + "):\n" + String.join("\n", tail);
  }
}
