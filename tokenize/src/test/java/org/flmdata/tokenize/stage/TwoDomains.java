package org.flmdata.tokenize.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;

/**
 * The tokenize stage tests' run config under a folder: domains Web (en, proportion 70) and ZhWeb
 * (zh, 30), the given tokenizer, {@code mix:} section and {@code tokenize:} sections.
 */
final class TwoDomains {
  private TwoDomains() {}

  /**
   * @param mix the pipeline.yaml {@code mix:} value, or null for none
   * @param webTokenize Web's {@code tokenize:} section, e.g. {@code {shard_text_bytes: 4000}}
   * @param zhTokenize ZhWeb's, or null for the defaults
   */
  static PipelineConfig config(Path d, Path tokenizer, String mix, String webTokenize,
      String zhTokenize) throws Exception {
    Files.createDirectories(d.resolve("domains"));
    Files.writeString(d.resolve("a.jsonl"), "{\"text\":\"x\"}\n");
    Files.writeString(d.resolve("pipeline.yaml"), "output: out\ntokenizer: {path: \"" + tokenizer
        + "\", eod: \"<|endoftext|>\"}\n" + (mix == null ? "" : "mix: " + mix + "\n"));
    Files.writeString(d.resolve("domains/web.yaml"), "name: Web\nlanguages: [en]\nproportion: 70\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl}]\ntokenize: " + webTokenize + "\n");
    Files.writeString(d.resolve("domains/zh.yaml"), "name: ZhWeb\nlanguages: [zh]\nproportion: 30\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl}]\n"
        + (zhTokenize == null ? "" : "tokenize: " + zhTokenize + "\n"));
    return new ConfigLoader(Map.of(TokenizeStage.NAME, TokenizeStage.SECTION), new Configuration(),
        true).load(d.resolve("pipeline.yaml").toString());
  }
}
