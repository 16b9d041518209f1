package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
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
 * Issue 21: incremental dedup against a persistent index. A corpus of near-duplicate families,
 * exact copies and unique documents is split into two halves (first-half ids sort first, and
 * {@code survivor_order: []} lets ids decide, so wherever the first half holds a copy one run over
 * both halves keeps a first-half document). Run 1 dedups the first half and creates the index; run
 * 2 dedups the second half against it. Run 2 must remove exactly what one run over both halves
 * removes from the second half, naming the same survivors. (One run may also remove a first-half
 * document that two second-half copies chain to another; the index keeps what run 1 kept, and run
 * 2 removes nothing of it.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedupIndexTest {
  @TempDir static Path dir;
  private final SparkSession spark = SparkTestSession.get();
  private final SplittableRandom rnd = new SplittableRandom(21);
  private final List<Document> first = new ArrayList<>();
  private final List<Document> second = new ArrayList<>();
  private Map<String, String> oneRun;
  private Map<String, String> run1;
  private Map<String, String> run2;
  private Path index;

  private String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append("w").append(rnd.nextInt(50_000));
    return sb.toString();
  }

  /** {@code text} with {@code k} random words replaced. */
  private String edit(String text, int k) {
    String[] w = text.split(" ");
    for (int i = 0; i < k; i++) w[rnd.nextInt(w.length)] = "e" + rnd.nextInt(1_000_000);
    return String.join(" ", w);
  }

  private void add(int half, String name, String text) {
    (half == 1 ? first : second).add(new Document(half + "-" + name, "A", "cc", null, "en", text,
        Map.of()));
  }

  @BeforeAll
  void twoRunsAndOne() throws IOException {
    for (int f = 0; f < 40; f++) {
      String base = words(250);
      int members = 2 + rnd.nextInt(4);
      for (int m = 0; m < members; m++) {
        String text = m == 0 ? base : rnd.nextInt(4) == 0 ? base : edit(base, 1 + rnd.nextInt(8));
        add(1 + rnd.nextInt(2), String.format("f%02d-%d", f, m), text);
      }
    }
    for (int u = 0; u < 30; u++) add(1 + rnd.nextInt(2), String.format("u%02d", u), words(200));
    List<Document> all = new ArrayList<>(first);
    all.addAll(second);
    index = dir.resolve("index");

    oneRun = run("all", all, "");
    run1 = run("run1", first, "index: ../../index, ");
    assertEquals(first.size(), run1.size());
    run2 = run("run2", second, "index: ../../index, ");
  }

  /** Runs source + dedup; returns id -> "kept" or "rule/reason detail". */
  private Map<String, String> run(String name, List<Document> docs, String settings)
      throws IOException {
    PipelineConfig config = config(name, settings);
    DedupStageTest.Planted src = new DedupStageTest.Planted(docs);
    new StageRunner(spark, config, List.of(src, new DedupStage()),
        new PrintWriter(new StringWriter(), true)).run(null, false);
    return outcomes(config);
  }

  private PipelineConfig config(String name, String settings) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Path domains = Files.createDirectories(run.resolve("domains"));
    Files.writeString(run.resolve("in.txt"), "x");
    Files.writeString(run.resolve("pipeline.yaml"), "output: out\n");
    Files.writeString(domains.resolve("a.yaml"), "name: A\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../in.txt, format: text}]\n"
        + "dedup: {" + settings + "survivor_order: []}\n");
    Map<String, SettingsSpec> sections = new TreeMap<>();
    sections.put("src", new DedupStageTest.Planted(List.of()).section());
    sections.put(DedupStage.NAME, DedupStage.SECTION);
    return new ConfigLoader(sections, new Configuration(), true)
        .load(run.resolve("pipeline.yaml").toString());
  }

  private Map<String, String> outcomes(PipelineConfig config) {
    Map<String, String> m = new TreeMap<>();
    RunLayout layout = new RunLayout(config.output());
    for (Row r : StageOutput.readAll(spark, layout.stageDir(DedupStage.NAME))
        .select("id", "status", "rule", "reason", "detail").collectAsList()) {
      m.put(r.getString(0), Outcome.KEPT.equals(r.getString(1)) ? "kept"
          : r.getString(2) + "/" + r.getString(3) + " " + r.getString(4));
    }
    return m;
  }

  private static Set<String> ids(List<Document> docs) {
    Set<String> s = new HashSet<>();
    for (Document d : docs) s.add(d.getId());
    return s;
  }

  @Test
  void secondRunRemovesWhatOneRunOverBothHalvesRemovesFromTheSecondHalf() {
    Set<String> secondIds = ids(second);
    assertEquals(secondIds, run2.keySet());
    int againstIndex = 0;
    for (String id : secondIds) {
      String want = oneRun.get(id);
      String got = run2.get(id);
      if (want.equals("kept")) {
        assertEquals("kept", got, id);
        continue;
      }
      String wantDetail = want.substring(want.indexOf(' ') + 1);
      String gotDetail = got.substring(got.indexOf(' ') + 1);
      assertEquals(wantDetail, gotDetail, id + ": same survivor");
      String wantReason = want.substring(0, want.indexOf(' '));
      String gotReason = got.substring(0, got.indexOf(' '));
      if (gotReason.endsWith("-indexed")) {
        againstIndex++;
        assertTrue(gotDetail.startsWith("1-"), id + ": indexed detail is a first-half id " + got);
      } else if (gotDetail.startsWith("2-")) {
        // decided inside the second half: as one run decides it
        assertEquals(wantReason, gotReason, id);
      }
      // a copy whose one-run survivor is in the first half may change reason: an exact copy of a
      // first-half near duplicate (exact-dup in one run) meets only its survivor in the index
      // (near-indexed); the survivor is the same, checked above
    }
    assertTrue(againstIndex > 10, "the corpus puts many copies across the halves: " + againstIndex);
  }

  @Test
  void theIndexHoldsWhatEachRunKept() throws IOException {
    DedupIndex ix = new DedupIndex(index.toString(), new Configuration());
    DedupIndex.Generation g = ix.current();
    assertTrue(g.generation() >= 2, "one generation per run (and per rerun)");
    assertEquals(2, g.segments().size(), "one segment per run");
    Set<String> indexed = new HashSet<>();
    for (Row r : ix.rows(spark, "no run").select("id").collectAsList()) indexed.add(r.getString(0));
    Set<String> want = new HashSet<>();
    for (Map.Entry<String, String> e : run1.entrySet()) {
      if (e.getValue().equals("kept")) want.add(e.getKey());
    }
    for (Map.Entry<String, String> e : run2.entrySet()) {
      if (e.getValue().equals("kept")) want.add(e.getKey());
    }
    assertEquals(want, indexed);
  }

  @Test
  void theReportCountsRemovalsAgainstTheIndexAndShowsTheirLargestClusters() throws IOException {
    PipelineConfig c = config("run2", "index: ../../index, ");
    DedupStageTest.Planted src = new DedupStageTest.Planted(second);
    Map<String, Object> stats = StatsReport.build(spark, c, List.of(src, new DedupStage()));
    Map<?, ?> extra = null;
    for (Object st : (List<?>) stats.get("stages")) {
      Map<?, ?> m = (Map<?, ?>) st;
      if (DedupStage.NAME.equals(m.get("name"))) extra = (Map<?, ?>) m.get("extra");
    }
    long exact = 0;
    long near = 0;
    for (Object o : (List<?>) extra.get("removed")) {
      exact += ((Number) ((Map<?, ?>) o).get("exact_indexed")).longValue();
      near += ((Number) ((Map<?, ?>) o).get("near_indexed")).longValue();
    }
    long wantExact = run2.values().stream().filter(v -> v.startsWith("exact/exact-indexed"))
        .count();
    long wantNear = run2.values().stream().filter(v -> v.startsWith("minhash/near-indexed"))
        .count();
    assertEquals(wantExact, exact);
    assertEquals(wantNear, near);
    boolean shown = false;
    for (Object o : (List<?>) extra.get("sample_clusters")) {
      Map<?, ?> cl = (Map<?, ?>) o;
      if (!"largest against the index".equals(cl.get("chosen"))) continue;
      shown = true;
      Map<?, ?> survivor = (Map<?, ?>) cl.get("survivor");
      assertTrue(((String) survivor.get("id")).startsWith("1-"), cl.toString());
      assertTrue(((String) survivor.get("first_line")).startsWith("w"), cl.toString());
      assertTrue(!((List<?>) cl.get("members")).isEmpty(), cl.toString());
    }
    assertTrue(shown, "largest clusters against the index are sampled");
  }

  @Test
  void anIndexBuiltWithOtherMinHashSettingsIsAConfigErrorBeforeSparkWork() throws IOException {
    PipelineConfig other = config("other", "index: ../../index, preset: fineweb, ");
    ConfigException e = assertThrows(ConfigException.class,
        () -> new DedupStage().preflight(other, new Configuration()));
    assertTrue(e.getMessage().contains("dedup.index") && e.getMessage().contains("fineweb"),
        e.getMessage());
  }

  @Test
  void aKilledAppendLeavesThePreviousGenerationAndARerunCompletesIt() throws IOException {
    // the state a run killed while appending leaves: its segment half-written, its generation
    // file not renamed into place (written under its temporary name, cut short)
    Path copy = dir.resolve("killed-index");
    copyTree(index, copy);
    DedupIndex ix = new DedupIndex(copy.toString(), new Configuration());
    DedupIndex.Generation before = ix.current();
    Path seg =
        Path.of(ix.segmentPath(DedupIndex.segmentName(before.generation() + 1, "some run")));
    Files.createDirectories(seg);
    Files.writeString(seg.resolve("part-00000.parquet"), "PAR1 cut");
    Files.writeString(copy.resolve("generations").resolve(String.format("_%06d.json.tmp",
        before.generation() + 1)), "{\"generation\": 3, \"segm");
    assertEquals(before, ix.current(), "the previous generation is still current");
    assertEquals(before.segments().stream().mapToLong(DedupIndex.Segment::docs).sum(),
        ix.rows(spark, "no run").count(), "and readable");

    // a run killed after its append but before its stage marker: the rerun ignores its own
    // segment, decides the same, and replaces the segment in a new generation
    PipelineConfig c = config("run2", "index: ../../index, ");
    RunLayout layout = new RunLayout(c.output());
    Files.delete(Path.of(layout.marker(DedupStage.NAME)));
    DedupIndex real = new DedupIndex(index.toString(), new Configuration());
    long gen = real.current().generation();
    assertEquals(run2, run("run2", second, "index: ../../index, "));
    DedupIndex.Generation after = real.current();
    assertEquals(gen + 1, after.generation());
    assertEquals(2, after.segments().size(), "run 2's segment replaced, not added twice");
    assertNotNull(real.rows(spark, "no run"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }
}
