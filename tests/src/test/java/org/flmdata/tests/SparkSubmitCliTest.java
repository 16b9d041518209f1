package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI of the shaded jar under SparkSubmit: usage and clean failure, per DESIGN.md "Command line". */
class SparkSubmitCliTest {

  @Test
  void helpPrintsUsageOfEveryCommandAndExitsZero() throws Exception {
    SubmitResult r = SparkSubmitRunner.pipeline().label("cli-help").run("--help");

    assertEquals(0, r.exitCode(), r::describe);
    for (String command : List.of("run", "extract", "report", "show")) {
      assertTrue(r.stdout().contains(command), () -> "usage does not name `" + command + "`\n" + r.describe());
    }
  }

  @Test
  void missingConfigFailsWithNonZeroExitNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such-pipeline.yaml");
    SubmitResult r = SparkSubmitRunner.pipeline().label("cli-missing-config")
        .run("run", "-c", missing.toString(), "--output", dir.resolve("out").toString());

    assertNotEquals(0, r.exitCode(), r::describe);
    // Spark's own startup lines share stderr, so look for the one line that names the file.
    long naming = r.stderr().lines().filter(l -> l.contains(missing.getFileName().toString())).count();
    assertEquals(1, naming, () -> "expected one stderr line naming " + missing + "\n" + r.describe());
  }
}
