package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dedup, mix and tokenize through the CLI on documents full of duplicate clusters (exact copies
 * and near copies, within and across two domains), with a fifth of each domain held out for
 * validation and another for test and the training data repeated twice: read back from the
 * shards, no cluster has a member in training and another in a held-out split.
 */
class HeldOutDedupClustersTest {
  @TempDir Path dir;

  private static List<Document> corpus() {
    Random r = new Random(5);
    List<Document> docs = new ArrayList<>();
    String[] domains = {"Web", "Wiki"};
    for (int i = 0; i < 240; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 60; w++) b.append(w == 0 ? "" : " ").append("w").append(r.nextInt(5000));
      String text = b.toString();
      String domain = domains[i % 2];
      docs.add(new Document("d" + i, domain, "s", null, "en", text, Map.of()));
      if (i % 3 == 0) { // an exact copy in the other domain
        docs.add(new Document("x" + i, domains[(i + 1) % 2], "s", null, "en", text, Map.of()));
      }
      if (i % 3 != 2) { // a near copy (one more word) in the same domain
        docs.add(new Document("n" + i, domain, "s", null, "en", text + " tail", Map.of()));
      }
    }
    return docs;
  }

  @Test
  void noDuplicateClusterSpansTrainingAndHeldOutShards() throws Exception {
    Path tok = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    SparkSession spark = SparkTestSession.get();
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"x\"}\n");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\nrejected_text_fraction: 1.0\n"
        + "tokenizer: {path: \"" + tok + "\"}\n"
        + "mix: {mode: epochs, max_epochs: 4, valid_share: 0.2, test_share: 0.2}\n");
    String in = "inputs: [{path: ../a.jsonl, format: jsonl}]\n";
    Files.writeString(dir.resolve("domains/web.yaml"),
        "name: Web\nlanguages: [en]\nproportion: 60\nepochs: 2.0\n" + in);
    Files.writeString(dir.resolve("domains/wiki.yaml"),
        "name: Wiki\nlanguages: [en]\nproportion: 40\nepochs: 2.0\n" + in);
    // the filter stage's kept documents, in place, as dedup's input
    RunLayout layout = new RunLayout(dir.resolve("out").toString());
    List<Outcome> kept = new ArrayList<>();
    for (Document d : corpus()) kept.add(Outcome.kept(d, Outcome.utf8Length(d.getText())));
    StageOutput.write(spark.createDataset(kept, Outcome.ENCODER).repartition(2),
        layout.stageDir("filter"), 1.0, 1);
    new StageMarker("filter", "test", "clean", 1).write(layout.marker("filter"), new Configuration());

    SampleRunTest.execute("run", "-c", dir.resolve("pipeline.yaml").toString(), "--stages",
        "dedup,mix,tokenize");
    String figures = HeldOutShards.check(spark, dir.resolve("out"), tok);
    System.out.print(figures);
    assertTrue(figures.contains("Web valid") && figures.contains("Wiki test"), figures);
  }
}
