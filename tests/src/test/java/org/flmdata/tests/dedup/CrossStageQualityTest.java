package org.flmdata.tests.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's drift bug, across the stages: filter writes its fastText score to {@code
 * meta.quality}, and dedup's default {@code survivor_order: [priority, quality, length]} must read
 * it. Two near duplicates share a long neutral body; one ends in words the quality model learnt as
 * good, the other (longer, and with the smaller id, so length and id both favour it) in spam words.
 * With default dedup settings the higher-scored copy survives.
 */
class CrossStageQualityTest {
  private static final String[] GOOD = ("river valley farmers medieval economy trade wool grain"
      + " timber historians town bridge merchants markets church parish registers").split(" ");
  private static final String[] BAD = ("click free download cheap casino bonus win offer deals"
      + " subscribe login crack keygen pills discount coupon").split(" ");

  @TempDir Path dir;

  @Test
  void dedupKeepsTheCopyFilterScoredHigher() throws Exception {
    Random r = new Random(19);
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      train.add("__label__hq " + words(r, GOOD, 15));
      train.add("__label__lq " + words(r, BAD, 15));
    }
    Files.write(dir.resolve("train.txt"), train);
    Path model = FastTextTrainer.train(dir.resolve("train.txt"), dir.resolve("quality"),
        TrainParams.DEFAULTS.withEpoch(10).withDim(16).withBucket(50_000));

    // the neutral body: words the model never saw, so only the endings move the scores
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) body.append("w").append(r.nextInt(5000)).append(' ');
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("a-spam", body + words(r, BAD, 24));
    texts.put("b-good", body + words(r, GOOD, 12));
    StringBuilder jsonl = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      jsonl.append(json.writeValueAsString(Map.of("id", e.getKey(), "lang", "en",
          "text", e.getValue()))).append('\n');
    }
    Files.writeString(dir.resolve("in.jsonl"), jsonl);
    Files.createDirectories(dir.resolve("conf/domains"));
    Files.writeString(dir.resolve("conf/pipeline.yaml"), "output: ../out\n");
    Files.writeString(dir.resolve("conf/domains/web.yaml"), "name: WebText\nlanguages: [en]\n"
        + "proportion: 100\ninputs:\n  - {path: ../../in.jsonl, format: jsonl, source: web,"
        + " id_field: id, lang_field: lang}\n"
        + "filter: {quality_models: {en: " + model + "}, quality_threshold: 0.0}\n");
    SparkTestSession.get();
    assertEquals(0, Main.execute("run", "-c", dir.resolve("conf/pipeline.yaml").toString(),
        "--stages", "extract,filter,dedup"));

    Map<String, Double> scores = new TreeMap<>();
    for (Row row : SparkTestSession.get().read().parquet(dir.resolve("out/filter").toString())
        .where("status = 'kept'").selectExpr("id", "meta['quality']").collectAsList()) {
      scores.put(row.getString(0), Double.parseDouble(row.getString(1)));
    }
    assertEquals(texts.keySet(), scores.keySet(), "filter keeps and scores both copies");
    String higher = scores.get("a-spam") > scores.get("b-good") ? "a-spam" : "b-good";
    assertEquals("b-good", higher, "the model ranks the good ending above the spam: " + scores);
    assertTrue(texts.get("a-spam").length() > texts.get("b-good").length(),
        "the spam copy is the longer one, so length alone would keep it");

    Map<String, String> status = new TreeMap<>();
    for (Row row : SparkTestSession.get().read().parquet(dir.resolve("out/dedup").toString())
        .selectExpr("id", "status", "concat_ws('/', rule, reason)").collectAsList()) {
      status.put(row.getString(0), row.getString(1) + " " + row.getString(2));
    }
    assertEquals(Map.of(higher, "kept ", "a-spam", "rejected minhash/near-dup"), status);
  }

  private static String words(Random r, String[] vocab, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(vocab[r.nextInt(vocab.length)]);
    return sb.toString();
  }
}
