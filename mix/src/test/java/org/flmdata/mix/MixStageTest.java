package org.flmdata.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mix stage on a generated corpus: Web (12,000 docs, two sources), Wiki (10,000 docs, the
 * 2.5-epoch domain), Code (3,000 docs); short documents, tokens counted as words.
 */
class MixStageTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static List<Document> docs;
  /** id -> tokens including EOD, as the planner counts them. */
  static Map<String, Long> tokens = new HashMap<>();
  static Map<String, String> domainOf = new HashMap<>();

  @BeforeAll
  static void corpus() {
    spark = SparkTestSession.get();
    docs = new ArrayList<>();
    Random r = new Random(42);
    add(r, "Web", "cc", "en", 8_000);
    add(r, "Web", "books", "en", 4_000);
    add(r, "Wiki", "wiki", "en", 10_000);
    add(r, "Code", "gh", "en", 3_000);
  }

  private static void add(Random r, String domain, String source, String lang, int n) {
    for (int i = 0; i < n; i++) {
      int words = 1 + r.nextInt(40);
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < words; w++) b.append(w == 0 ? "" : " ").append("w").append(r.nextInt(1000));
      String id = domain + "-" + source + "-" + i;
      docs.add(new Document(id, domain, source, null, lang, b.toString(), Map.of()));
      tokens.put(id, words + 1L);
      domainOf.put(id, domain);
    }
  }

  static long available(String domain) {
    long t = 0;
    for (Map.Entry<String, Long> e : tokens.entrySet()) {
      if (domainOf.get(e.getKey()).equals(domain)) t += e.getValue();
    }
    return t;
  }

  /** Runs the stage with this mix section and Web/Wiki/Code proportions; returns id -> row. */
  static Map<String, Row> run(String name, String mix, String webMix) throws IOException {
    PipelineConfig config = config(name, mix, webMix);
    RunLayout layout = new RunLayout(config.output());
    Dataset<Document> input = spark.createDataset(docs, Document.ENCODER).repartition(3);
    Dataset<Outcome> out = new MixStage(new WordCounterFactory())
        .apply(new StageContext(spark, config, layout), input);
    StageOutput.write(out, layout.stageDir(MixStage.NAME), 1.0, 1);
    Map<String, Row> byId = new TreeMap<>();
    for (Row row : StageOutput.readAll(spark, layout.stageDir(MixStage.NAME)).collectAsList()) {
      assertNull(byId.put(row.getString(row.fieldIndex("id")), row), "two outcomes");
    }
    assertEquals(docs.size(), byId.size(), "one outcome per document");
    return byId;
  }

  /** The config of a run folder {@code name}: this mix section, Web/Wiki/Code proportions. */
  static PipelineConfig config(String name, String mix, String webMix) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Path domains = Files.createDirectories(d.resolve("domains"));
    Files.writeString(d.resolve("in.txt"), "x");
    Files.writeString(d.resolve("pipeline.yaml"),
        "output: run\ntokenizer: {path: words.json}\nmix: " + mix + "\n");
    String inputs = "inputs: [{path: ../in.txt, format: text}]\n";
    Files.writeString(domains.resolve("web.yaml"), "name: Web\nlanguages: [en]\nproportion: 60\n"
        + "epochs: 1.0\n" + inputs + (webMix == null ? "" : "mix: " + webMix + "\n"));
    Files.writeString(domains.resolve("wiki.yaml"),
        "name: Wiki\nlanguages: [en]\nproportion: 30\nepochs: 2.5\n" + inputs);
    Files.writeString(domains.resolve("code.yaml"),
        "name: Code\nlanguages: [en]\nproportion: 10\nepochs: 1.2\n" + inputs);
    return new ConfigLoader(Map.of(MixStage.NAME, MixStage.SECTION),
        new Configuration(), true).load(d.resolve("pipeline.yaml").toString());
  }

  static int copies(Row r) {
    if (!Outcome.KEPT.equals(r.getString(r.fieldIndex("status")))) {
      assertEquals("mix/not-sampled",
          r.getString(r.fieldIndex("rule")) + "/" + r.getString(r.fieldIndex("reason")));
      return 0;
    }
    Map<String, String> meta = r.getJavaMap(r.fieldIndex("meta"));
    assertEquals(tokens.get(r.getString(r.fieldIndex("id"))) - 1,
        Long.parseLong(meta.get(MetaKeys.MIX_TOKENS.name())));
    int c = Integer.parseInt(meta.get(MetaKeys.MIX_COPIES.name()));
    assertTrue(c >= 1);
    return c;
  }

  static Map<String, Long> achieved(Map<String, Row> rows) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : rows.values()) {
      String id = r.getString(r.fieldIndex("id"));
      out.merge(domainOf.get(id), copies(r) * tokens.get(id), Long::sum);
    }
    return out;
  }

  static String budgetMix() {
    // 0.7 epochs of Web, less than one of Wiki and Code: fractional samples in every domain
    return "{mode: budget, total_tokens: " + 0.7 * available("Web") / 0.6
        + ", max_epochs: 4, seed: 9}";
  }

  private static Map<String, Row> budgetRun;

  /** The budget-mode run, shared by the share and determinism tests. */
  static synchronized Map<String, Row> budgetRun() throws IOException {
    if (budgetRun == null) budgetRun = run("budget", budgetMix(), null);
    return budgetRun;
  }

  @Test
  void budgetModeHitsEveryShareWithinATenthOfAPercent() throws IOException {
    double total = 0.7 * available("Web") / 0.6;
    Map<String, Row> rows = budgetRun();
    Map<String, Long> got = achieved(rows);
    long sum = got.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> target = Map.of("Web", 0.6, "Wiki", 0.3, "Code", 0.1);
    for (Map.Entry<String, Double> t : target.entrySet()) {
      double share = (double) got.get(t.getKey()) / sum;
      assertTrue(Math.abs(share - t.getValue()) / t.getValue() < 0.001,
          t.getKey() + " share " + share + " target " + t.getValue());
      // token-exact: within one document (41 tokens at most) of the planned tokens
      assertTrue(Math.abs(got.get(t.getKey()) - t.getValue() * total) <= 41,
          t.getKey() + " " + got.get(t.getKey()) + " vs " + t.getValue() * total);
    }
  }

  @Test
  void epochsModeRepeatsEveryWikiDocTwiceAndHalfOfThemByTokensThrice() throws IOException {
    Map<String, Row> rows = run("epochs", "{mode: epochs, max_epochs: 4, seed: 9}", null);
    long wiki = available("Wiki");
    long thrice = 0;
    int[] byCopies = new int[5];
    for (Row r : rows.values()) {
      String id = r.getString(r.fieldIndex("id"));
      if (!domainOf.get(id).equals("Wiki")) continue;
      int c = copies(r);
      byCopies[c]++;
      if (c == 3) thrice += tokens.get(id);
    }
    assertEquals(0, byCopies[0] + byCopies[1] + byCopies[4]);
    assertEquals(10_000, byCopies[2] + byCopies[3]);
    assertTrue(Math.abs(thrice - wiki * 0.5) <= 21, thrice + " vs " + wiki * 0.5);
    // Code at 1.2 epochs: every doc at least once
    for (Row r : rows.values()) {
      String id = r.getString(r.fieldIndex("id"));
      if (domainOf.get(id).equals("Code")) assertTrue(copies(r) >= 1, id);
    }
  }

  @Test
  void sameSeedGivesTheSameMixtureAndAnotherSeedAnother() throws IOException {
    String mix = budgetMix();
    Map<String, Integer> a = copiesById(budgetRun());
    Map<String, Integer> b = copiesById(run("det-b", mix, null));
    assertEquals(a, b);
    Map<String, Integer> c = copiesById(run("det-c", mix.replace("seed: 9", "seed: 10"), null));
    assertNotEquals(a, c);
  }

  @Test
  void sourceWeightRepeatsASubsetMoreOften() throws IOException {
    Map<String, Row> rows = run("weights", "{mode: budget, total_tokens: 600000, max_epochs: 4,"
        + " seed: 3}", "{source_weights: {books: 2}}");
    long cc = 0;
    long books = 0;
    long ccAvail = 0;
    long booksAvail = 0;
    for (Row r : rows.values()) {
      String id = r.getString(r.fieldIndex("id"));
      long t = tokens.get(id);
      if (id.startsWith("Web-cc-")) {
        cc += copies(r) * t;
        ccAvail += t;
      } else if (id.startsWith("Web-books-")) {
        books += copies(r) * t;
        booksAvail += t;
      }
    }
    double ccEpochs = (double) cc / ccAvail;
    double booksEpochs = (double) books / booksAvail;
    assertEquals(2.0, booksEpochs / ccEpochs, 0.002);
    assertEquals(0.6 * 600000, cc + books, 41);
  }

  @Test
  void blendOnlyModeKeepsEveryDocumentOnceWithItsTokens() throws IOException {
    Map<String, Row> rows = run("blend", "{mode: budget, total_tokens: 300000, materialize: false}",
        null);
    for (Row r : rows.values()) {
      assertEquals(Outcome.KEPT, r.getString(r.fieldIndex("status")));
      Map<String, String> meta = r.getJavaMap(r.fieldIndex("meta"));
      assertNull(meta.get(MetaKeys.MIX_COPIES.name()));
      assertEquals(tokens.get(r.getString(r.fieldIndex("id"))) - 1,
          Long.parseLong(meta.get(MetaKeys.MIX_TOKENS.name())));
    }
    assertTrue(Files.exists(dir.resolve("blend/run/report/mix_plan.json")));
  }

  @Test
  void languageRatioWithoutDataFailsBeforeSampling() {
    ConfigException e = assertThrows(ConfigException.class, () -> run("ratio",
        "{mode: budget, total_tokens: 300000}", "{language_ratios: {en: 2, zh: 1}}"));
    assertTrue(e.getMessage().contains("leaves domain Web no tokens to sample in language zh"),
        e.getMessage());
  }

  private static Map<String, Integer> copiesById(Map<String, Row> rows) {
    Map<String, Integer> out = new LinkedHashMap<>();
    rows.forEach((id, r) -> out.put(id, copies(r)));
    return out;
  }

  /** Validation and test documents per domain ({@link HeldOut}). */
  @Nested
  class HeldOutSplits {
    /** Ids of {@code domain} in held-out order: seeded hash (unsigned), then id. */
    private static List<String> heldOutOrder(String domain, long runSeed) {
      long seed = HeldOut.seed(runSeed);
      List<String> ids = new ArrayList<>();
      for (String id : domainOf.keySet()) {
        if (domainOf.get(id).equals(domain)) ids.add(id);
      }
      ids.sort(Comparator.<String, Long>comparing(id -> SeededHash.of(id, seed),
          Long::compareUnsigned).thenComparing(Comparator.naturalOrder()));
      return ids;
    }

    private static String split(Row r) {
      Map<String, String> meta = r.getJavaMap(r.fieldIndex("meta"));
      return meta.get(MetaKeys.MIX_SPLIT.name());
    }

    @Test
    void sharesHoldOutTheFirstDocumentsInSeededOrderOnceAndOutsideThePlan() throws Exception {
      Map<String, Row> rows = run("held",
          "{mode: epochs, max_epochs: 4, seed: 9, valid_share: 0.01, test_share: 0.005}", null);
      JsonNode plan = new ObjectMapper().readTree(
          dir.resolve("held/run/report/mix_plan.json").toFile());
      Map<String, Long> planned = new TreeMap<>();
      for (JsonNode d : plan.get("domains")) {
        planned.put(d.get("domain").asText(), d.get("available_tokens").asLong());
      }
      for (String domain : List.of("Web", "Wiki", "Code")) {
        List<String> order = heldOutOrder(domain, 1234);
        int valid = (int) Math.ceil(0.01 * order.size());
        int test = (int) Math.ceil(0.005 * order.size());
        long heldTokens = 0;
        for (int i = 0; i < order.size(); i++) {
          Row r = rows.get(order.get(i));
          String expected = i < valid ? "valid" : i < valid + test ? "test" : null;
          assertEquals(expected, split(r), domain + " #" + i);
          if (expected != null) {
            heldTokens += tokens.get(order.get(i));
            assertEquals(Outcome.KEPT, r.getString(r.fieldIndex("status")));
            assertEquals(1, copies(r), "a held-out document is written once");
          }
        }
        // the plan counts training tokens only: the mixture never repeats a held-out document
        assertEquals(available(domain) - heldTokens, planned.get(domain), domain);
      }
    }

    @Test
    void tokenCountsHoldOutTokensToTheNearestDocument() throws Exception {
      Map<String, Row> rows = run("held-tokens",
          "{mode: epochs, max_epochs: 4, seed: 9, valid_tokens: 500, test_tokens: 300}", null);
      for (String domain : List.of("Web", "Wiki", "Code")) {
        long valid = 0;
        long test = 0;
        for (String id : heldOutOrder(domain, 1234)) {
          String s = split(rows.get(id));
          if ("valid".equals(s)) valid += tokens.get(id);
          if ("test".equals(s)) test += tokens.get(id);
        }
        // documents have at most 41 tokens (EOD included): the cut is within half of one
        assertTrue(Math.abs(valid - 500) <= 21, domain + " valid " + valid);
        assertTrue(Math.abs(valid + test - 800) <= 21, domain + " valid+test " + (valid + test));
      }
    }

    @Test
    void aDomainLeftWithoutTrainingDocumentsIsOneConfigError() throws IOException {
      PipelineConfig config = config("held-small",
          "{mode: epochs, valid_share: 0.2, test_share: 0.1}", null);
      Map<String, Long> available = Map.of("Web", 1000L, "Wiki", 2L, "Code", 50L);
      ConfigException e = assertThrows(ConfigException.class,
          () -> HeldOut.needs(config, available));
      assertEquals(config.file() + ": mix.valid_share valid_share 0.2 + test_share 0.1 (1 + 1"
          + " documents) hold out all 2 documents of domain Wiki, leaving it no training document;"
          + " lower them (or set the domain's proportion to 0)", e.getMessage());
      Map<String, HeldOut.Need> ok = HeldOut.needs(config, Map.of("Web", 1000L, "Wiki", 3L));
      assertEquals(new HeldOut.Need(200, 300), ok.get("Web"));
      assertEquals(new HeldOut.Need(1, 2), ok.get("Wiki"));
    }
  }
}
