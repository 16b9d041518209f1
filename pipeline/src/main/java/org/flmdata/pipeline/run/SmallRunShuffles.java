package org.flmdata.pipeline.run;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.PipelineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuffles of a run whose raw inputs are small ({@link SmallRunCodegen#SMALL_BYTES}): adaptive
 * query execution off and {@code spark.sql.shuffle.partitions} set to the session's default
 * parallelism (at most {@link #MAX_PARTITIONS}). Adaptive execution runs every shuffle of a query
 * as a Spark job of its own, and its coalescing is what kept Spark's default of 200 shuffle
 * partitions from running 200 tasks per stage; on the README's sample (0.6 MB) that made the
 * stages' and the report's small group-bys two to four Spark jobs each (the report 34 jobs, mix
 * 15), each costing the driver planning and scheduling time worth more than the work. With the
 * partitions sized up front, a group-by is one job. No row depends on either setting: every
 * shuffle result of the stages is a group-by, join or explicitly partitioned write whose rows do
 * not depend on the plan (the README's run writes the same rows, shards and stats either way).
 *
 * <p>Either setting the user made ({@code --conf} or pipeline.yaml's {@code spark:}) is left as it
 * is; {@link #close} gives the session back as it was.
 */
public final class SmallRunShuffles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmallRunShuffles.class);

  /** Spark's switch for adaptive query execution. */
  public static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  /** Partitions of every shuffle that has no explicit count. */
  public static final String PARTITIONS = "spark.sql.shuffle.partitions";

  /** A small run's shuffles never take more partitions than this, whatever the cluster's size. */
  static final int MAX_PARTITIONS = 64;

  private final RuntimeConfig conf;
  private final boolean adaptiveSet;
  private final boolean partitionsSet;

  private SmallRunShuffles(RuntimeConfig conf, boolean adaptiveSet, boolean partitionsSet) {
    this.conf = conf;
    this.adaptiveSet = adaptiveSet;
    this.partitionsSet = partitionsSet;
  }

  /**
   * Sizes {@code spark}'s shuffles for {@code config}'s run when its inputs are small; settings
   * the user made are kept. {@link #close} restores the session's settings.
   */
  public static SmallRunShuffles apply(SparkSession spark, PipelineConfig config) {
    RuntimeConfig conf = spark.conf();
    boolean userAdaptive = conf.contains(ADAPTIVE);
    boolean userPartitions = conf.contains(PARTITIONS);
    if (userAdaptive && userPartitions) return new SmallRunShuffles(conf, false, false);
    long bytes = SmallRunCodegen.inputBytesUpTo(config,
        spark.sparkContext().hadoopConfiguration(), SmallRunCodegen.SMALL_BYTES);
    if (bytes < 0 || bytes >= SmallRunCodegen.SMALL_BYTES) {
      return new SmallRunShuffles(conf, false, false);
    }
    int partitions = partitions(spark.sparkContext().defaultParallelism());
    if (!userPartitions) conf.set(PARTITIONS, Integer.toString(partitions));
    if (!userAdaptive) conf.set(ADAPTIVE, "false");
    LOG.info("small run ({} bytes of input): {} shuffle partitions, adaptive execution {}",
        bytes, conf.get(PARTITIONS), conf.get(ADAPTIVE));
    return new SmallRunShuffles(conf, !userAdaptive, !userPartitions);
  }

  /** A small run's shuffle partitions for a session of {@code parallelism} cores. */
  static int partitions(int parallelism) {
    return Math.max(1, Math.min(MAX_PARTITIONS, parallelism));
  }

  /** Whether this run turned adaptive execution off. */
  public boolean adaptiveOff() {
    return adaptiveSet;
  }

  /** Whether this run set the shuffle partitions. */
  public boolean partitionsSet() {
    return partitionsSet;
  }

  @Override
  public void close() {
    if (adaptiveSet) conf.unset(ADAPTIVE);
    if (partitionsSet) conf.unset(PARTITIONS);
  }
}
