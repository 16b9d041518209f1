package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.ledger.Ledger;
import org.flmdata.pipeline.ledger.LedgerRow;
import org.flmdata.pipeline.ledger.StatsReport;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.run.StageRunner;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-dedup through the StageRunner: a source stage emits two subsets (domains A and B, en and
 * zh, both scoped by language; B has priority 1) and a domain C scoped to itself, with planted
 * exact and near duplicates; one run of the dedup stage, each test checks one planted group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedupStageTest {

  /** Source stage: the planted documents. */
  static final class Planted implements Stage {
    final List<Document> docs;

    Planted(List<Document> docs) {
      this.docs = docs;
    }

    @Override
    public String name() {
      return "src";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      List<Outcome> rows = new ArrayList<>();
      for (Document d : docs) rows.add(Outcome.kept(d, Outcome.utf8Length(d.getText())));
      return ctx.spark().createDataset(rows, Outcome.ENCODER);
    }
  }

  @TempDir static Path dir;
  private final SparkSession spark = SparkTestSession.get();
  private final SplittableRandom rnd = new SplittableRandom(2024);
  private final List<Document> docs = new ArrayList<>();
  private final Map<String, Row> out = new HashMap<>();
  private List<LedgerRow> ledger;
  private Map<String, Object> extra;
  private PipelineConfig config;
  private String stdout;

  private String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(i % 17 == 0 ? ". " : " ");
      sb.append("w").append(rnd.nextInt(50_000));
    }
    return sb.toString();
  }

  private String hanzi(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(0x4E00 + rnd.nextInt(0x5000));
      if (i % 23 == 22) sb.append('，');
    }
    return sb.toString();
  }

  /** {@code text} with the word at each of {@code positions} replaced. */
  private static String edit(String text, int... positions) {
    String[] w = text.split(" ");
    for (int p : positions) w[p] = "edited" + p;
    return String.join(" ", w);
  }

  private void add(String id, String domain, String lang, String text, Map<String, String> meta) {
    // unrelated documents come from a second subset, so removals per source are not per domain
    String source = "subset-" + domain + (id.contains("-u") ? "-2" : "");
    docs.add(new Document(id, domain, source, null, lang, text, meta));
  }

  private void add(String id, String domain, String lang, String text) {
    add(id, domain, lang, text, Map.of());
  }

  private Map<String, Row> byId() {
    return out;
  }

  private static final String CC = "local_components_max_edges: 1";

  @BeforeAll
  void runOnce() throws IOException {
    String exact = words(300);
    add("a-1", "A", "en", exact);
    add("b-1", "B", "en", "  " + exact.toUpperCase(java.util.Locale.ROOT).replace(" ", "\n  "));
    String near = words(300);
    add("a-2", "A", "en", near);
    add("b-2", "B", "en", edit(near, 150));
    add("a-3", "A", "en", edit(near, 40, 260));
    add("a-3x", "A", "en", edit(near, 40, 260));
    String zh = hanzi(400);
    add("a-zh", "A", "zh", zh);
    StringBuilder zhEdit = new StringBuilder(zh);
    zhEdit.setCharAt(200, '变');
    add("b-zh", "B", "zh", zhEdit.toString());
    String same = words(120);
    add("a-5", "A", "en", same);
    add("a-4", "A", "en", same);
    String q = words(300);
    add("a-7", "A", "en", q + " tail words added", Map.of("quality", "0.2"));
    add("a-6", "A", "en", edit(q, 10), Map.of("quality", "0.9"));
    add("c-1", "C", "en", near);
    add("c-2", "C", "en", near.replace(" ", "  "));
    add("a-empty", "A", "en", "");
    add("b-empty", "B", "en", "   ");
    for (int i = 0; i < 10; i++) {
      add("a-u" + i, "A", "en", words(200));
      add("b-u" + i, "B", "en", words(200));
      add("b-uzh" + i, "B", "zh", hanzi(300));
    }

    Path domains = Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("in.txt"), "x");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: run\nrejected_text_fraction: 1.0\n");
    String input = "inputs: [{path: ../in.txt, format: text}]\n";
    // exact-Jaccard verification of candidates in every domain (a comparison key must agree);
    // local_components_max_edges lowered below this graph's edges, so its components take the
    // distributed rounds a crawl-sized graph takes (DedupIndexTest runs the one-task path)
    Files.writeString(domains.resolve("a.yaml"),
        "name: A\nlanguages: [en, zh]\nproportion: 40\n" + input + "dedup: {verify: jaccard, "
            + CC + "}\n");
    Files.writeString(domains.resolve("b.yaml"), "name: B\nlanguages: [en, zh]\nproportion: 40\n"
        + input + "dedup: {priority: 1, verify: jaccard, " + CC + "}\n");
    Files.writeString(domains.resolve("c.yaml"), "name: C\nlanguages: [en]\nproportion: 20\n"
        + input + "dedup: {scope: domain, verify: jaccard, " + CC + "}\n");
    Planted src = new Planted(docs);
    Map<String, SettingsSpec> sections = new LinkedHashMap<>();
    sections.put("src", src.section());
    sections.put(DedupStage.NAME, DedupStage.SECTION);
    config = new ConfigLoader(sections, new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      new StageRunner(spark, config, List.of(src, new DedupStage()),
          new java.io.PrintWriter(System.out, true)).run(null, false);
    } finally {
      System.setOut(saved);
    }
    stdout = buf.toString(StandardCharsets.UTF_8);
    RunLayout layout = new RunLayout(config.output());
    for (Row r : StageOutput.readAll(spark, layout.stageDir(DedupStage.NAME)).collectAsList()) {
      Row before = out.put(r.getString(r.fieldIndex("id")), r);
      assertEquals(null, before, "two outcomes for " + r.getString(r.fieldIndex("id")));
    }
    ledger = Ledger.ofStage(spark, DedupStage.NAME, layout.stageDir(DedupStage.NAME));
    Map<String, Object> stats = StatsReport.build(spark, config, List.of(src, new DedupStage()));
    for (Object st : (List<?>) stats.get("stages")) {
      Map<?, ?> m = (Map<?, ?>) st;
      if (DedupStage.NAME.equals(m.get("name"))) extra = cast(m.get("extra"));
    }
  }

  private void assertKept(String id, int clusterSize) {
    Row r = byId().get(id);
    assertEquals(Outcome.KEPT, r.getString(r.fieldIndex("status")), id);
    Map<String, String> meta = r.getJavaMap(r.fieldIndex("meta"));
    assertEquals(Integer.toString(clusterSize), meta.get(DedupStage.CLUSTER_SIZE), id);
  }

  private void assertRejected(String id, DedupReason reason, String keptId) {
    Row r = byId().get(id);
    assertEquals(Outcome.REJECTED, r.getString(r.fieldIndex("status")), id);
    assertEquals(reason.rule() + "/" + reason.reason(),
        r.getString(r.fieldIndex("rule")) + "/" + r.getString(r.fieldIndex("reason")), id);
    assertEquals(keptId, r.getString(r.fieldIndex("detail")), id);
  }

  @Test
  void everyDocumentLeavesExactlyOnceAndTheLedgerReconciles() {
    assertEquals(docs.size(), out.size());
    long in = 0;
    for (LedgerRow r : ledger) {
      assertTrue(r.reconciles(), r.toString());
      in += r.docsIn();
    }
    assertEquals(docs.size(), in);
  }

  @Test
  void exactCopyAcrossSubsetsLeavesTheHigherPriorityDomainsCopy() {
    assertKept("b-1", 2);
    assertRejected("a-1", DedupReason.EXACT_DUP, "b-1");
  }

  @Test
  void nearCopiesAcrossSubsetsFormOneClusterWithTheSurvivorsId() {
    // b-2, its near copies a-2 and a-3, and a-3x, an exact copy of a-3
    assertKept("b-2", 4);
    assertRejected("a-2", DedupReason.NEAR_DUP, "b-2");
    assertRejected("a-3", DedupReason.NEAR_DUP, "b-2");
  }

  @Test
  void exactCopyOfANearDuplicateNamesTheClustersSurvivor() {
    assertRejected("a-3x", DedupReason.EXACT_DUP, "b-2");
  }

  @Test
  void chineseNearCopyIsFoundByCharacterShingles() {
    assertKept("b-zh", 2);
    assertRejected("a-zh", DedupReason.NEAR_DUP, "b-zh");
  }

  @Test
  void equalCandidatesGoToTheSmallestId() {
    assertKept("a-4", 2);
    assertRejected("a-5", DedupReason.EXACT_DUP, "a-4");
  }

  @Test
  void higherQualityBeatsGreaterLength() {
    assertKept("a-6", 2);
    assertRejected("a-7", DedupReason.NEAR_DUP, "a-6");
  }

  @Test
  void domainScopeIsNotComparedWithOtherDomainsAndLongerCopySurvives() {
    assertKept("c-2", 2);
    assertRejected("c-1", DedupReason.EXACT_DUP, "c-2");
  }

  @Test
  void emptyTextsAreExactDuplicatesOfEachOther() {
    assertKept("b-empty", 2);
    assertRejected("a-empty", DedupReason.EXACT_DUP, "b-empty");
  }

  @Test
  void unrelatedDocumentsAreKeptAsSingletons() {
    for (int i = 0; i < 10; i++) {
      assertKept("a-u" + i, 1);
      assertKept("b-u" + i, 1);
      assertKept("b-uzh" + i, 1);
    }
  }

  @Test
  void theSCurveOfEachPresetIsPrinted() {
    MinHashPreset enPreset = MinHashPreset.auto("en");
    MinHashPreset zhPreset = MinHashPreset.auto("zh");
    String en = SCurve.describe(enPreset.bands, enPreset.rows, "5-word shingles");
    String zh = SCurve.describe(zhPreset.bands, zhPreset.rows, "5-char shingles");
    assertTrue(stdout.contains("dedup: minhash [en] " + en), stdout);
    assertTrue(stdout.contains("dedup: minhash [zh] " + zh), stdout);
  }

  @Test
  void domainsDisagreeingOnAComparisonKeyFailBeforeSparkWork() throws IOException {
    Path d2 = Files.createDirectories(dir.resolve("bad/domains"));
    Files.writeString(dir.resolve("bad/in.txt"), "x");
    Files.writeString(dir.resolve("bad/pipeline.yaml"), "output: run\n");
    String input = "inputs: [{path: ../in.txt, format: text}]\n";
    Files.writeString(d2.resolve("a.yaml"),
        "name: A\nlanguages: [en]\nproportion: 50\n" + input + "dedup: {preset: nemo}\n");
    Files.writeString(d2.resolve("b.yaml"),
        "name: B\nlanguages: [en]\nproportion: 50\n" + input);
    PipelineConfig bad = new ConfigLoader(Map.of(DedupStage.NAME, DedupStage.SECTION),
        new Configuration(), true).load(dir.resolve("bad/pipeline.yaml").toString());
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> DedupSettings.plan(bad, DedupStage.NAME));
    assertTrue(e.getMessage().contains("dedup.preset"), e.getMessage());
  }

  @Test
  void statisticsPerScopeArePrinted() {
    long zh = docs.stream().filter(d -> d.getLang().equals("zh")).count();
    assertTrue(stdout.contains(String.format(java.util.Locale.ROOT,
        "dedup: scope L|zh: %,d docs, 0 exact-dup and 1 near-dup removed, 1 clusters", zh)),
        stdout);
    long c = docs.stream().filter(d -> d.getDomain().equals("C")).count();
    assertTrue(stdout.contains(String.format(java.util.Locale.ROOT,
        "dedup: scope D|C|en: %,d docs, 1 exact-dup and 0 near-dup removed, 1 clusters", c)),
        stdout);
  }

  @Test
  void clusterSizeBucketsCoverEverySize() {
    assertEquals("2", DedupReport.bucket(2));
    assertEquals("3", DedupReport.bucket(3));
    assertEquals("4-5", DedupReport.bucket(4));
    assertEquals("6-10", DedupReport.bucket(10));
    assertEquals("101-1000", DedupReport.bucket(1000));
    assertEquals(">1000", DedupReport.bucket(1001));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  private static long size(Row r) {
    Map<String, String> meta = r.getJavaMap(r.fieldIndex("meta"));
    return Long.parseLong(meta.get(DedupStage.CLUSTER_SIZE));
  }

  private static boolean kept(Row r) {
    return Outcome.KEPT.equals(r.getString(r.fieldIndex("status")));
  }

  private static String str(Row r, String c) {
    return r.getString(r.fieldIndex(c));
  }

  @Test
  void statsJsonRemovalsPerDomainAndSourceEqualTheWrittenOutput() {
    Map<String, long[]> want = new TreeMap<>();
    for (Row r : out.values()) {
      long[] c = want.computeIfAbsent(str(r, "domain") + "/" + str(r, "source"),
          k -> new long[4]);
      c[0]++;
      if (kept(r)) c[1]++;
      else if (DedupReason.EXACT_DUP.reason().equals(str(r, "reason"))) c[2]++;
      else if (DedupReason.NEAR_DUP.reason().equals(str(r, "reason"))) c[3]++;
    }
    Map<String, long[]> got = new TreeMap<>();
    for (Object o : (List<?>) extra.get("removed")) {
      Map<String, Object> m = cast(o);
      got.put(m.get("domain") + "/" + m.get("source"), new long[] {(Long) m.get("docs_in"),
          (Long) m.get("kept"), (Long) m.get("exact_dup"), (Long) m.get("near_dup")});
    }
    assertEquals(want.keySet(), got.keySet());
    for (String k : want.keySet()) {
      assertEquals(java.util.Arrays.toString(want.get(k)), java.util.Arrays.toString(got.get(k)),
          k);
    }
    assertTrue(want.size() > 3, "several sources per domain: " + want.keySet());
  }

  @Test
  void statsJsonClusterSizesEqualTheWrittenOutput() {
    List<Long> sizes = new ArrayList<>();
    for (Row r : out.values()) if (kept(r) && size(r) > 1) sizes.add(size(r));
    java.util.Collections.sort(sizes);
    Map<String, Object> c = cast(extra.get("clusters"));
    assertEquals((long) sizes.size(), c.get("count"));
    assertEquals(sizes.stream().mapToLong(Long::longValue).sum(), c.get("documents"));
    Map<String, Long> hist = new TreeMap<>();
    for (long s : sizes) hist.merge(DedupReport.bucket(s), 1L, Long::sum);
    assertEquals(hist, new TreeMap<>(cast(c.get("size_histogram"))));
    // fewer clusters than KLL's k: the sketch holds every value, so its quantiles are exact
    Map<String, Object> q = cast(c.get("size_quantiles"));
    for (double p : DedupReport.QUANTILES) {
      long want = sizes.get((int) Math.ceil(p * sizes.size()) - 1);
      assertEquals(want, q.get(p == 1.0 ? "max" : "p" + Math.round(p * 100)), "quantile " + p);
    }
  }

  @Test
  void statsJsonSampleClustersNameTheirMembersAndFirstLines() {
    Map<String, String> text = new HashMap<>();
    for (Document d : docs) text.put(d.getId(), d.getText());
    List<Row> clusters = new ArrayList<>();
    for (Row r : out.values()) if (kept(r) && size(r) > 1) clusters.add(r);
    clusters.sort(java.util.Comparator.comparingLong((Row r) -> -size(r))
        .thenComparing(r -> str(r, "id")));
    List<String> want = new ArrayList<>();
    for (Row r : clusters.subList(0, Math.min(DedupReport.LARGEST, clusters.size()))) {
      want.add(str(r, "id"));
    }
    List<?> samples = (List<?>) extra.get("sample_clusters");
    List<String> got = new ArrayList<>();
    for (Object o : samples) got.add((String) cast(cast(o).get("survivor")).get("id"));
    assertEquals(want, got.subList(0, want.size()));
    assertEquals("b-2", want.get(0), "the planted cluster of four is the largest");
    for (Object o : samples) {
      Map<String, Object> c = cast(o);
      Map<String, Object> survivor = cast(c.get("survivor"));
      String sid = (String) survivor.get("id");
      assertEquals(DedupReport.firstLine(text.get(sid)), survivor.get("first_line"));
      List<String> members = new ArrayList<>();
      for (Row r : out.values()) if (!kept(r) && sid.equals(str(r, "detail"))) {
        members.add(str(r, "id"));
      }
      java.util.Collections.sort(members);
      List<String> gotMembers = new ArrayList<>();
      for (Object m : (List<?>) c.get("members")) {
        Map<String, Object> mm = cast(m);
        gotMembers.add((String) mm.get("id"));
        assertEquals(DedupReport.firstLine(text.get((String) mm.get("id"))),
            mm.get("first_line"));
      }
      assertEquals(members.subList(0, Math.min(DedupReport.MEMBERS, members.size())),
          gotMembers, sid);
      assertEquals(size(out.get(sid)), c.get("size"));
    }
  }

  @Test
  void statsJsonDistinctShinglesAreWithinTheSketchErrorOfTheExactCounts() {
    DedupSettings.Plan plan = DedupSettings.plan(config, DedupStage.NAME);
    Map<String, java.util.Set<Long>> input = new TreeMap<>();
    Map<String, java.util.Set<Long>> keptSet = new TreeMap<>();
    for (Document d : docs) {
      MinHashParams p = plan.params(d.getLang());
      Shingler sh = new Shingler(p.unit(), p.shingleSize());
      int n = sh.shingle(d.getText());
      for (int i = 0; i < n; i++) {
        input.computeIfAbsent(d.getLang(), k -> new java.util.HashSet<>()).add(sh.hashes()[i]);
        if (kept(out.get(d.getId()))) {
          keptSet.computeIfAbsent(d.getLang(), k -> new java.util.HashSet<>())
              .add(sh.hashes()[i]);
        }
      }
    }
    List<?> rows = (List<?>) extra.get("distinct_shingles");
    assertEquals(input.size(), rows.size());
    for (Object o : rows) {
      Map<String, Object> m = cast(o);
      String lang = (String) m.get("lang");
      // CPC lgK 11: relative standard error about 1.2%; 4% is over three of them
      assertEquals(input.get(lang).size(), (Long) m.get("input"), input.get(lang).size() * 0.04,
          lang);
      assertEquals(keptSet.get(lang).size(), (Long) m.get("kept"),
          keptSet.get(lang).size() * 0.04, lang);
    }
  }

  @Test
  void firstLineSkipsBlankLinesAndIsCut() {
    assertEquals("hello world", DedupReport.firstLine("\n  \n  hello world  \nsecond"));
    assertEquals("", DedupReport.firstLine("   "));
    assertEquals(null, DedupReport.firstLine(null));
    String longLine = "\uD83D\uDE00".repeat(300);
    assertEquals(DedupReport.FIRST_LINE_CHARS,
        DedupReport.firstLine(longLine).codePointCount(0, DedupReport.firstLine(longLine).length()));
  }
}
