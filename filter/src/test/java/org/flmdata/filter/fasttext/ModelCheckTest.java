package org.flmdata.filter.fasttext;

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
    assertTrue(e.getMessage().contains("cannot be loaded"), e.getMessage());
  }

  /** fastText asserts (and aborts the process) on a truncated model: only the child dies. */
  @Test
  void truncatedModelFailsInTheChildNotInThisJvm() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    byte[] b = Files.readAllBytes(model);
    Path f = tmp.resolve("half.ftz");
    Files.write(f, Arrays.copyOf(b, b.length / 2));
    var e = assertThrows(IllegalArgumentException.class, () -> ModelCheck.verify(f.toString()));
    assertTrue(e.getMessage().contains("cannot be loaded"), e.getMessage());
  }
}
