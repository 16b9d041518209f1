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
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose inputs are small sizes its shuffles up front (adaptive execution off, partitions
 * from the session's parallelism) until closed; 64 MB of input, or the user's own settings, are
 * left alone.
 */
class SmallRunShufflesTest {
  @TempDir Path dir;
  SparkSession spark = SparkTestSession.get();
  RuntimeConfig conf = spark.conf();
  String adaptiveWas;
  String partitionsWas;

  @BeforeEach
  void unsetTheTestSessionsChoices() {
    adaptiveWas = conf.get(SmallRunShuffles.ADAPTIVE);
    partitionsWas = conf.get(SmallRunShuffles.PARTITIONS);
    conf.unset(SmallRunShuffles.ADAPTIVE);
    conf.unset(SmallRunShuffles.PARTITIONS);
  }

  @AfterEach
  void restore() {
    conf.set(SmallRunShuffles.ADAPTIVE, adaptiveWas);
    conf.set(SmallRunShuffles.PARTITIONS, partitionsWas);
  }

  private PipelineConfig config(long inputBytes) throws IOException {
    Path domains = Files.createDirectories(dir.resolve("domains"));
    Path in = Files.createDirectories(dir.resolve("in"));
    try (RandomAccessFile f = new RandomAccessFile(in.resolve("a.txt").toFile(), "rw")) {
      f.setLength(inputBytes); // sparse: no disk is written
    }
    Files.writeString(dir.resolve("pipeline.yaml"), "output: run\n");
    Files.writeString(domains.resolve("a.yaml"),
        "name: A\nlanguages: [en]\nproportion: 100\ninputs: [{path: ../in, format: text}]\n");
    return new ConfigLoader(Map.of(), new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
  }

  @Test
  void smallInputsRunWithoutAdaptiveExecutionAndWithTheSessionsParallelismUntilClosed()
      throws IOException {
    PipelineConfig config = config(SmallRunCodegen.SMALL_BYTES - 1);
    try (SmallRunShuffles s = SmallRunShuffles.apply(spark, config)) {
      assertTrue(s.adaptiveOff() && s.partitionsSet());
      assertEquals("false", conf.get(SmallRunShuffles.ADAPTIVE));
      assertEquals(Integer.toString(Math.min(SmallRunShuffles.MAX_PARTITIONS,
          spark.sparkContext().defaultParallelism())), conf.get(SmallRunShuffles.PARTITIONS));
      // a group-by is one Spark job of the sized partitions
      assertEquals(Integer.parseInt(conf.get(SmallRunShuffles.PARTITIONS)),
          spark.range(1000).groupBy("id").count().rdd().getNumPartitions());
    }
    assertFalse(conf.contains(SmallRunShuffles.ADAPTIVE));
    assertFalse(conf.contains(SmallRunShuffles.PARTITIONS));
  }

  @Test
  void inputsOfSixtyFourMegabytesKeepSparksDefaults() throws IOException {
    PipelineConfig config = config(SmallRunCodegen.SMALL_BYTES);
    try (SmallRunShuffles s = SmallRunShuffles.apply(spark, config)) {
      assertFalse(s.adaptiveOff() || s.partitionsSet());
      assertFalse(conf.contains(SmallRunShuffles.ADAPTIVE));
      assertFalse(conf.contains(SmallRunShuffles.PARTITIONS));
    }
  }

  @Test
  void theUsersSettingsAreLeftAlone() throws IOException {
    PipelineConfig config = config(10);
    conf.set(SmallRunShuffles.ADAPTIVE, "true");
    try (SmallRunShuffles s = SmallRunShuffles.apply(spark, config)) {
      assertFalse(s.adaptiveOff());
      assertTrue(s.partitionsSet());
      assertEquals("true", conf.get(SmallRunShuffles.ADAPTIVE));
    }
    assertEquals("true", conf.get(SmallRunShuffles.ADAPTIVE));
    conf.set(SmallRunShuffles.PARTITIONS, "7");
    try (SmallRunShuffles s = SmallRunShuffles.apply(spark, config)) {
      assertFalse(s.adaptiveOff() || s.partitionsSet());
      assertEquals("7", conf.get(SmallRunShuffles.PARTITIONS));
    }
    assertEquals("7", conf.get(SmallRunShuffles.PARTITIONS));
  }

  @Test
  void aLargeClustersSmallRunTakesAtMostSixtyFourPartitions() {
    assertEquals(1, SmallRunShuffles.partitions(0));
    assertEquals(2, SmallRunShuffles.partitions(2));
    assertEquals(SmallRunShuffles.MAX_PARTITIONS, SmallRunShuffles.partitions(1000));
  }
}
