package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanStageTest {
  @TempDir Path dir;

  static final String SHARED = "Subscribe to our newsletter for weekly updates.";
  static final String BOILER = "Copyright 2024 Example Media Group, all rights reserved.";

  private static Settings settings(Map<String, Object> raw) {
    return CleanStage.SECTION.parse(raw, "test.yaml");
  }

  private static Document doc(String id, String lang, String text) {
    return new Document(id, "WebText", "s", null, lang, text, null);
  }

  /** Docs a..e share lines; e is only the shared line plus a few words; z is Chinese. */
  private static List<Document> corpus() {
    List<Document> docs = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d")) {
      docs.add(doc(id, "en", "Own text of document " + id + " about rivers and hills.\n"
          + SHARED + "\n" + BOILER + "\nMore words of " + id + " that only it has."));
    }
    docs.add(doc("e", "en", SHARED + "\nTiny."));
    docs.add(doc("z", "zh", SHARED + "\n这是中文文档的正文，讲述了河流与山川的故事。"));
    return docs;
  }

  private static Map<String, Object> dedupOnly() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("rules", List.of());
    raw.put("pii", false);
    raw.put("paragraph_dedup_max_docs", 3);
    raw.put("paragraph_dedup_min_chars", 20);
    return raw;
  }

  private static Map<String, Outcome> run(List<Document> docs, int partitions, Map<String, Object> raw) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    JavaRDD<Document> rdd = jsc.parallelize(docs, partitions);
    List<Outcome> out = CleanStage.run(rdd, Map.of("WebText", settings(raw)), 3).collect();
    Map<String, Outcome> byId = new TreeMap<>();
    for (Outcome o : out) assertEquals(null, byId.put(o.getId(), o), "twice: " + o.getId());
    return byId;
  }

  @Test
  void firstOccurrenceStaysBoilerplateGoesEverywhereShortDocsAreRejected() {
    Map<String, Outcome> out = run(corpus(), 2, dedupOnly());
    assertEquals(6, out.size());
    // SHARED: in a, b, c, d, e (5 docs > 3) is boilerplate in en; BOILER in 4 docs too
    String a = out.get("a").getText();
    assertFalse(a.contains(SHARED));
    assertFalse(a.contains(BOILER));
    assertTrue(a.startsWith("Own text of document a"));
    // e: only "Tiny." is left, under 20 characters
    Outcome e = out.get("e");
    assertFalse(e.isKept());
    assertEquals("paragraph-dedup", e.getRule());
    assertEquals("too-short", e.getReason());
    // zh is its own scope: its copy of the line is its first occurrence there
    assertTrue(out.get("z").getText().startsWith(SHARED));
    long removed = SHARED.length() + BOILER.length() + 2;
    assertEquals(Long.toString(removed), out.get("b").getMeta().get("clean.removed.paragraph-dedup"));
  }

  /**
   * The plan of the stage: with paragraph dedup, exactly two shuffles, neither carrying documents
   * (line occurrences grouped by line, then drop rows sent back to the documents' partitions);
   * without it, none.
   */
  @Test
  void paragraphDedupShufflesTwiceAndNeverShufflesDocuments() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    JavaRDD<Document> rdd = jsc.parallelize(corpus(), 2);
    JavaRDD<Outcome> with = CleanStage.run(rdd, Map.of("WebText", settings(dedupOnly())), 3);
    List<org.apache.spark.ShuffleDependency<?, ?, ?>> shuffles = new ArrayList<>();
    shuffles(with.rdd(), shuffles, new java.util.HashSet<>());
    assertEquals(2, shuffles.size(), with.toDebugString());
    for (org.apache.spark.ShuffleDependency<?, ?, ?> d : shuffles) {
      // what each shuffle partitions by: line keys (combined per partition), then partitions
      Object p = d.partitioner();
      assertTrue(p instanceof org.apache.spark.HashPartitioner
          || p instanceof ParagraphDedup.ExactPartitioner, p.toString());
    }
    Map<String, Object> off = dedupOnly();
    off.put("paragraph_dedup", false);
    JavaRDD<Outcome> without = CleanStage.run(rdd, Map.of("WebText", settings(off)), 3);
    shuffles.clear();
    shuffles(without.rdd(), shuffles, new java.util.HashSet<>());
    assertEquals(0, shuffles.size(), without.toDebugString());
  }

  private static void shuffles(org.apache.spark.rdd.RDD<?> rdd,
      List<org.apache.spark.ShuffleDependency<?, ?, ?>> out, java.util.Set<Integer> seen) {
    if (!seen.add(rdd.id())) return;
    scala.collection.Iterator<org.apache.spark.Dependency<?>> it = rdd.dependencies().iterator();
    while (it.hasNext()) {
      org.apache.spark.Dependency<?> d = it.next();
      if (d instanceof org.apache.spark.ShuffleDependency<?, ?, ?> s) out.add(s);
      shuffles(d.rdd(), out, seen);
    }
  }

  @Test
  void underTheBoilerplateLimitTheSmallestIdKeepsTheLineWhateverThePartitioning() {
    Map<String, Object> raw = dedupOnly();
    raw.put("paragraph_dedup_max_docs", 100);
    List<Document> docs = corpus();
    Map<String, Outcome> one = run(docs, 1, raw);
    List<Document> reversed = new ArrayList<>(docs);
    Collections.reverse(reversed);
    Map<String, Outcome> three = run(reversed, 3, raw);
    assertTrue(one.get("a").getText().contains(SHARED));
    assertTrue(one.get("a").getText().contains(BOILER));
    for (String id : List.of("b", "c", "d")) {
      assertFalse(one.get(id).getText().contains(SHARED), id);
      assertFalse(one.get(id).getText().contains(BOILER), id);
    }
    for (String id : one.keySet()) {
      assertEquals(one.get(id).getText(), three.get(id).getText(), id);
      assertEquals(one.get(id).getStatus(), three.get(id).getStatus(), id);
    }
  }

  @Test
  void rulesRunAfterDedupAndEveryDocumentLeavesOnce() {
    Map<String, Object> raw = new LinkedHashMap<>();
    List<Document> docs = new ArrayList<>(corpus());
    docs.add(doc("p", "en", TextFixtures.prose(12) + "\nMail me at someone@example.com today."));
    docs.add(doc("q", "en", ""));
    docs.add(doc("r", "en", null));
    docs.add(doc("s", "en", TextFixtures.prose(3) + "\n" + TextFixtures.prose(20).substring(1000)
        .replace(".", ",")));
    Map<String, Outcome> out = run(docs, 2, raw);
    assertEquals(docs.size(), out.size());
    Outcome p = out.get("p");
    assertTrue(p.isKept(), p.getRule() + "/" + p.getReason() + " " + p.getDetail());
    assertTrue(p.getText().contains("<EMAIL>"));
    assertEquals("1", p.getMeta().get("clean.pii.email"));
    assertEquals("normalise/empty", out.get("q").getRule() + "/" + out.get("q").getReason());
    assertEquals("normalise/empty", out.get("r").getRule() + "/" + out.get("r").getReason());
    // b lost its copy of the shared line (a keeps the first) and has under
    // paragraph_dedup_min_chars (200) left; a lost nothing, so it is short for the rules to judge
    assertEquals("paragraph-dedup/too-short", out.get("b").getRule() + "/" + out.get("b").getReason());
    assertEquals("c4", out.get("a").getRule());
    // s is long but has 3 sentences
    assertEquals("c4/min-sentences", out.get("s").getRule() + "/" + out.get("s").getReason());
    for (Outcome o : out.values()) {
      assertEquals(Outcome.utf8Length(docs.stream().filter(d -> d.getId().equals(o.getId()))
          .findFirst().orElseThrow().getText()), o.getBytesIn(), o.getId());
    }
  }

  /**
   * The shared web fixture (CS336 line dedup): with exact matching and a boilerplate limit of 1
   * (a line in two documents is removed from both), the output equals its line-deduplicated form;
   * documents left empty are rejected.
   */
  @Test
  void sharedLineDuplicateFixtureComesOutLineDeduplicated() throws IOException {
    Path in = SharedData.require("data/text/cs336-fixtures/documents_with_line_duplicates");
    Path expected = SharedData.require("data/text/cs336-fixtures/documents_line_deduplicated");
    List<Document> docs = new ArrayList<>();
    try (var files = Files.list(in)) {
      for (Path f : files.sorted().toList()) {
        docs.add(doc(f.getFileName().toString(), "en", Files.readString(f)));
      }
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("rules", List.of());
    raw.put("paragraph_dedup_match", "exact");
    raw.put("paragraph_dedup_max_docs", 1);
    raw.put("paragraph_dedup_min_chars", 1);
    Map<String, Outcome> out = run(docs, 2, raw);
    assertEquals(docs.size(), out.size());
    for (Document d : docs) {
      String want = Files.readString(expected.resolve(d.getId())).strip();
      Outcome o = out.get(d.getId());
      if (want.isEmpty()) {
        assertEquals("paragraph-dedup/too-short", o.getRule() + "/" + o.getReason(), d.getId());
      } else {
        assertEquals(want, o.getText(), d.getId());
      }
    }
  }

  @Test
  void stageReadsItsSectionFromTheDomainFile() throws IOException {
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\ndomains: domains/\n");
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("domains/web.yaml"), String.join("\n",
        "name: WebText", "languages: [en]", "proportion: 100", "epochs: 1",
        "inputs: [{path: in.jsonl, format: jsonl, source: s}]",
        "clean: {rules: [], paragraph_dedup_min_chars: 1, cleaners: [wikipedia]}", ""),
        StandardCharsets.UTF_8);
    SparkSession spark = SparkTestSession.get();
    PipelineConfig cfg = new ConfigLoader(Map.of(CleanStage.NAME, CleanStage.SECTION),
        spark.sparkContext().hadoopConfiguration(), false).load(dir.resolve("pipeline.yaml").toString());
    Dataset<Document> in = spark.createDataset(List.of(
        doc("w", "en", "Body text.\n== References ==\n1. Ref."),
        doc("x", "en", "Other body.")), Document.ENCODER);
    List<Outcome> out = new CleanStage().apply(new StageContext(spark, cfg, new RunLayout("out")), in)
        .collectAsList();
    Map<String, String> texts = new TreeMap<>();
    for (Outcome o : out) texts.put(o.getId(), o.getText());
    assertEquals(Map.of("w", "Body text.", "x", "Other body."), texts);
  }
}
