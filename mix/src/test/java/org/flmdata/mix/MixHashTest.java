package org.flmdata.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.ConfigHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing what decides the mixture reruns the mix stage: its config hash changes. */
class MixHashTest {
  @TempDir Path dir;

  private String hash(String name, String mix, String proportion) throws Exception {
    // one folder, files rewritten: input paths resolve the same, only the settings differ
    Path d = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(d.resolve("domains"));
    Files.writeString(d.resolve("in.txt"), "x");
    Files.writeString(d.resolve("pipeline.yaml"),
        "output: run\ntokenizer: {path: t.json}\nmix: " + mix + "\n");
    Files.writeString(d.resolve("domains/a.yaml"), "name: A\nlanguages: [en]\nproportion: "
        + proportion + "\ninputs: [{path: ../in.txt, format: text}]\n");
    Files.writeString(d.resolve("domains/b.yaml"), "name: B\nlanguages: [en]\nproportion: "
        + (100 - Double.parseDouble(proportion)) + "\ninputs: [{path: ../in.txt, format: text}]\n");
    PipelineConfig c = new ConfigLoader(Map.of(MixStage.NAME, MixStage.SECTION),
        new Configuration(), true).load(d.resolve("pipeline.yaml").toString());
    MixStage s = new MixStage(new WordCounterFactory());
    return ConfigHash.of(c, s.name(), List.of(s.name()), "dedup", "h", s.hashFacts(c));
  }

  @Test
  void budgetProportionsAndMaterializeChangeTheHash() throws Exception {
    String base = hash("base", "{total_tokens: 1000}", "60");
    assertEquals(base, hash("same", "{total_tokens: 1000}", "60"));
    assertNotEquals(base, hash("budget", "{total_tokens: 2000}", "60"));
    assertNotEquals(base, hash("share", "{total_tokens: 1000}", "70"));
    assertNotEquals(base, hash("blend", "{total_tokens: 1000, materialize: false}", "60"));
    assertNotEquals(base, hash("seed", "{total_tokens: 1000, seed: 1}", "60"));
  }
}
