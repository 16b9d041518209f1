package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShuffleSizingTest {
  private final SparkSession spark = SparkTestSession.get();

  @TempDir Path dir;

  /** A small stage input as the runner gives it: a scan of written Parquet files. */
  private Dataset<Row> smallScan() {
    String path = dir.resolve("in").toString();
    spark.range(100).toDF("n").write().parquet(path);
    assertTrue(Files.exists(dir.resolve("in")));
    return spark.read().parquet(path);
  }

  @Test
  void smallInputRunsWithinWithAdaptiveExecutionOffAndRestoresTheSessionAfter() {
    Dataset<Row> input = smallScan();
    String was = spark.conf().get(ShuffleSizing.ADAPTIVE);
    spark.conf().unset(ShuffleSizing.ADAPTIVE);
    try {
      assertTrue(ShuffleSizing.small(input));
      ShuffleSizing sizing = ShuffleSizing.of(spark, input);
      assertTrue(sizing.adaptiveOff());
      String inside = sizing.within(() -> spark.conf().get(ShuffleSizing.ADAPTIVE));
      assertEquals("false", inside);
      assertFalse(spark.conf().contains(ShuffleSizing.ADAPTIVE));
    } finally {
      spark.conf().set(ShuffleSizing.ADAPTIVE, was);
    }
  }

  @Test
  void aUsersAdaptiveSettingIsLeftAsItIs() {
    Dataset<Row> input = smallScan();
    String was = spark.conf().get(ShuffleSizing.ADAPTIVE);
    spark.conf().set(ShuffleSizing.ADAPTIVE, "true");
    try {
      ShuffleSizing sizing = ShuffleSizing.of(spark, input);
      assertFalse(sizing.adaptiveOff());
      assertEquals("true", sizing.within(() -> spark.conf().get(ShuffleSizing.ADAPTIVE)));
      assertEquals("true", spark.conf().get(ShuffleSizing.ADAPTIVE));
    } finally {
      spark.conf().set(ShuffleSizing.ADAPTIVE, was);
    }
  }

  @Test
  void anInputOfSixtyFourMegabytesOrMoreIsNotSmall() {
    // Spark's size estimate of a range of 10 million longs: 80 MB, above SMALL_BYTES
    assertFalse(ShuffleSizing.small(spark.range(10_000_000L).toDF()));
  }
}
