package org.flmdata.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.DropReason;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.ledger.Ledger;
import org.flmdata.pipeline.ledger.LedgerRow;
import org.flmdata.pipeline.ledger.StageSummary;
import org.flmdata.pipeline.ledger.StatsReport;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageRunnerTest {
  enum TestReason implements DropReason {
    ODD;

    @Override
    public String rule() {
      return "parity";
    }

    @Override
    public String reason() {
      return "odd";
    }
  }

  /** Source stage: documents "doc-0" .. "doc-(n-1)" per domain, text of i+1 letters 'a'. */
  static final class Numbers implements Stage {
    final int n;
    int runs;

    Numbers(int n) {
      this.n = n;
    }

    @Override
    public String name() {
      return "numbers";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      runs++;
      List<Outcome> rows = new ArrayList<>();
      for (var d : ctx.config().domains()) {
        for (int i = 0; i < n; i++) {
          Document doc = new Document("doc-" + i, d.name(), "s", null, "en", "a".repeat(i + 1),
              Map.of());
          rows.add(Outcome.kept(doc, i + 1));
        }
      }
      return ctx.spark().createDataset(rows, Outcome.ENCODER);
    }
  }

  /** Keeps documents with even-length text, rejects the others. */
  static final class Parity implements Stage {
    int runs;

    @Override
    public String name() {
      return "parity";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      runs++;
      return input.map((MapFunction<Document, Outcome>) d -> Outcome.of(d,
          d.getText().length() % 2 == 0 ? Verdict.keep(d.withText(d.getText() + "!"))
              : Verdict.drop(TestReason.ODD, "len=" + d.getText().length())), Outcome.ENCODER);
    }
  }

  @TempDir Path dir;
  SparkSession spark = SparkTestSession.get();
  PipelineConfig config;

  @BeforeEach
  void config() throws IOException {
    Path domains = Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("in.txt"), "x");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: run\nrejected_text_fraction: 0.5\n");
    Files.writeString(domains.resolve("a.yaml"),
        "name: A\nlanguages: [en]\nproportion: 60\ninputs: [{path: ../in.txt, format: text}]\n");
    Files.writeString(domains.resolve("b.yaml"),
        "name: B\nlanguages: [en]\nproportion: 40\ninputs: [{path: ../in.txt, format: text}]\n");
    config = new ConfigLoader(Map.of(), new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
  }

  private List<StageRunner.StageResult> run(List<Stage> stages, Set<String> only, boolean force)
      throws IOException {
    return new StageRunner(spark, config, stages, new PrintWriter(new StringWriter(), true))
        .run(only, force);
  }

  @Test
  void ledgerReconcilesDocsAndBytesPerDomain() throws IOException {
    int n = 25;
    run(List.of(new Numbers(n), new Parity()), null, false);
    RunLayout layout = new RunLayout(config.output());
    List<LedgerRow> rows = Ledger.ofStage(spark, "parity", layout.stageDir("parity"));
    assertEquals(2, rows.size());
    long evenDocs = 0;
    long evenBytes = 0;
    long oddBytes = 0;
    for (int i = 0; i < n; i++) {
      if ((i + 1) % 2 == 0) {
        evenDocs++;
        evenBytes += i + 1;
      } else {
        oddBytes += i + 1;
      }
    }
    for (LedgerRow r : rows) {
      assertTrue(r.reconciles(), r.toString());
      assertEquals(n, r.docsIn());
      assertEquals(evenDocs, r.docsKept());
      assertEquals(Map.of("parity/odd", n - evenDocs), r.rejected());
      assertEquals(evenBytes, r.bytesKept());
      assertEquals(evenBytes + evenDocs, r.bytesOut());
      assertEquals(oddBytes, r.rejectedBytes().get("parity/odd"));
    }
  }

  @Test
  void theFiguresCountedAfterTheWriteAreTheReportsOwnAndTheReportUsesThem() throws IOException {
    List<Stage> stages = List.of(new Numbers(30), new Parity());
    List<StageRunner.StageResult> results = run(stages, null, false);
    RunLayout layout = new RunLayout(config.output());
    Map<String, StageSummary.Figures> counted = new HashMap<>();
    for (StageRunner.StageResult r : results) {
      StageSummary.Figures scanned = StageSummary.of(spark, r.stage(),
          layout.stageDir(r.stage()), StatsReport.SAMPLES_PER_RULE);
      assertEquals(scanned, r.figures());
      assertEquals(Ledger.total(r.stage(), scanned.ledger()), r.total());
      counted.put(r.stage(), r.figures());
    }
    assertFalse(results.get(1).figures().samples().isEmpty());
    Map<String, Object> reused = StatsReport.build(spark, config, stages, counted);
    Map<String, Object> scanned = StatsReport.build(spark, config, stages);
    ((Map<?, ?>) reused.get("run")).remove("written_at");
    ((Map<?, ?>) scanned.get("run")).remove("written_at");
    ObjectMapper json = new ObjectMapper(); // arrays compared by value
    assertEquals(json.writeValueAsString(scanned), json.writeValueAsString(reused));
    // a skipped stage was not counted by this process: the report scans it
    assertNull(run(stages, null, false).get(1).figures());
  }

  @Test
  void completeStagesAreSkippedAndForceRedoesThem() throws IOException {
    Numbers numbers = new Numbers(4);
    Parity parity = new Parity();
    List<Stage> stages = List.of(numbers, parity);
    run(stages, null, false);
    List<StageRunner.StageResult> again = run(stages, null, false);
    assertTrue(again.get(0).skipped() && again.get(1).skipped());
    assertEquals(1, numbers.runs);
    assertEquals(1, parity.runs);
    run(stages, Set.of("parity"), true);
    assertEquals(1, numbers.runs);
    assertEquals(2, parity.runs);
  }

  @Test
  void changedUpstreamInvalidatesDownstream() throws IOException {
    Parity parity = new Parity();
    run(List.of(new Numbers(4), parity), null, false);
    run(List.of(new Numbers(6), parity), Set.of("numbers"), true);
    // numbers was redone, but its config hash is the same, so parity stays valid: the hash covers
    // configuration, not data; a forced upstream rerun must be followed by a forced downstream one
    List<StageRunner.StageResult> r = run(List.of(new Numbers(6), parity), null, false);
    assertTrue(r.get(1).skipped());
  }

  @Test
  void emptyMarkerMeansIncompleteAndTheStageIsRedone() throws IOException {
    Numbers numbers = new Numbers(3);
    run(List.of(numbers), null, false);
    RunLayout layout = new RunLayout(config.output());
    Files.writeString(Path.of(layout.marker("numbers")), "");
    assertNull(StageMarker.read(layout.marker("numbers"), new Configuration()));
    List<StageRunner.StageResult> r = run(List.of(numbers), null, false);
    assertFalse(r.get(0).skipped());
    assertEquals(2, numbers.runs);
  }

  @Test
  void rejectedTextIsSampledButSizesAreAlwaysWritten() throws IOException {
    int n = 400;
    run(List.of(new Numbers(n), new Parity()), null, false);
    RunLayout layout = new RunLayout(config.output());
    Dataset<Row> rejected = StageOutput.readAll(spark, layout.stageDir("parity"))
        .where("status = 'rejected'");
    long all = rejected.count();
    long withText = rejected.where("text is not null").count();
    long withSize = rejected.where("bytesIn > 0").count();
    assertEquals(2L * n / 2, all);
    assertEquals(all, withSize);
    // a fraction of 0.5 chosen by hash: far from 0 and from all
    assertTrue(withText > all / 4 && withText < all * 3 / 4, withText + " of " + all);
    assertEquals(0, StageOutput.readAll(spark, layout.stageDir("parity"))
        .where("status = 'kept' and text is null").count());
  }

  @Test
  void keptDocumentsFeedTheNextStage() throws IOException {
    run(List.of(new Numbers(10), new Parity()), null, false);
    RunLayout layout = new RunLayout(config.output());
    List<Document> kept = StageOutput.readKept(spark, layout.stageDir("parity"))
        .where("domain = 'A'").orderBy("id").collectAsList();
    assertEquals(5, kept.size());
    assertEquals("aa!", kept.stream().filter(d -> d.getId().equals("doc-1")).findFirst()
        .orElseThrow().getText());
  }

  /** Persists what it reads, prints a line to the console it is given, keeps every document. */
  static final class Caching implements Stage {
    Dataset<Document> persisted;
    boolean cachedDuringWrite;

    @Override
    public String name() {
      return "caching";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      persisted = ctx.cache().persist(input, StorageLevel.MEMORY_AND_DISK());
      ctx.out().println("caching: " + persisted.count() + " documents");
      return persisted.map((MapFunction<Document, Outcome>) d -> Outcome.kept(d, 1),
          Outcome.ENCODER);
    }

    @Override
    public void afterWrite(StageContext ctx) {
      cachedDuringWrite = persisted.storageLevel().useMemory();
    }
  }

  @Test
  void theRunnerReleasesWhatAStagePersistedOnceItsOutputIsWritten() throws IOException {
    Caching caching = new Caching();
    StringWriter console = new StringWriter();
    new StageRunner(spark, config, List.of(new Numbers(3), caching),
        new PrintWriter(console, true)).run(null, false);
    assertTrue(caching.cachedDuringWrite, "persisted until the stage's output is written");
    assertEquals(StorageLevel.NONE(), caching.persisted.storageLevel(), "released after it");
    // the stage's own line goes to the runner's console, before the runner's summary of it
    String out = console.toString();
    assertTrue(out.contains("caching: 6 documents"), out);
    assertTrue(out.indexOf("caching: 6 documents") < out.indexOf("caching  "), out);
  }
}
