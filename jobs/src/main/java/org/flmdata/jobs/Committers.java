package org.flmdata.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Chooses how Spark commits files written to an object store, so a failed or retried task never
 * leaves partial files in a stage's output.
 *
 * <p>Spark's default (the classic FileOutputCommitter) commits by renaming the task's and then the
 * job's temporary folders into place; on S3 a rename is a copy of every object, slow and not
 * atomic, so a driver lost during job commit leaves part of the files visible. For an {@code
 * s3a://} output the run uses the S3A <em>magic</em> committer instead, through Spark's cloud
 * commit protocol: a task's files are uploaded as pending multipart uploads, invisible until job
 * commit completes them; an aborted task or job aborts its uploads. It needs nothing but S3 (strong
 * read-after-write consistency, since 2020) — unlike the staging ("directory") committer, which
 * needs a cluster file system (HDFS) shared by the driver and every executor for its pending-commit
 * data. A bucket should still have a lifecycle rule that aborts incomplete multipart uploads after
 * a few days: the uploads of an executor that died are only removed by the next job's cleanup or by
 * that rule.
 *
 * <p>Whatever the user set stays: {@code spark.sql.sources.commitProtocolClass}, {@code
 * fs.s3a.committer.name} (e.g. {@code directory} on EMR with HDFS, or {@code file} for the classic
 * one) and the other keys are only filled in when absent, from the pipeline.yaml {@code spark:}
 * block, {@code --conf} or spark-submit. Other schemes (local, {@code hdfs://}, where rename is
 * atomic) keep Spark's default. Every command that writes a run calls {@link #configure}; a
 * program embedding the stages may call it too.
 */
public final class Committers {
  private Committers() {}

  static final String PROTOCOL_KEY = "spark.sql.sources.commitProtocolClass";
  static final String PARQUET_COMMITTER_KEY = "spark.sql.parquet.output.committer.class";
  static final String PROTOCOL = "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol";
  static final String PARQUET_COMMITTER =
      "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter";
  static final String FACTORY_KEY = "mapreduce.outputcommitter.factory.scheme.s3a";
  static final String FACTORY = "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory";
  static final String NAME_KEY = "fs.s3a.committer.name";
  static final String MAGIC_KEY = "fs.s3a.committer.magic.enabled";
  static final String MAGIC = "magic";

  /**
   * Sets the committer for writes under {@code outputRoot} on {@code spark}; returns one line for
   * the log saying which committer and where each setting came from, or null when the output is
   * not on s3a.
   */
  public static String configure(SparkSession spark, String outputRoot) {
    String scheme = new Path(outputRoot).toUri().getScheme();
    if (!"s3a".equals(scheme)) return null;
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    RuntimeConfig sql = spark.conf();
    List<String> chosen = new ArrayList<>();
    if (!sql.contains(PROTOCOL_KEY)) {
      if (!loadable(PROTOCOL)) {
        return "s3a output: " + PROTOCOL + " is not on the classpath; Spark's default"
            + " (rename-based) committer is used";
      }
      sql.set(PROTOCOL_KEY, PROTOCOL);
      chosen.add(PROTOCOL_KEY);
    }
    if (!sql.contains(PARQUET_COMMITTER_KEY) && PROTOCOL.equals(sql.get(PROTOCOL_KEY))) {
      sql.set(PARQUET_COMMITTER_KEY, PARQUET_COMMITTER);
      chosen.add(PARQUET_COMMITTER_KEY);
    }
    if (!userSet(hadoop, FACTORY_KEY)) {
      hadoop.set(FACTORY_KEY, FACTORY);
      chosen.add(FACTORY_KEY);
    }
    if (!userSet(hadoop, NAME_KEY)) {
      hadoop.set(NAME_KEY, MAGIC);
      chosen.add(NAME_KEY);
    }
    String name = hadoop.get(NAME_KEY);
    if (MAGIC.equals(name) && !userSet(hadoop, MAGIC_KEY)) {
      hadoop.setBoolean(MAGIC_KEY, true);
      chosen.add(MAGIC_KEY);
    }
    return "s3a output: S3A committer \"" + name + "\" through " + sql.get(PROTOCOL_KEY)
        + (chosen.isEmpty() ? " (all as configured)" : "; set by the pipeline: "
            + String.join(", ", chosen) + " (anything else as configured)");
  }

  /** True when {@code key} has a value that is not one of Hadoop's shipped defaults. */
  static boolean userSet(Configuration conf, String key) {
    if (conf.get(key) == null) return false;
    String[] sources = conf.getPropertySources(key);
    if (sources == null) return true;
    for (String s : sources) {
      if (!s.endsWith("-default.xml")) return true;
    }
    return false;
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
