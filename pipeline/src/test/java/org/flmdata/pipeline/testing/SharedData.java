package org.flmdata.pipeline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real third-party test files in {@code ../shared/data} and {@code ../shared/models}, present on
 * the project's machines but not in a user's clone: tests that use them skip with a clear message
 * when they are absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder: system property {@code flmdata.shared}, else {@code ../shared}. */
  public static Path root() {
    String p = System.getProperty("flmdata.shared");
    return Path.of(p != null ? p : "../shared").toAbsolutePath().normalize();
  }

  /** {@code shared/<relative>}, or the calling test is skipped when it does not exist. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Assumptions.assumeTrue(Files.exists(p),
        "skipped: shared test data " + p + " is absent (only the project's machines have it)");
    return p;
  }
}
