package org.flmdata.tests;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;

/**
 * Reads a run's shards back with the project's Megatron reader and checks the held-out splits:
 * every domain of the plan has validation and test shards; they hold exactly the documents the mix
 * stage held out; and no duplicate cluster of the dedup stage spans training and held-out data (a
 * held-out document's sequence, or a cluster member's, is in no training shard, and a training
 * survivor's members are in no held-out shard). Documents are compared by the SHA-256 of their
 * token sequence (EOD included).
 */
final class HeldOutShards {
  private HeldOutShards() {}

  /** The checks above; returns docs and tokens per (domain, split) as a printable table. */
  static String check(SparkSession spark, Path out, Path tokenizerJson) throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("shards/manifest.json").toFile());
    HfTokenizer tok = HfTokenizer.load(tokenizerJson);
    int eod = manifest.get("eod").asInt();
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Set<String> train = new java.util.HashSet<>();
    Map<String, String> held = new HashMap<>(); // sequence hash -> "split domain"
    Map<String, long[]> figures = new TreeMap<>(); // "domain split" -> docs, tokens
    for (JsonNode s : manifest.get("shards")) {
      String split = s.get("split").asText();
      try (IndexedDatasetReader r = IndexedDatasetReader.open(fs,
          new org.apache.hadoop.fs.Path(s.get("path").asText()))) {
        for (int i = 0; i < r.sequenceCount(); i++) {
          int[] seq = r.sequence(i);
          String h = hash(seq);
          if (split.equals("train")) {
            train.add(h);
          } else {
            held.put(h, split + " " + s.get("domain").asText());
          }
          long[] f = figures.computeIfAbsent(
              (split.equals("train") ? "(mixture)" : s.get("domain").asText()) + " " + split,
              k -> new long[2]);
          f[0]++;
          f[1] += seq.length;
        }
      }
    }
    // the mix stage's held-out documents: every one in a shard of its split, none in training
    Map<String, String> splitOfId = new HashMap<>();
    Set<String> heldDomains = new TreeSet<>();
    for (Row r : StageOutput.readAll(spark, out.resolve("mix").toString())
        .filter(col("status").equalTo(lit(Outcome.KEPT)))
        .filter(col("meta").getItem("mix.split").isNotNull())
        .select(col("id"), col("domain"), col("meta").getItem("mix.split"), col("text"))
        .collectAsList()) {
      String split = r.getString(2);
      splitOfId.put(r.getString(0), split);
      heldDomains.add(r.getString(1) + " " + split);
      String h = hash(encode(tok, r.getString(3), eod));
      assertEquals(split + " " + r.getString(1), held.get(h), "held-out " + r.getString(0));
      assertFalse(train.contains(h), "held-out document in a training shard: " + r.getString(0));
    }
    assertEquals(held.size(), splitOfId.size(), "held-out shards hold the held-out documents");
    JsonNode plan = new ObjectMapper().readTree(out.resolve("report/mix_plan.json").toFile());
    for (JsonNode d : plan.get("domains")) {
      for (String split : new String[] {"valid", "test"}) {
        String key = d.get("domain").asText() + " " + split;
        assertTrue(heldDomains.contains(key), "no " + split + " documents in " + key);
        assertTrue(figures.containsKey(key), "no " + split + " shard for " + key);
      }
    }
    // dedup clusters: a rejected duplicate names its survivor's id in detail
    int members = 0;
    for (Row r : StageOutput.readAll(spark, out.resolve("dedup").toString())
        .filter(col("status").equalTo(lit(Outcome.REJECTED))).filter(col("text").isNotNull())
        .select(col("id"), col("detail"), col("text")).collectAsList()) {
      String survivorSplit = splitOfId.getOrDefault(r.getString(1), "train");
      String h = hash(encode(tok, r.getString(2), eod));
      if (survivorSplit.equals("train")) {
        assertFalse(held.containsKey(h), "member " + r.getString(0) + " of training survivor "
            + r.getString(1) + " in held-out shard " + held.get(h));
      } else {
        assertFalse(train.contains(h), "member " + r.getString(0) + " of held-out survivor "
            + r.getString(1) + " in a training shard");
      }
      members++;
    }
    assertTrue(members > 0, "the sample has duplicate clusters to check");
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "held-out check: %d held-out documents, %d dedup cluster members checked%n",
        splitOfId.size(), members));
    figures.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-32s %6d docs %9d tokens%n",
        k, v[0], v[1])));
    return b.toString();
  }

  private static int[] encode(HfTokenizer tok, String text, int eod) {
    int[] ids = tok.encode(text == null ? "" : text);
    int[] withEod = Arrays.copyOf(ids, ids.length + 1);
    withEod[ids.length] = eod;
    return withEod;
  }

  private static String hash(int[] seq) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(seq.length * 4);
    for (int t : seq) b.putInt(t);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
  }
}
