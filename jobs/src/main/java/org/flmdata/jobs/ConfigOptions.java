package org.flmdata.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import picocli.CommandLine.Option;

/** Options shared by every command that reads pipeline.yaml. */
final class ConfigOptions {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "PIPELINE.yaml",
      description = "pipeline.yaml, local path or s3a:// URI")
  String config;

  @Option(names = "--output", paramLabel = "DIR", description = "run output root (overrides"
      + " pipeline.yaml's output)")
  String output;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Spark configuration, as spark-submit's --conf (repeatable)")
  Map<String, String> conf = new LinkedHashMap<>();

  /** Loads and validates the config, before any Spark work. */
  PipelineConfig load(boolean checkInputs) {
    Configuration hadoop = Sessions.hadoopConf(conf);
    PipelineConfig c = new ConfigLoader(Stages.sections(), hadoop, checkInputs).load(config);
    return output == null ? c : c.withOutput(output);
  }
}
