package org.flmdata.pipeline.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM (STYLE.md rule 10): local[2], UI off, loopback, few
 * shuffle partitions. Never stopped by tests; the JVM ends it.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  private static final class Holder {
    static final SparkSession SPARK = SparkSession.builder()
        .master("local[2]")
        .appName("flmdata-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.sql.adaptive.enabled", "false")
        .getOrCreate();
  }

  public static SparkSession get() {
    return Holder.SPARK;
  }
}
