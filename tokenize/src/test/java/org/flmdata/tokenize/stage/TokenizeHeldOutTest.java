package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokenize after a mix stage that held validation and test documents out. */
class TokenizeHeldOutTest {
  @TempDir Path dir;
  static final ObjectMapper JSON = new ObjectMapper();

  private PipelineConfig config(Path tokenizer, String name, String mix) throws Exception {
    return TwoDomains.config(Files.createDirectories(dir.resolve(name)), tokenizer, mix,
        "{shard_text_bytes: 15000}", null);
  }

  /** The split a document was given: every tenth validation, the next one test, else train. */
  private static String splitOf(int i) {
    return i % 10 == 0 ? "valid" : i % 10 == 1 ? "test" : "train";
  }

  /** What the mix stage hands over: copies for training documents, mix.split for held-out ones. */
  private static List<Document> documents() {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String en = "English document number " + i + " about topic " + (i * 31 % 17) + ".";
      String zh = "第" + i + "篇中文文档，主题" + (i * 7 % 13) + "。";
      for (String[] d : new String[][] {{"en-" + i, "Web", "en", en.repeat(1 + i % 4)},
          {"zh-" + i, "ZhWeb", "zh", zh.repeat(1 + i % 3)}}) {
        Map<String, String> meta = new HashMap<>(Map.of("mix.tokens", "0", "mix.copies",
            splitOf(i).equals("train") ? String.valueOf(1 + i % 3) : "1"));
        if (!splitOf(i).equals("train")) meta.put("mix.split", splitOf(i));
        docs.add(new Document(d[0], d[1], "s", null, d[2], d[3], meta));
      }
    }
    return docs;
  }

  private static RunLayout run(PipelineConfig cfg, List<Document> docs) {
    SparkSession spark = SparkTestSession.get();
    RunLayout layout = new RunLayout(cfg.output());
    new TokenizeStage().apply(new StageContext(spark, cfg, layout),
        spark.createDataset(docs, Document.ENCODER).repartition(3)).count();
    return layout;
  }

  @Test
  void heldOutDocumentsFillPerDomainSplitShardsAndNoTrainingShard() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    PipelineConfig cfg = config(tokFile, "held", "{seed: 77, valid_share: 0.1, test_share: 0.1}");
    List<Document> docs = documents();
    RunLayout layout = run(cfg, docs);

    HfTokenizer tok = HfTokenizer.load(tokFile);
    int eod = tok.tokenId("<|endoftext|>");
    // sequence -> "split domain" of its document, and the copies expected in that split
    Map<String, String> where = new HashMap<>();
    Map<String, Integer> expected = new HashMap<>();
    for (Document d : docs) {
      int[] ids = tok.encode(d.getText());
      int[] withEod = Arrays.copyOf(ids, ids.length + 1);
      withEod[ids.length] = eod;
      String split = d.getMeta().getOrDefault("mix.split", "train");
      where.put(Arrays.toString(withEod), split + " " + d.getDomain());
      expected.merge(Arrays.toString(withEod), Integer.parseInt(d.getMeta().get("mix.copies")),
          Integer::sum);
    }
    JsonNode manifest = JSON.readTree(Path.of(layout.shardsDir(), "manifest.json").toFile());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Map<String, Set<String>> prefixes = new TreeMap<>(); // split -> manifest prefixes
    Set<String> heldOutShards = new TreeSet<>();
    for (JsonNode s : manifest.get("shards")) {
      String split = s.get("split").asText();
      String domain = s.get("domain").asText();
      prefixes.computeIfAbsent(split, k -> new TreeSet<>()).add(s.get("prefix").asText());
      assertEquals(s.get("path").asText(), s.get("prefix").asText(), "local output: as written");
      assertTrue(Path.of(s.get("prefix").asText()).isAbsolute(), s.toString());
      if (!split.equals("train")) {
        heldOutShards.add(split + " " + domain);
        assertTrue(s.get("path").asText().startsWith(layout.shardsDir() + "/" + split + "/"
            + domain + "/" + domain + "_"), s.toString());
      } else {
        assertEquals("mix", domain);
      }
      try (IndexedDatasetReader r = IndexedDatasetReader.open(fs,
          new org.apache.hadoop.fs.Path(s.get("path").asText()))) {
        for (int i = 0; i < r.sequenceCount(); i++) {
          String seq = Arrays.toString(r.sequence(i));
          String w = where.get(seq);
          assertTrue(w != null, "unknown sequence in " + s.get("path"));
          // a held-out document only in its own split and domain; training only in mix shards
          assertEquals(w, split.equals("train") ? "train " + w.split(" ")[1] : split + " " + domain,
              seq + " in " + s.get("path"));
          expected.merge(seq, -1, Integer::sum);
        }
      }
    }
    assertTrue(expected.values().stream().allMatch(v -> v == 0), "every copy exactly once");
    assertEquals(Set.of("valid Web", "valid ZhWeb", "test Web", "test ZhWeb"), heldOutShards);

    // blend_per_split.json: Megatron's --per-split-data-args-path, the manifest's shards exactly
    JsonNode perSplit = JSON.readTree(Path.of(layout.shardsDir(), "blend_per_split.json").toFile());
    assertEquals(List.of("train", "valid", "test"), iterable(perSplit.fieldNames()));
    for (String split : List.of("train", "valid", "test")) {
      JsonNode list = perSplit.get(split);
      Set<String> named = new TreeSet<>();
      double weights = 0;
      for (int i = 0; i < list.size(); i += 2) {
        weights += Double.parseDouble(list.get(i).asText());
        named.add(list.get(i + 1).asText());
      }
      assertEquals(prefixes.get(split), named, split);
      assertEquals(1.0, weights, 1e-9, split);
    }
    // blend.txt is the train list, one pair per line
    String blend = Files.readString(Path.of(layout.shardsDir(), "blend.txt"));
    List<String> trainList = new ArrayList<>();
    for (JsonNode n : perSplit.get("train")) trainList.add(n.asText());
    assertEquals(String.join(" ", trainList), blend.strip().replace('\n', ' '));
    // validation weights follow the proportions: Web 70%, ZhWeb 30%
    Map<String, Double> validWeight = new LinkedHashMap<>();
    for (int i = 0; i < perSplit.get("valid").size(); i += 2) {
      String p = perSplit.get("valid").get(i + 1).asText();
      validWeight.merge(p.contains("/valid/Web/") ? "Web" : "ZhWeb",
          Double.parseDouble(perSplit.get("valid").get(i).asText()), Double::sum);
    }
    assertEquals(0.7, validWeight.get("Web"), 1e-9);

    // bytes per token per domain and split, from what the shards hold
    for (JsonNode s : manifest.get("splits")) {
      long bytes = 0;
      long tokens = 0;
      for (Document d : docs) {
        String split = d.getMeta().getOrDefault("mix.split", "train");
        if (!split.equals(s.get("split").asText()) || !d.getDomain().equals(s.get("domain").asText())) {
          continue;
        }
        int copies = Integer.parseInt(d.getMeta().get("mix.copies"));
        bytes += (long) copies * d.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        tokens += (long) copies * (tok.encode(d.getText()).length + 1);
      }
      assertEquals(bytes, s.get("bytes").asLong(), s.toString());
      assertEquals(tokens, s.get("tokens").asLong(), s.toString());
      assertEquals((double) bytes / tokens, s.get("bytes_per_token").asDouble(), 1e-12);
    }
    assertEquals(6, manifest.get("splits").size(), "3 splits x 2 domains");
    for (JsonNode c : manifest.get("compression")) assertTrue(c.has("split"), c.toString());
  }

  @Test
  void sameInputGivesByteIdenticalShards() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    String mix = "{seed: 77, valid_share: 0.1, test_share: 0.1}";
    List<String> a = shas(run(config(tokFile, "det-a", mix), documents()));
    List<String> b = shas(run(config(tokFile, "det-b", mix), documents()));
    assertEquals(a, b);
  }

  private static List<String> shas(RunLayout layout) throws Exception {
    List<String> out = new ArrayList<>();
    JsonNode manifest = JSON.readTree(Path.of(layout.shardsDir(), "manifest.json").toFile());
    for (JsonNode s : manifest.get("shards")) {
      out.add(s.get("path").asText().substring(layout.root().length()) + " "
          + s.get("sha256").asText());
    }
    return out;
  }

  @Test
  void heldOutSettingsWithoutTheMixStagesOutputAreAConfigError() throws Exception {
    Path tokFile = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    PipelineConfig cfg = config(tokFile, "nomix", "{valid_share: 0.01}");
    List<Document> docs = List.of(new Document("a", "Web", "s", null, "en", "text", Map.of()));
    ConfigException e = assertThrows(ConfigException.class, () -> run(cfg, docs));
    assertTrue(e.getMessage().contains("mix.valid_share (or test_share, valid_tokens, test_tokens)"
        + " is taken by the mix stage"), e.getMessage());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
