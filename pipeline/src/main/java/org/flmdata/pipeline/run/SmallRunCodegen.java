package org.flmdata.pipeline.run;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-stage code generation off for a run whose raw inputs are small. Spark generates Java
 * source for each query plan and compiles it with Janino; on a few MB the compiling (and the JIT
 * then compiling Janino) costs more CPU than the generated code saves: the README's sample run
 * (0.6 MB, about a hundred Spark queries) spent a fifth of its CPU there. The stages' own work is
 * plain Java either way, and the rows and files written do not depend on the setting. Inputs of
 * {@link #SMALL_BYTES} or more, or a {@code spark.sql.codegen.wholeStage} the user set, are left
 * as they are. Listing stops as soon as the inputs are known not to be small.
 */
public final class SmallRunCodegen implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmallRunCodegen.class);

  /** Spark's switch for whole-stage code generation. */
  public static final String KEY = "spark.sql.codegen.wholeStage";

  /** Raw inputs below this many bytes make a small run. */
  public static final long SMALL_BYTES = 64L << 20;

  private final RuntimeConfig conf;
  private final boolean set;

  private SmallRunCodegen(RuntimeConfig conf, boolean set) {
    this.conf = conf;
    this.set = set;
  }

  /**
   * Turns whole-stage code generation off in {@code spark}'s session when {@code config}'s inputs
   * are small and the user did not set it; {@link #close} restores the session's setting.
   */
  public static SmallRunCodegen apply(SparkSession spark, PipelineConfig config) {
    RuntimeConfig conf = spark.conf();
    if (conf.contains(KEY)) return new SmallRunCodegen(conf, false);
    long bytes = inputBytesUpTo(config, spark.sparkContext().hadoopConfiguration(), SMALL_BYTES);
    if (bytes < 0 || bytes >= SMALL_BYTES) return new SmallRunCodegen(conf, false);
    LOG.info("small run ({} bytes of input): whole-stage code generation off", bytes);
    conf.set(KEY, "false");
    return new SmallRunCodegen(conf, true);
  }

  /** Whether this run turned code generation off. */
  public boolean off() {
    return set;
  }

  @Override
  public void close() {
    if (set) conf.unset(KEY);
  }

  /**
   * Whether {@code config}'s raw inputs are under {@link #SMALL_BYTES} (false when one cannot be
   * listed): what makes a small run, for settings decided before the session starts.
   */
  public static boolean small(PipelineConfig config, Configuration hadoop) {
    long bytes = inputBytesUpTo(config, hadoop, SMALL_BYTES);
    return bytes >= 0 && bytes < SMALL_BYTES;
  }

  /**
   * Bytes of the files {@code config}'s inputs name, counted until {@code limit} is reached
   * (then {@code limit}); -1 when an input cannot be listed (the stages report that themselves).
   */
  static long inputBytesUpTo(PipelineConfig config, Configuration hadoop, long limit) {
    long total = 0;
    try {
      for (DomainConfig d : config.domains()) {
        for (InputSpec in : d.inputs()) {
          Path p = new Path(in.path());
          FileSystem fs = p.getFileSystem(hadoop);
          FileStatus[] matches = fs.globStatus(p);
          if (matches == null) continue;
          for (FileStatus m : matches) {
            if (!m.isDirectory()) {
              total += m.getLen();
            } else {
              RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
              while (it.hasNext() && total < limit) total += it.next().getLen();
            }
            if (total >= limit) return limit;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return total;
  }
}
