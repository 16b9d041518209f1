package org.flmdata.pipeline;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;

/**
 * What a stage gets from the runner; driver-side only, never captured in closures.
 *
 * @param out the console: one-line facts a user should see while the stage runs (stages never
 *     write to {@code System.out})
 * @param cache what the stage persists; the runner releases it once the stage is written
 */
public record StageContext(SparkSession spark, PipelineConfig config, RunLayout layout,
    PrintWriter out, StageCache cache) {

  /** A context printing to standard output, with a fresh cache (tests, one-off commands). */
  public StageContext(SparkSession spark, PipelineConfig config, RunLayout layout) {
    this(spark, config, layout,
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new StageCache());
  }
}
