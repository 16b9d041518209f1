package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;
import org.flmdata.tokenize.megatron.TokenDType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeStageTest {
  @TempDir Path dir;

  private PipelineConfig config(Path tokenizer) throws Exception {
    return TwoDomains.config(dir, tokenizer, null, "{shard_text_bytes: 4000}",
        "{shard_text_bytes: 6000}");
  }

  private static List<Document> documents() {
    List<Document> docs = new ArrayList<>();
    String[] en = {"Hello world, this is a test document.", "", "Numbers 1234567 and   spaces.",
        "Emoji 😀 and code: if (x) { return y; }"};
    String[] zh = {"北京是中国的首都。", "我们今天去颐和园！", "混合 English 文本 123"};
    for (int i = 0; i < 120; i++) {
      docs.add(new Document("en-" + i, "Web", "s", null, "en", en[i % en.length].repeat(1 + i % 7), Map.of()));
      docs.add(new Document("zh-" + i, "ZhWeb", "s", null, "zh", zh[i % zh.length].repeat(1 + i % 5), Map.of()));
    }
    // longer than a whole shard (shard_text_bytes 4000): one sequence, in one shard
    docs.add(new Document("en-long", "Web", "s", null, "en", "A long document sentence. ".repeat(600), Map.of()));
    return docs;
  }

  /** The closing note's decoded header: magic, version, dtype code, sequence and document counts. */
  private static void printHeader(Path idx) throws Exception {
    byte[] b = Files.readAllBytes(idx);
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[9];
    h.get(magic);
    System.out.printf("idx header %s: %s | magic=%s version=%d dtype_code=%d sequences=%d documents+1=%d%n",
        idx.getFileName(), java.util.HexFormat.ofDelimiter(" ").formatHex(b, 0, 34),
        new String(magic, 0, 7, java.nio.charset.StandardCharsets.US_ASCII) + "\\x00\\x00",
        h.getLong(), h.get() & 0xFF, h.getLong(), h.getLong());
  }

  @Test
  void shardsHoldEveryDocumentOnceWithEodAndBlendMatchesProportions() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    PipelineConfig cfg = config(tokFile);
    SparkSession spark = SparkTestSession.get();
    List<Document> docs = documents();
    Dataset<Document> input = spark.createDataset(docs, Document.ENCODER).repartition(3);
    RunLayout layout = new RunLayout(cfg.output());
    List<Outcome> outcomes = new TokenizeStage().apply(new StageContext(spark, cfg, layout), input).collectAsList();
    assertEquals(docs.size(), outcomes.size());
    assertTrue(outcomes.stream().allMatch(o -> Outcome.KEPT.equals(o.getStatus())));

    HfTokenizer tok = HfTokenizer.load(tokFile);
    int eod = tok.tokenId("<|endoftext|>");
    Map<String, Integer> expected = new HashMap<>(); // domain + ids -> count
    Map<String, Long> domainTokens = new HashMap<>();
    for (Document d : docs) {
      int[] ids = tok.encode(d.getText());
      int[] withEod = java.util.Arrays.copyOf(ids, ids.length + 1);
      withEod[ids.length] = eod;
      expected.merge(d.getDomain() + java.util.Arrays.toString(withEod), 1, Integer::sum);
      domainTokens.merge(d.getDomain(), (long) withEod.length, Long::sum);
    }

    JsonNode manifest = new ObjectMapper().readTree(Path.of(layout.shardsDir(), "manifest.json").toFile());
    assertEquals(eod, manifest.get("eod").asInt());
    assertEquals("uint16", manifest.get("tokenizer").get("dtype").asText());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    long docsRead = 0;
    Map<String, Long> shardTokens = new HashMap<>();
    Map<String, Integer> shardsPerDomain = new HashMap<>();
    for (JsonNode s : manifest.get("shards")) {
      String domain = s.get("domain").asText();
      shardsPerDomain.merge(domain, 1, Integer::sum);
      try (IndexedDatasetReader r = IndexedDatasetReader.open(fs, new org.apache.hadoop.fs.Path(s.get("path").asText()))) {
        assertEquals(TokenDType.UINT16, r.dtype());
        assertEquals(s.get("docs").asLong(), r.sequenceCount());
        long tokens = 0;
        for (int i = 0; i < r.sequenceCount(); i++) {
          int[] seq = r.sequence(i);
          assertEquals(eod, seq[seq.length - 1]);
          String key = domain + java.util.Arrays.toString(seq);
          Integer left = expected.get(key);
          assertTrue(left != null && left > 0, "unexpected or repeated sequence in " + s.get("path"));
          expected.put(key, left - 1);
          tokens += seq.length;
          docsRead++;
        }
        assertEquals(s.get("tokens").asLong(), tokens);
        shardTokens.put(s.get("path").asText(), tokens);
      }
    }
    assertEquals(docs.size(), docsRead);
    printHeader(Path.of(manifest.get("shards").get(0).get("path").asText() + ".idx"));
    assertTrue(expected.values().stream().allMatch(v -> v == 0));
    assertTrue(shardsPerDomain.get("Web") > 1, "Web spans several shards: " + shardsPerDomain);
    assertTrue(shardsPerDomain.get("ZhWeb") > 1, "ZhWeb spans several shards: " + shardsPerDomain);
    assertTrue(Files.exists(Path.of(layout.shardsDir(), "ZhWeb")));

    // blend: per-domain weights sum to the proportions, per-shard weights follow shard tokens
    Map<String, Double> domainWeight = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(layout.shardsDir(), "blend.txt"))) {
      String[] p = line.split(" ", 2);
      double w = Double.parseDouble(p[0]);
      String domain = p[1].contains("/Web/") ? "Web" : "ZhWeb";
      domainWeight.merge(domain, w, Double::sum);
      double share = domain.equals("Web") ? 0.7 : 0.3;
      assertEquals(share * shardTokens.get(p[1]) / domainTokens.get(domain), w, 1e-9);
    }
    assertEquals(0.7, domainWeight.get("Web"), 1e-9);
    assertEquals(0.3, domainWeight.get("ZhWeb"), 1e-9);

    // compression statistics per domain and language, EOD excluded
    for (JsonNode c : manifest.get("compression")) {
      long bytes = docs.stream().filter(d -> d.getDomain().equals(c.get("domain").asText()))
          .mapToLong(d -> Outcome.utf8Length(d.getText())).sum();
      assertEquals(bytes, c.get("bytes").asLong());
      long domainDocs = docs.stream().filter(d -> d.getDomain().equals(c.get("domain").asText())).count();
      assertEquals(domainDocs, c.get("docs").asLong());
      assertEquals(domainTokens.get(c.get("domain").asText()) - domainDocs, c.get("tokens").asLong());
    }

    // same input, same shards
    String first = manifest.get("shards").toString();
    new TokenizeStage().apply(new StageContext(spark, cfg, layout), input.repartition(2)).count();
    JsonNode again = new ObjectMapper().readTree(Path.of(layout.shardsDir(), "manifest.json").toFile());
    assertEquals(first, again.get("shards").toString());
  }
}
