package org.flmdata.pipeline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one rule for a missing prerequisite: a skip on a user's clone, a failure under CI=true. */
class PrerequisitesTest {

  @Test
  void aMissingPrerequisiteFailsUnderCiAndIsSkippedElsewhere() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    assertEquals(ci, Prerequisites.underCi());
    Class<? extends Throwable> expected = ci ? AssertionFailedError.class : TestAbortedException.class;
    Throwable t = assertThrows(expected, () -> Prerequisites.require(false, "widget; install it"));
    assertTrue(t.getMessage().contains("widget; install it"), t.getMessage());
    Prerequisites.require(true, "never said");
  }

  @Test
  void missingSharedDataIsTheSameRule() {
    boolean ci = Prerequisites.underCi();
    Class<? extends Throwable> expected = ci ? AssertionFailedError.class : TestAbortedException.class;
    Throwable t = assertThrows(expected, () -> SharedData.require("no/such/file-of-flmdata"));
    assertTrue(t.getMessage().contains("no/such/file-of-flmdata"), t.getMessage());
    Path absent = SharedData.root().resolve("no/such/file-of-flmdata");
    if (ci) {
      assertThrows(AssertionFailedError.class, () -> SharedData.present(absent));
    } else {
      assertEquals(false, SharedData.present(absent));
    }
  }
}
