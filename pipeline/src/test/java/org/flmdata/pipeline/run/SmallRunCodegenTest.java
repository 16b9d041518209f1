package org.flmdata.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose inputs are small turns whole-stage code generation off for its duration and gives
 * the session back as it was; inputs of 64 MB or more, or a setting the user made, are left alone.
 */
class SmallRunCodegenTest {
  @TempDir Path dir;
  SparkSession spark = SparkTestSession.get();

  private PipelineConfig config(long inputBytes) throws IOException {
    Path domains = Files.createDirectories(dir.resolve("domains"));
    Path in = Files.createDirectories(dir.resolve("in"));
    try (RandomAccessFile f = new RandomAccessFile(in.resolve("a.txt").toFile(), "rw")) {
      f.setLength(inputBytes - 1); // sparse: no disk is written
    }
    Files.writeString(in.resolve("b.txt"), "x");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: run\n");
    Files.writeString(domains.resolve("a.yaml"),
        "name: A\nlanguages: [en]\nproportion: 100\ninputs: [{path: ../in, format: text}]\n");
    return new ConfigLoader(Map.of(), new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
  }

  @Test
  void smallInputsRunWithoutWholeStageCodegenUntilClosed() throws IOException {
    PipelineConfig config = config(SmallRunCodegen.SMALL_BYTES - 1);
    assertEquals(SmallRunCodegen.SMALL_BYTES - 1,
        SmallRunCodegen.inputBytesUpTo(config, new Configuration(), Long.MAX_VALUE));
    assertFalse(spark.conf().contains(SmallRunCodegen.KEY));
    try (SmallRunCodegen c = SmallRunCodegen.apply(spark, config)) {
      assertTrue(c.off());
      assertEquals("false", spark.conf().get(SmallRunCodegen.KEY));
    }
    assertFalse(spark.conf().contains(SmallRunCodegen.KEY));
  }

  @Test
  void inputsOfSixtyFourMegabytesKeepIt() throws IOException {
    PipelineConfig config = config(SmallRunCodegen.SMALL_BYTES);
    try (SmallRunCodegen c = SmallRunCodegen.apply(spark, config)) {
      assertFalse(c.off());
      assertFalse(spark.conf().contains(SmallRunCodegen.KEY));
    }
  }

  @Test
  void theUsersSettingIsLeftAlone() throws IOException {
    PipelineConfig config = config(10);
    spark.conf().set(SmallRunCodegen.KEY, "true");
    try (SmallRunCodegen c = SmallRunCodegen.apply(spark, config)) {
      assertFalse(c.off());
      assertEquals("true", spark.conf().get(SmallRunCodegen.KEY));
    } finally {
      spark.conf().unset(SmallRunCodegen.KEY);
    }
  }
}
