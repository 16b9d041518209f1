package org.flmdata.dedup;

import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * How many partitions dedup's shuffles take: the user's {@code spark.sql.shuffle.partitions} when
 * they set it, else as many as the stage's input has (Spark sizes a file scan by its bytes, so a
 * 200 KB sample gets one or two and a crawl thousands). Every shuffle of the stage moves less than
 * the input (keys and ids, no text, except the candidates' text in {@link JaccardCheck}), so the
 * input's count is an upper bound that stays proportional to the data. Without it every group-by,
 * window and join of the stage took Spark's default of 200 partitions whatever the input: a run of
 * 194 documents spent two minutes in over 2,000 tasks.
 *
 * <p>The decisions are computed and cached inside {@link DedupStage#apply}, so the shuffles planned
 * there see the setting through {@link #within}; the one shuffle planned later (the join of the
 * input with its decisions) is partitioned explicitly by {@link #partitions()}.
 */
final class ShuffleSizing {
  static final String KEY = "spark.sql.shuffle.partitions";

  private final SparkSession spark;
  private final int partitions;
  private final boolean userSet;

  private ShuffleSizing(SparkSession spark, int partitions, boolean userSet) {
    this.spark = spark;
    this.partitions = partitions;
    this.userSet = userSet;
  }

  /** The sizing of a stage reading {@code input}. */
  static ShuffleSizing of(SparkSession spark, Dataset<?> input) {
    RuntimeConfig conf = spark.conf();
    if (conf.contains(KEY)) {
      return new ShuffleSizing(spark, Math.max(1, Integer.parseInt(conf.get(KEY).trim())), true);
    }
    return new ShuffleSizing(spark, Math.max(1, input.rdd().getNumPartitions()), false);
  }

  int partitions() {
    return partitions;
  }

  /** Runs {@code work} with the stage's shuffle partitions, then restores the session's. */
  <T> T within(Supplier<T> work) {
    if (userSet) return work.get();
    spark.conf().set(KEY, Integer.toString(partitions));
    try {
      return work.get();
    } finally {
      spark.conf().unset(KEY);
    }
  }
}
