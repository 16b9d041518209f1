package org.flmdata.tests;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.jobs.Committers;

/**
 * A spark-submit application that writes Parquet to {@code ROOT} the way a stage does
 * (partitioned, overwrite) with the committer {@link Committers} chooses, while tasks fail midway
 * by injection, after several MB of their file went out: {@code ROOT/retried}, where partition 1's
 * first attempt fails and its retry succeeds ({@code spark.task.maxFailures} 2), and {@code
 * ROOT/failed}, where partition 1 fails every time so the job fails. Rows are 4 KB, written
 * uncompressed in 1 MB row groups, so when a task fails each of its two files has about 7 MB out:
 * past the 5 MB multipart size the test sets, so parts were uploaded.
 *
 * <p>Usage: {@code CommitProbe ROOT}; prints {@code committer <line>}, {@code retried rows=N
 * distinct=N} and {@code failed <error class>}.
 */
public final class CommitProbe {
  private CommitProbe() {}

  static final int PARTITIONS = 4;
  static final int ROWS_PER_PARTITION = 4000;
  static final int FAIL_AFTER = 3500;
  static final int DOMAINS = 2;

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: CommitProbe ROOT");
      System.exit(2);
    }
    String root = args[0];
    SparkSession spark = SparkSession.builder().appName("flmdata-commit-probe").getOrCreate();
    try {
      System.out.println("committer " + Committers.configure(spark, root));
      write(spark, root + "/retried", false);
      Dataset<Row> back = spark.read().parquet(root + "/retried");
      System.out.println("retried rows=" + back.count() + " distinct="
          + back.select("id").distinct().count());
      try {
        write(spark, root + "/failed", true);
        System.out.println("failed none");
      } catch (Exception e) { // a SparkException, which Java sees undeclared
        System.out.println("failed " + e.getClass().getSimpleName());
      }
    } finally {
      spark.stop();
    }
  }

  private static void write(SparkSession spark, String dir, boolean always) {
    spark.range(0, (long) PARTITIONS * ROWS_PER_PARTITION, 1, PARTITIONS)
        .mapPartitions(new Rows(always), Encoders.LONG())
        .withColumn("text", functions.expr("repeat(sha2(cast(value as string), 256), 64)"))
        .withColumn("domain", functions.expr("concat('d', cast(value % " + DOMAINS + " as string))"))
        .withColumnRenamed("value", "id")
        .write()
        .mode(SaveMode.Overwrite)
        .option("parquet.block.size", 1 << 20)
        .option("parquet.enable.dictionary", false)
        .option("compression", "none")
        .partitionBy("domain")
        .parquet(dir);
  }

  /** Passes ids through; partition 1 throws after {@link #FAIL_AFTER} rows (first attempt only). */
  static final class Rows implements MapPartitionsFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final boolean always;

    Rows(boolean always) {
      this.always = always;
    }

    @Override
    public Iterator<Long> call(Iterator<Long> ids) {
      TaskContext task = TaskContext.get();
      boolean fail = task.partitionId() == 1 && (always || task.attemptNumber() == 0);
      return new Iterator<>() {
        int i;

        @Override
        public boolean hasNext() {
          if (fail && i == FAIL_AFTER) {
            throw new IllegalStateException("injected failure in partition 1 attempt "
                + task.attemptNumber() + " after " + i + " rows");
          }
          return ids.hasNext();
        }

        @Override
        public Long next() {
          if (!hasNext()) throw new NoSuchElementException();
          i++;
          return ids.next();
        }
      };
    }
  }
}
