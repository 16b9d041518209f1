package org.flmdata.pipeline.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.run.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractJsonTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void manifestKeepsItsStableShapeFieldForField() throws IOException {
    ShardManifest m = new ShardManifest(
        List.of(new ShardManifest.Shard("s/A/A_00000", "train", "A", 3, 40, 120, "ab", "p/A")),
        new ShardManifest.Tokenizer("t.json", "cd", 2048, "uint16", "<eod>"), 7,
        List.of(ShardManifest.Compression.of("A", "en", "train", 3, 120, 37),
            ShardManifest.Compression.of("B", "zh", "test", 0, 0, 0)),
        List.of(new ShardManifest.Split("train", "A", 1, 3, 40, 37, 120, 3.0)));
    // the same manifest as a tree, in the documented key order (DESIGN.md "Shard manifest")
    ObjectNode t = JSON.createObjectNode();
    t.putArray("shards").addObject().put("path", "s/A/A_00000").put("split", "train")
        .put("domain", "A").put("docs", 3).put("tokens", 40).put("bytes", 120)
        .put("sha256", "ab").put("prefix", "p/A");
    t.putObject("tokenizer").put("path", "t.json").put("sha256", "cd").put("vocab_size", 2048)
        .put("dtype", "uint16").put("eod_token", "<eod>");
    t.put("eod", 7);
    t.putArray("compression").add(JSON.createObjectNode().put("domain", "A").put("lang", "en")
            .put("split", "train").put("docs", 3).put("bytes", 120).put("tokens", 37)
            .put("tokens_per_byte", 37.0 / 120).put("bytes_per_token", 120.0 / 37))
        .add(JSON.createObjectNode().put("domain", "B").put("lang", "zh").put("split", "test")
            .put("docs", 0).put("bytes", 0).put("tokens", 0)); // no ratio over 0
    t.putArray("splits").addObject().put("split", "train").put("domain", "A").put("shards", 1)
        .put("docs", 3).put("tokens", 40).put("text_tokens", 37).put("bytes", 120)
        .put("bytes_per_token", 3.0);
    assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(t),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));

    RunLayout layout = new RunLayout(dir.toString());
    Files.createDirectories(Path.of(layout.shardsDir()));
    m.write(layout, new Configuration());
    assertEquals(m, ShardManifest.read(layout, new Configuration()));
  }

  @Test
  void planRoundTripsAndAPlanWithoutMaterializeIsMaterialised() throws IOException {
    RunLayout layout = new RunLayout(dir.toString());
    Configuration hadoop = new Configuration();
    assertNull(MixturePlan.read(layout, hadoop), "no plan written yet");
    Files.createDirectories(Path.of(layout.reportDir()));
    MixturePlan plan = new MixturePlan("budget", 100.0, 4.0, false,
        List.of(new MixturePlan.Domain("A", 80, 0.75, 75.0, 0.9375)), List.of("w"));
    plan.write(layout, hadoop);
    String text = Files.readString(Path.of(layout.mixPlan()));
    assertTrue(text.contains("\"total_tokens\" : 100.0") && text.contains("\"target_share\""),
        text);
    assertEquals(plan, MixturePlan.read(layout, hadoop));

    // a plan written by hand (or before materialize existed), with a key this version ignores
    RunLayout older = new RunLayout(dir.resolve("older").toString());
    Files.createDirectories(Path.of(older.reportDir()));
    Files.writeString(Path.of(older.mixPlan()), "{\"domains\": [{\"domain\": \"A\","
        + " \"target_tokens\": 5.0, \"extra\": 1}]}");
    MixturePlan old = MixturePlan.read(older, hadoop);
    assertTrue(old.materialize());
    assertEquals(5.0, old.targetTokens().get("A"));
  }
}
