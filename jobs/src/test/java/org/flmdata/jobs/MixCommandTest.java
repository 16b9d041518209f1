package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline mix --plan}, then mix and tokenize through the CLI with a real tokenizer
 * (GPT-Neo's tokenizer.json), on dedup output written in place: plan counts, EOD-consistent token
 * counts between the mix report and the shards, and byte-identical shards from a second run.
 */
class MixCommandTest {
  @TempDir Path dir;

  private static List<Document> corpus() {
    List<Document> docs = new ArrayList<>();
    Random r = new Random(3);
    String[] words = {"data", "model", "token", "mixture", "epoch", "shard", "北京", "文本", "2024",
        "the", "of", "and", "Spark"};
    String[][] domains = {{"Web", "400"}, {"Wiki", "200"}, {"Code", "150"}};
    for (String[] d : domains) {
      for (int i = 0; i < Integer.parseInt(d[1]); i++) {
        StringBuilder b = new StringBuilder();
        int n = 3 + r.nextInt(30);
        for (int w = 0; w < n; w++) b.append(words[r.nextInt(words.length)]).append(' ');
        docs.add(new Document(d[0] + "-" + i, d[0], "src", null, "en", b.toString().strip(),
            Map.of()));
      }
    }
    return docs;
  }

  private static void writeDedup(SparkSession spark, String root, List<Document> docs, int parts)
      throws Exception {
    RunLayout layout = new RunLayout(root);
    List<Outcome> kept = new ArrayList<>();
    for (Document d : docs) kept.add(Outcome.kept(d, Outcome.utf8Length(d.getText())));
    StageOutput.write(spark.createDataset(kept, Outcome.ENCODER).repartition(parts),
        layout.stageDir("dedup"), 1.0, 1);
    new StageMarker("dedup", "test", "filter", 1).write(layout.marker("dedup"), new Configuration());
  }

  @Test
  void planPrintsTokenCountsAndTheMixtureMatchesTheShards() throws Exception {
    Path tok = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    SparkSession spark = SparkTestSession.get();
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"x\"}\n");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\ntokenizer: {path: \"" + tok
        + "\"}\nmix: {mode: epochs, max_epochs: 4, seed: 11}\nspark: {master: \"local[2]\"}\n");
    String in = "inputs: [{path: ../a.jsonl, format: jsonl}]\n";
    Files.writeString(dir.resolve("domains/web.yaml"),
        "name: Web\nlanguages: [en]\nproportion: 60\nepochs: 1.0\n" + in);
    Files.writeString(dir.resolve("domains/wiki.yaml"),
        "name: Wiki\nlanguages: [en]\nproportion: 30\nepochs: 2.5\n" + in);
    Files.writeString(dir.resolve("domains/code.yaml"),
        "name: Code\nlanguages: [en]\nproportion: 10\nepochs: 0.5\n" + in);
    List<Document> docs = corpus();
    String out1 = dir.resolve("out").toString();
    writeDedup(spark, out1, docs, 3);

    HfTokenizer hf = HfTokenizer.load(tok);
    Map<String, Long> available = new HashMap<>();
    Map<String, Long> docTokens = new HashMap<>();
    long maxDoc = 0;
    for (Document d : docs) {
      long t = hf.encode(d.getText()).length + 1L; // + EOD, as the shards count
      available.merge(d.getDomain(), t, Long::sum);
      docTokens.put(d.getId(), t);
      maxDoc = Math.max(maxDoc, t);
    }

    String yaml = dir.resolve("pipeline.yaml").toString();
    MainTest.Result plan = MainTest.run("mix", "-c", yaml, "--plan");
    assertEquals(0, plan.code(), plan.err());
    assertTrue(plan.out().contains("domain                     available_tokens  target_share"
        + "  achieved_share   epochs"), plan.out());
    for (Map.Entry<String, Long> e : available.entrySet()) {
      assertTrue(plan.out().contains(String.format(Locale.ROOT, "%,20d", e.getValue())),
          e.getKey() + " " + e.getValue() + " missing from\n" + plan.out());
    }
    assertFalse(Files.exists(Path.of(new RunLayout(out1).marker("mix"))), "--plan samples nothing");

    MainTest.Result run = MainTest.run("run", "-c", yaml, "--stages", "mix,tokenize");
    assertEquals(0, run.code(), run.err());
    JsonNode stats = new ObjectMapper().readTree(Path.of(out1, "report/stats.json").toFile());
    JsonNode manifest = new ObjectMapper().readTree(Path.of(out1, "shards/manifest.json").toFile());
    long shardTokens = 0;
    for (JsonNode s : manifest.get("shards")) shardTokens += s.get("tokens").asLong();
    long achievedTotal = 0;
    Map<String, Double> epochs = Map.of("Web", 1.0, "Wiki", 2.5, "Code", 0.5);
    for (JsonNode m : stats.get("mix")) {
      String d = m.get("domain").asText();
      assertEquals(available.get(d), m.get("available_tokens").asLong(), d);
      assertEquals(epochs.get(d), m.get("epochs").asDouble(), 1e-12, d);
      long achieved = m.get("achieved_tokens").asLong();
      assertTrue(Math.abs(achieved - epochs.get(d) * available.get(d)) <= maxDoc,
          d + " achieved " + achieved);
      achievedTotal += achieved;
    }
    assertEquals(3, stats.get("mix").size());
    assertEquals(achievedTotal, shardTokens, "the mix report and the shards count tokens alike");

    // a second run on the same documents, partitioned otherwise: byte-identical shards
    String out2 = dir.resolve("out2").toString();
    writeDedup(spark, out2, docs, 2);
    MainTest.Result again = MainTest.run("run", "-c", yaml, "--output", out2, "--stages",
        "mix,tokenize");
    assertEquals(0, again.code(), again.err());
    JsonNode manifest2 = new ObjectMapper().readTree(Path.of(out2, "shards/manifest.json").toFile());
    assertEquals(shas(manifest), shas(manifest2));
    assertEquals(Files.readString(Path.of(out1, "shards/blend.txt")).replace(out1, ""),
        Files.readString(Path.of(out2, "shards/blend.txt")).replace(out2, ""));
  }

  private static List<String> shas(JsonNode manifest) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : manifest.get("shards")) {
      out.add(s.get("sha256").asText() + " " + s.get("docs").asLong() + " "
          + s.get("tokens").asLong());
    }
    return out;
  }
}
