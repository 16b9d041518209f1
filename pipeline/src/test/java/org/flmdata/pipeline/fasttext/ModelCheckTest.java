package org.flmdata.pipeline.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckTest {
  @TempDir Path tmp;

  @Test
  void goodModelGivesItsLabels() {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    ModelCheck.ModelInfo info = ModelCheck.verify(model.toString());
    assertEquals(176, info.labels().size());
    assertEquals(FastTextModel.loadVerified(model.toString()).labels(), info.labels());
    assertEquals(16, info.dim());
  }

  @Test
  void missingModelIsOneClearError() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ModelCheck.verify(tmp.resolve("nope.bin").toString()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void textFileIsNotAModel() throws Exception {
    Path f = tmp.resolve("junk.bin");
    Files.writeString(f, "this is not a fastText model\n", StandardCharsets.UTF_8);
    var e = assertThrows(IllegalArgumentException.class, () -> ModelCheck.verify(f.toString()));
    assertTrue(e.getMessage().contains("is not a fastText model"), e.getMessage());
  }

  /**
   * fastText asserts (aborting the process), throws bad_alloc after minutes, or exits on models
   * cut at these points; each is one clear error here, found before fastText sees the file.
   */
  @Test
  void truncatedModelsAreOneClearErrorWithoutLoading() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    byte[] b = Files.readAllBytes(model);
    for (int cut : new int[] {3, 100, 4096, 200_000, b.length / 2, b.length - 1}) {
      Path f = tmp.resolve("cut" + cut + ".ftz");
      Files.write(f, Arrays.copyOf(b, cut));
      long t0 = System.nanoTime();
      var e = assertThrows(IllegalArgumentException.class, () -> ModelCheck.verify(f.toString()));
      assertTrue(e.getMessage().contains("truncated"), cut + ": " + e.getMessage());
      assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "check of " + cut + " took over 1 s");
    }
    Path longer = tmp.resolve("longer.ftz");
    Files.write(longer, Arrays.copyOf(b, b.length + 7));
    var e = assertThrows(IllegalArgumentException.class, () -> ModelCheck.verify(longer.toString()));
    assertTrue(e.getMessage().contains("headers describe"), e.getMessage());
  }

  /** A damaged model that passes the structure check still fails in the child, not here. */
  @Test
  void modelThatFastTextRejectsFailsInTheChild() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    byte[] b = Files.readAllBytes(model);
    b[4] = 12; // version stays valid
    b[8] = 0; // dim 0..: fastText loads garbage arguments
    Path f = tmp.resolve("dim.ftz");
    Files.write(f, b);
    // whatever fastText does with it, this JVM survives and the answer is one line
    try {
      ModelCheck.ModelInfo info = ModelCheck.verify(f.toString());
      assertEquals(176, info.labels().size());
    } catch (IllegalArgumentException ex) {
      assertTrue(ex.getMessage().startsWith("fastText model " + f), ex.getMessage());
    }
  }
}
