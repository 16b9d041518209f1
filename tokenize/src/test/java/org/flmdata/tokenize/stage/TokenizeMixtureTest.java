package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.TokenCounter;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokenize after the mix stage: the materialised mixture and blend-only weights. */
class TokenizeMixtureTest {
  @TempDir Path dir;

  private PipelineConfig config(Path tokenizer, String name) throws Exception {
    return TwoDomains.config(Files.createDirectories(dir.resolve(name)), tokenizer, "{seed: 77}",
        "{shard_text_bytes: 15000}", null);
  }

  private static List<Document> documents(boolean copies) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String en = "English document number " + i + " about topic " + (i * 31 % 17) + ".";
      String zh = "第" + i + "篇中文文档，主题" + (i * 7 % 13) + "。";
      Map<String, String> m1 = copies ? Map.of("mix.copies", String.valueOf(1 + i % 3),
          "mix.tokens", "0") : Map.of("mix.tokens", "0");
      Map<String, String> m2 = copies ? Map.of("mix.copies", String.valueOf(1 + i % 2),
          "mix.tokens", "0") : Map.of("mix.tokens", "0");
      docs.add(new Document("en-" + i, "Web", "s", null, "en", en.repeat(1 + i % 4), m1));
      docs.add(new Document("zh-" + i, "ZhWeb", "s", null, "zh", zh.repeat(1 + i % 3), m2));
    }
    return docs;
  }

  @Test
  void materialisedMixtureHoldsEveryCopyOnceShuffledAcrossDomainsAndIsDeterministic()
      throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    PipelineConfig cfg = config(tokFile, "mat");
    SparkSession spark = SparkTestSession.get();
    List<Document> docs = documents(true);
    RunLayout layout = new RunLayout(cfg.output());
    new TokenizeStage().apply(new StageContext(spark, cfg, layout),
        spark.createDataset(docs, Document.ENCODER).repartition(3)).count();

    HfTokenizer tok = HfTokenizer.load(tokFile);
    int eod = tok.tokenId("<|endoftext|>");
    Map<String, Integer> expected = new HashMap<>(); // ids + EOD -> copies
    Map<String, String> domainOf = new HashMap<>();
    for (Document d : docs) {
      int[] ids = tok.encode(d.getText());
      int[] withEod = Arrays.copyOf(ids, ids.length + 1);
      withEod[ids.length] = eod;
      expected.merge(Arrays.toString(withEod), Integer.parseInt(d.getMeta().get("mix.copies")),
          Integer::sum);
      domainOf.put(Arrays.toString(withEod), d.getDomain());
    }
    JsonNode manifest = new ObjectMapper().readTree(
        Path.of(layout.shardsDir(), "manifest.json").toFile());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Map<String, Long> shardTokens = new HashMap<>();
    long totalTokens = 0;
    int mixedShards = 0;
    for (JsonNode s : manifest.get("shards")) {
      assertEquals("mix", s.get("domain").asText());
      assertTrue(s.get("path").asText().contains("/shards/mix/mix_"), s.get("path").asText());
      Set<String> domains = new HashSet<>();
      long tokens = 0;
      try (IndexedDatasetReader r = IndexedDatasetReader.open(fs,
          new org.apache.hadoop.fs.Path(s.get("path").asText()))) {
        for (int i = 0; i < r.sequenceCount(); i++) {
          String key = Arrays.toString(r.sequence(i));
          Integer left = expected.get(key);
          assertTrue(left != null && left > 0, "unexpected or extra copy in " + s.get("path"));
          expected.put(key, left - 1);
          domains.add(domainOf.get(key));
          tokens += r.sequence(i).length;
        }
      }
      if (domains.size() == 2) mixedShards++;
      shardTokens.put(s.get("path").asText(), tokens);
      totalTokens += tokens;
    }
    assertTrue(expected.values().stream().allMatch(v -> v == 0), "every copy written once");
    // compression stays per source domain (Table 3), copies counted as written
    Map<String, Long> docsByDomain = new HashMap<>();
    for (Document d : docs) {
      docsByDomain.merge(d.getDomain(), Long.parseLong(d.getMeta().get("mix.copies")), Long::sum);
    }
    Map<String, Long> compressionDocs = new HashMap<>();
    for (JsonNode c : manifest.get("compression")) {
      compressionDocs.merge(c.get("domain").asText(), c.get("docs").asLong(), Long::sum);
    }
    assertEquals(docsByDomain, compressionDocs);
    assertTrue(manifest.get("shards").size() > 1);
    assertEquals(manifest.get("shards").size(), mixedShards, "every shard mixes both domains");
    for (String line : Files.readAllLines(Path.of(layout.shardsDir(), "blend.txt"))) {
      String[] p = line.split(" ", 2);
      assertEquals((double) shardTokens.get(p[1]) / totalTokens, Double.parseDouble(p[0]), 1e-9);
    }

    // same input in another partitioning: byte-identical shards (same sha256 of every .bin)
    String first = manifest.get("shards").toString();
    new TokenizeStage().apply(new StageContext(spark, cfg, layout),
        spark.createDataset(docs, Document.ENCODER).repartition(2)).count();
    JsonNode again = new ObjectMapper().readTree(
        Path.of(layout.shardsDir(), "manifest.json").toFile());
    assertEquals(first, again.get("shards").toString());
  }

  @Test
  void blendOnlyWeightsComeFromThePlansTargetTokens() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    PipelineConfig cfg = config(tokFile, "blend");
    SparkSession spark = SparkTestSession.get();
    RunLayout layout = new RunLayout(cfg.output());
    Files.createDirectories(Path.of(layout.reportDir()));
    Files.writeString(Path.of(layout.mixPlan()), "{\"domains\": [{\"domain\": \"Web\","
        + " \"target_tokens\": 3000}, {\"domain\": \"ZhWeb\", \"target_tokens\": 1000}]}");
    new TokenizeStage().apply(new StageContext(spark, cfg, layout),
        spark.createDataset(documents(false), Document.ENCODER)).count();
    Map<String, Double> byDomain = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(layout.shardsDir(), "blend.txt"))) {
      String[] p = line.split(" ", 2);
      byDomain.merge(p[1].contains("/Web/") ? "Web" : "ZhWeb", Double.parseDouble(p[0]),
          Double::sum);
    }
    assertEquals(0.75, byDomain.get("Web"), 1e-9);
    assertEquals(0.25, byDomain.get("ZhWeb"), 1e-9);
  }

  @Test
  void tokenCounterCountsWhatTokenizeEncodes() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    TokenCounter c = new HfTokenCounterFactory().open(tokFile.toString(),
        new HadoopConf(new Configuration()));
    HfTokenizer tok = HfTokenizer.load(tokFile);
    for (Document d : documents(false)) {
      assertEquals(tok.encode(d.getText()).length, c.count(d.getText()), d.getId());
    }
    assertEquals(0, c.count(""));
    assertEquals(0, c.count(null));
    assertEquals(tok.encode("\ud800 lone").length, c.count("\ud800 lone"));
  }
}
