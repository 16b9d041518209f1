package org.flmdata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.filter.quality.SyntheticText;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterStageTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void train() throws Exception {
    Path train = dir.resolve("train.txt");
    Files.write(train, SyntheticText.trainingLines(300, 3), StandardCharsets.UTF_8);
    model = FastTextTrainer.train(train, dir.resolve("q"),
        TrainParams.DEFAULTS.withEpoch(10).withDim(16).withBucket(50_000));
  }

  private static PipelineConfig config(String filterSection) throws Exception {
    Path d = Files.createTempDirectory(dir, "run");
    Files.createDirectories(d.resolve("domains"));
    Files.writeString(d.resolve("in.jsonl"), "{}\n");
    Files.writeString(d.resolve("pipeline.yaml"), "output: out\ndomains: domains/\n");
    Files.writeString(d.resolve("domains/web.yaml"), "name: WebText\nlanguages: [en, zh]\n"
        + "proportion: 100\nepochs: 1\ninputs:\n  - {path: ../in.jsonl, format: jsonl}\n"
        + "filter:\n" + filterSection);
    ConfigLoader loader = new ConfigLoader(Map.of(FilterStage.NAME, FilterStage.SECTION),
        SparkTestSession.get().sparkContext().hadoopConfiguration(), true);
    return loader.load(d.resolve("pipeline.yaml").toString());
  }

  private static List<Outcome> run(PipelineConfig cfg, List<Document> docs) {
    SparkSession spark = SparkTestSession.get();
    StageContext ctx = new StageContext(spark, cfg, new RunLayout(cfg.output()));
    return new FilterStage().apply(ctx, spark.createDataset(docs, Document.ENCODER).repartition(3))
        .collectAsList();
  }

  private static List<Document> docs(int n, long seed) {
    Random r = new Random(seed);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(new Document("g" + i, "WebText", "cc", null, "en", SyntheticText.good(r), Map.of()));
      docs.add(new Document("b" + i, "WebText", "cc", null, "en", SyntheticText.bad(r), Map.of()));
    }
    docs.add(new Document("empty", "WebText", "cc", null, "en", "", Map.of()));
    docs.add(new Document("null", "WebText", "cc", null, "en", null, Map.of()));
    docs.add(new Document("zh", "WebText", "cc", null, "zh", "北京是中华人民共和国的首都。", Map.of()));
    return docs;
  }

  private static Map<String, Integer> counts(List<Outcome> outs) {
    Map<String, Integer> m = new TreeMap<>();
    for (Outcome o : outs) m.merge(o.isKept() ? "kept" : o.getRule() + "/" + o.getReason(), 1,
        Integer::sum);
    return m;
  }

  @Test
  void thresholdRejectsBadTextAndScoresEveryScoredDocument() throws Exception {
    List<Document> in = docs(40, 11);
    List<Outcome> out = run(config("  quality_models: {en: " + model + "}\n"
        + "  quality_threshold: 0.5\n"), in);
    assertEquals(in.size(), out.size());
    Map<String, Outcome> byId = new TreeMap<>();
    out.forEach(o -> byId.put(o.getId(), o));
    for (int i = 0; i < 40; i++) {
      assertTrue(byId.get("g" + i).isKept(), "g" + i);
      assertEquals("quality/below-threshold",
          byId.get("b" + i).getRule() + "/" + byId.get("b" + i).getReason());
    }
    for (Outcome o : out) {
      if (o.getLang().equals("en")) {
        // rejected rows carry their score too, for the report's distributions
        double s = Double.parseDouble(o.getMeta().get(QualityScorer.META_KEY));
        assertEquals(o.isKept(), s >= 0.5, o.toString());
      }
    }
    // zh has no model: kept, unscored
    assertTrue(byId.get("zh").isKept());
    assertTrue(!byId.get("zh").getMeta().containsKey(QualityScorer.META_KEY));
    assertTrue(byId.containsKey("empty") && byId.containsKey("null"));
  }

  @Test
  void keepTopFractionKeepsTheBestScoredQuarter() throws Exception {
    List<Document> in = docs(40, 12);
    List<Outcome> out = run(config("  quality_models: {en: " + model + "}\n"
        + "  keep_top_fraction: 0.25\n"), in);
    assertEquals(in.size(), out.size());
    List<Outcome> en = out.stream().filter(o -> o.getLang().equals("en")).toList();
    double[] scores = en.stream()
        .mapToDouble(o -> Double.parseDouble(o.getMeta().get(QualityScorer.META_KEY))).sorted()
        .toArray();
    long kept = en.stream().filter(Outcome::isKept).count();
    // 82 English docs; the top quarter is 20.5 of them: ties at the cut are kept
    assertTrue(kept >= Math.floor(en.size() * 0.25) - 1 && kept <= Math.ceil(en.size() * 0.25) + 1,
        "kept " + kept + " of " + en.size());
    double minKept = en.stream().filter(Outcome::isKept)
        .mapToDouble(o -> Double.parseDouble(o.getMeta().get(QualityScorer.META_KEY))).min()
        .orElseThrow();
    double maxRejected = en.stream().filter(o -> !o.isKept())
        .mapToDouble(o -> Double.parseDouble(o.getMeta().get(QualityScorer.META_KEY))).max()
        .orElseThrow();
    assertTrue(minKept >= maxRejected, minKept + " < " + maxRejected);
    assertEquals(scores.length, en.size());
    en.stream().filter(o -> !o.isKept())
        .forEach(o -> assertEquals("below-top-fraction", o.getReason()));
  }

  @Test
  void dropBottomFractionRejectsExactlyTheLowestScoredTenthOfEachLanguage() throws Exception {
    List<Document> in = docs(40, 15);
    List<Outcome> out = run(config("  quality_models: {en: " + model + ", zh: " + model + "}\n"
        + "  drop_bottom_fraction: 0.1\n"), in);
    assertEquals(in.size(), out.size());
    for (String lang : List.of("en", "zh")) {
      List<Outcome> l = out.stream().filter(o -> o.getLang().equals(lang)).toList();
      float[] sorted = new float[l.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = Float.parseFloat(l.get(i).getMeta().get(QualityScorer.META_KEY));
      }
      Arrays.sort(sorted);
      int k = (int) Math.floor(0.1 * sorted.length);
      // the cut is the (k+1)-th lowest score: everything strictly below it goes, ties stay
      long expected = 0;
      for (float f : sorted) if (k > 0 && f < sorted[k]) expected++;
      long rejected = l.stream().filter(o -> !o.isKept()).count();
      assertEquals(expected, rejected, lang);
      for (Outcome o : l) {
        float s = Float.parseFloat(o.getMeta().get(QualityScorer.META_KEY));
        if (!o.isKept()) {
          assertEquals("quality/in-bottom-fraction", o.getRule() + "/" + o.getReason());
          assertTrue(o.getDetail().contains("bottom 10.00% dropped"), o.getDetail());
        }
        assertEquals(k > 0 && s < sorted[k], !o.isKept(), o.getId() + " " + s);
      }
    }
    // 82 English documents: 8 go unless scores tie at the cut
    assertTrue(out.stream().filter(o -> o.getLang().equals("en") && !o.isKept()).count() <= 8);
  }

  @Test
  void bothFractionsAreOneConfigError() throws Exception {
    PipelineConfig cfg = config("  quality_models: {en: " + model + "}\n"
        + "  keep_top_fraction: 0.5\n  drop_bottom_fraction: 0.1\n");
    var e = assertThrows(ConfigException.class, () -> run(cfg, docs(1, 1)));
    assertTrue(e.getMessage().contains("filter.drop_bottom_fraction")
        && e.getMessage().contains("keep_top_fraction"), e.getMessage());
  }

  @Test
  void aModelForALanguageTheDomainHasNoDocumentsOfIsAConfigError() throws Exception {
    PipelineConfig cfg = config("  quality_models: {de: " + model + "}\n");
    var e = assertThrows(ConfigException.class, () -> run(cfg, docs(1, 1)));
    assertTrue(e.getMessage().contains("filter.quality_models.de")
        && e.getMessage().contains("no documents") && e.getMessage().contains("[en, zh]"),
        e.getMessage());
  }

  @Test
  void gsm8kQuestionIsCaughtAndCountedByBenchmark() throws Exception {
    Path gsm = SharedData.require("data/benchmarks/gsm8k/test.jsonl");
    String q = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readAllLines(gsm).get(1)).get("question").asText();
    List<Document> in = new ArrayList<>(docs(5, 13));
    String filler = "Welcome to our garden blog, where we talk about plants and weather. ".repeat(10);
    in.add(new Document("page", "WebText", "cc", null, "en", filler + q + " " + filler, Map.of()));
    in.add(new Document("short", "WebText", "cc", null, "en", "Homework: " + q, Map.of()));
    List<Outcome> out = run(config("  decontam_benchmarks: {gsm8k: " + gsm + "}\n"), in);
    assertEquals(in.size(), out.size());
    Map<String, Integer> c = counts(out);
    assertEquals(1, c.get("decontam/gsm8k"));
    Outcome page = out.stream().filter(o -> o.getId().equals("page")).findFirst().orElseThrow();
    assertTrue(page.isKept());
    assertTrue(!page.getText().contains(q));
    assertTrue(page.getMeta().get("decontam").startsWith("gsm8k:"));
    assertEquals(in.size() - 1, c.get("kept"));
  }

  /**
   * Broadcast and join paths give the same outcomes, common phrases included: a 13-gram of a
   * GSM8K question that 11 documents contain is ignored, the whole question is not.
   */
  @Test
  void joinPathGivesTheSameOutcomesAsBroadcastIncludingCommonPhrases() throws Exception {
    Path gsm = SharedData.require("data/benchmarks/gsm8k/test.jsonl");
    String q = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readAllLines(gsm).get(2)).get("question").asText();
    String phrase = String.join(" ", Arrays.copyOfRange(q.split(" "), 0, 13));
    String filler = "Notes from the allotment: beans, peas and the autumn weather report. ".repeat(5);
    List<Document> in = new ArrayList<>(docs(3, 14));
    for (int i = 0; i < 11; i++) {
      in.add(new Document("c" + i, "WebText", "cc", null, "en",
          filler + i + " " + phrase + " " + filler, Map.of()));
    }
    in.add(new Document("qa", "WebText", "cc", null, "en", "Q: " + q + " A: 42", Map.of()));
    String benchmarks = "  decontam_benchmarks: {gsm8k: " + gsm + "}\n  decontam_mode: remove\n";
    List<Outcome> broadcast = run(config(benchmarks), in);
    List<Outcome> joined = run(config(benchmarks + "  decontam_broadcast_max_ngrams: 0\n"), in);
    Map<String, String> a = new TreeMap<>();
    Map<String, String> b = new TreeMap<>();
    broadcast.forEach(o -> a.put(o.getId(), o.getStatus() + " " + o.getReason() + " "
        + o.getText() + " " + o.getMeta()));
    joined.forEach(o -> b.put(o.getId(), o.getStatus() + " " + o.getReason() + " "
        + o.getText() + " " + o.getMeta()));
    assertEquals(a, b);
    assertEquals(in.size(), joined.size());
    Map<String, Integer> c = counts(joined);
    assertEquals(1, c.get("decontam/gsm8k"));
    assertEquals(in.size() - 1, c.get("kept"));
    assertTrue(joined.stream().filter(o -> o.getId().equals("qa")).allMatch(o -> !o.isKept()));
  }

  @Test
  void missingModelFailsBeforeSparkWorkWithOneClearError() throws Exception {
    PipelineConfig cfg = config("  quality_models: {en: /nonexistent/quality.bin}\n");
    var e = assertThrows(ConfigException.class, () -> run(cfg, docs(1, 1)));
    assertTrue(e.getMessage().contains("filter.quality_models.en")
        && e.getMessage().contains("/nonexistent/quality.bin")
        && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void corruptModelFailsBeforeSparkWorkWithOneClearError() throws Exception {
    byte[] b = Files.readAllBytes(model);
    Path bad = dir.resolve("cut.bin");
    Files.write(bad, Arrays.copyOf(b, b.length - 100));
    PipelineConfig cfg = config("  quality_models: {en: " + bad + "}\n");
    var e = assertThrows(ConfigException.class, () -> run(cfg, docs(1, 1)));
    assertTrue(e.getMessage().contains("filter.quality_models.en")
        && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void unknownLabelIsAConfigError() throws Exception {
    PipelineConfig cfg = config("  quality_models: {en: " + model + "}\n"
        + "  quality_label: __label__good\n");
    var e = assertThrows(ConfigException.class, () -> run(cfg, docs(1, 1)));
    assertTrue(e.getMessage().contains("__label__good") && e.getMessage().contains("__label__hq"),
        e.getMessage());
  }
}
