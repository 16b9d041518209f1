package org.flmdata.pipeline.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real third-party test files in {@code ../shared/data} and {@code ../shared/models}, present on
 * the project's machines but not in a user's clone: tests that use them skip with a clear message
 * when they are absent, and fail under CI ({@link Prerequisites}).
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder: system property {@code flmdata.shared}, else {@code ../shared}. */
  public static Path root() {
    String p = System.getProperty("flmdata.shared");
    return Path.of(p != null ? p : "../shared").toAbsolutePath().normalize();
  }

  /**
   * {@code shared/<relative>}; when it does not exist the calling test is skipped, or fails under
   * CI ({@link Prerequisites#require}).
   */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Prerequisites.require(Files.exists(p),
        "shared test data " + p + " is absent (only the project's machines have it; set"
            + " -Dflmdata.shared=DIR to point elsewhere)");
    return p;
  }

  /**
   * Whether {@code file} (a path under {@link #root}) exists, for data a test can do without: on a
   * user's clone an absent file is left out; under CI its absence fails the test, since there every
   * shared file is expected ({@link Prerequisites}).
   */
  public static boolean present(Path file) {
    if (Files.exists(file)) return true;
    Prerequisites.require(!Prerequisites.underCi(), "shared test data " + file + " is absent");
    return false;
  }
}
