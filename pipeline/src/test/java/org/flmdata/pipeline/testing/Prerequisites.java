package org.flmdata.pipeline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What some tests need beyond the JDK and Maven, and the one rule for when it is missing: on a
 * user's clone the test is skipped with a message saying how to get it; under CI (environment
 * variable {@code CI=true}, which {@code .ci/run} and the usual CI services set) it fails with the
 * same message, because {@code tests/setup/install.sh} installs all of it there and a skip would
 * hide a parity check that never ran. One decision per kind: shared data ({@link SharedData}),
 * the npm {@code tokenizers} binding ({@link #npmTokenizers}), SentencePiece's tools ({@link
 * #sentencePiece}), Chromium (the tests module's {@code HeadlessChromium.require}).
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Whether the tests run under CI: {@code CI=true} (any case). */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns when {@code present}; else fails under CI and skips elsewhere, with {@code missing}
   * (what is absent and how to get it) as the message.
   */
  public static void require(boolean present, String missing) {
    if (present) return;
    if (underCi()) Assertions.fail("required under CI=true: " + missing);
    Assumptions.abort("skipped: " + missing);
  }

  /**
   * The project root: the nearest folder above the working directory that holds {@code
   * tests/setup} (a missing one counts as a missing prerequisite).
   */
  public static Path projectRoot() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("tests/setup"))) p = p.getParent();
    require(p != null, "no tests/setup folder above " + System.getProperty("user.dir"));
    return p;
  }

  /**
   * The {@code node_modules} folder holding Hugging Face's {@code tokenizers} npm binding
   * ({@code $FLMDATA_NODE_DIR/node_modules}, else {@code tests/target/node/node_modules}), with
   * {@code node} on the PATH.
   */
  public static Path npmTokenizers() {
    String env = System.getenv("FLMDATA_NODE_DIR");
    Path dir = env != null ? Path.of(env) : projectRoot().resolve("tests/target/node");
    Path modules = dir.resolve("node_modules");
    require(Files.exists(modules.resolve("tokenizers/package.json")),
        "the npm package 'tokenizers' is not in " + modules
            + "; run tests/setup/install-npm-tokenizers.sh (needs node and npm)");
    require(runs("node", "--version"), "'node' is not on the PATH; install Debian's nodejs");
    return modules;
  }

  /** SentencePiece's {@code spm_train} and {@code spm_encode} on the PATH. */
  public static void sentencePiece() {
    require(runs("spm_encode", "--version") && runs("spm_train", "--version"),
        "spm_train/spm_encode not on the PATH; run tests/setup/install-sentencepiece.sh");
  }

  /** Whether {@code command} starts and ends within 30 s (its exit code aside). */
  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
