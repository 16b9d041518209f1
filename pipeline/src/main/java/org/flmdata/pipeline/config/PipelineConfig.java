package org.flmdata.pipeline.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The whole run configuration: {@code pipeline.yaml} plus every domain file, validated. Built by
 * {@link ConfigLoader} before any Spark work; small, so it may travel to executors.
 *
 * @param file where pipeline.yaml was read from
 * @param output the run's output root (local path or s3a:// URI)
 * @param domains the domains, in file-name order
 * @param tokenizer the {@code tokenizer:} section
 * @param mix the {@code mix:} section
 * @param spark the {@code spark:} section (local runs only)
 * @param run run-wide settings: seed, rejected text sampling
 */
public record PipelineConfig(
    String file,
    String output,
    List<DomainConfig> domains,
    Settings tokenizer,
    Settings mix,
    Settings spark,
    Settings run)
    implements Serializable {

  public PipelineConfig withOutput(String newOutput) {
    return new PipelineConfig(file, newOutput, domains, tokenizer, mix, spark, run);
  }

  public DomainConfig domain(String name) {
    for (DomainConfig d : domains) {
      if (d.name().equals(name)) return d;
    }
    throw new IllegalArgumentException("no domain " + name + " in " + file);
  }

  public long seed() {
    return run.get(PipelineSettings.SEED);
  }

  public double rejectedTextFraction() {
    return run.get(PipelineSettings.REJECTED_TEXT_FRACTION);
  }

  public String sparkMaster() {
    return spark.get(PipelineSettings.SPARK_MASTER);
  }

  public Map<String, String> sparkConf() {
    return spark.get(PipelineSettings.SPARK_CONF);
  }
}
