package org.flmdata.pipeline;

import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;

/** What a stage gets from the runner; driver-side only, never captured in closures. */
public record StageContext(SparkSession spark, PipelineConfig config, RunLayout layout) {}
