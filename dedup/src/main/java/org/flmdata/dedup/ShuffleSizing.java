package org.flmdata.dedup;

import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.run.SmallRunCodegen;
import scala.math.BigInt;

/**
 * How many partitions dedup's shuffles take, and whether they run adaptively: the user's {@code spark.sql.shuffle.partitions} when
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
 *
 * <p>A small input (under {@link SmallRunCodegen#SMALL_BYTES} of stage input, as Spark estimates
 * its scan) also has adaptive query execution off inside {@link #within}, unless the user set
 * {@value #ADAPTIVE}: adaptive execution runs each shuffle of a query as its own Spark job, and the
 * decisions' few dozen shuffles on a sample of 194 documents were 35 of the stage's 44 jobs,
 * while the shuffles are already sized to the data here. The decisions do not depend on it (node
 * ids come from an explicitly sized range partitioning; every other result is a group-by or join
 * whose rows do not depend on the plan).
 */
final class ShuffleSizing {
  static final String KEY = "spark.sql.shuffle.partitions";

  /** Spark's switch for adaptive query execution. */
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  private final SparkSession spark;
  private final int partitions;
  private final boolean userSet;
  private final boolean adaptiveOff;

  private ShuffleSizing(SparkSession spark, int partitions, boolean userSet, boolean adaptiveOff) {
    this.spark = spark;
    this.partitions = partitions;
    this.userSet = userSet;
    this.adaptiveOff = adaptiveOff;
  }

  /** The sizing of a stage reading {@code input}. */
  static ShuffleSizing of(SparkSession spark, Dataset<?> input) {
    RuntimeConfig conf = spark.conf();
    boolean small = !conf.contains(ADAPTIVE) && small(input);
    if (conf.contains(KEY)) {
      return new ShuffleSizing(spark, Math.max(1, Integer.parseInt(conf.get(KEY).trim())), true,
          small);
    }
    return new ShuffleSizing(spark, Math.max(1, input.rdd().getNumPartitions()), false, small);
  }

  /** Whether Spark estimates {@code input} (a scan of the previous stage's files) as small. */
  static boolean small(Dataset<?> input) {
    BigInt bytes = input.queryExecution().optimizedPlan().stats().sizeInBytes();
    return bytes.compare(BigInt.apply(SmallRunCodegen.SMALL_BYTES)) < 0;
  }

  /** Whether {@link #within} runs with adaptive query execution off. */
  boolean adaptiveOff() {
    return adaptiveOff;
  }

  int partitions() {
    return partitions;
  }

  /** Runs {@code work} with the stage's shuffle partitions, then restores the session's. */
  <T> T within(Supplier<T> work) {
    if (!userSet) spark.conf().set(KEY, Integer.toString(partitions));
    if (adaptiveOff) spark.conf().set(ADAPTIVE, "false");
    try {
      return work.get();
    } finally {
      if (!userSet) spark.conf().unset(KEY);
      if (adaptiveOff) spark.conf().unset(ADAPTIVE);
    }
  }
}
