package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.LogCapture;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet input whose files are not all alike, through the extract stage on Spark. */
class ParquetInputTest {
  @TempDir Path dir;

  static final String EN = "This is a sentence in English, and it is the text of row ";
  static final String STRING_ID =
      "message m { optional binary text (STRING); optional binary id (STRING); }";
  static final String INT_ID = "message m { optional binary text (STRING); optional int32 id; }";

  private List<Outcome> run(String input) {
    write(dir.resolve("pipeline.yaml"), utf8("output: out\ndomains: domains/\n"));
    write(
        dir.resolve("domains/d0.yaml"),
        utf8("name: Web\nlanguages: [en]\nproportion: 100\ninputs:\n  - " + input + "\n"));
    ConfigLoader loader =
        new ConfigLoader(
            Map.of(ExtractStage.NAME, ExtractStage.SECTION),
            SparkTestSession.get().sparkContext().hadoopConfiguration(),
            true);
    PipelineConfig cfg = loader.load(dir.resolve("pipeline.yaml").toString());
    StageContext ctx = new StageContext(SparkTestSession.get(), cfg, new RunLayout(cfg.output()));
    return new ExtractStage().apply(ctx, null).collectAsList();
  }

  private static Map<String, Integer> counts(List<Outcome> outs) {
    Map<String, Integer> m = new TreeMap<>();
    for (Outcome o : outs)
      m.merge(o.isKept() ? "kept" : o.getRule() + "/" + o.getReason(), 1, Integer::sum);
    return m;
  }

  @Test
  void badFilesAreCountedOneOutcomeEachAndEveryRowOfTheGoodFilesIsKept() throws Exception {
    Path pq = dir.resolve("in/pq");
    Path a =
        ParquetFiles.write(
            pq.resolve("a.parquet"),
            STRING_ID,
            new Object[] {"text", EN + 1, "id", "a1"},
            new Object[] {"text", EN + 2, "id", "a2"},
            new Object[] {"text", EN + 3});
    // the same columns, but the id is an int: read in a scan of its own
    ParquetFiles.write(
        pq.resolve("b.parquet"),
        INT_ID,
        new Object[] {"text", EN + 4, "id", 4},
        new Object[] {"text", EN + 5, "id", 5});
    ParquetFiles.write(
        pq.resolve("c-int.parquet"),
        "message m { required int32 text; }",
        new Object[] {"text", 6});
    ParquetFiles.write(
        pq.resolve("d-none.parquet"),
        "message m { optional binary body (STRING); }",
        new Object[] {"body", EN + 7});
    ParquetFiles.junk(pq.resolve("e-junk.parquet"), 5000, 9);
    ParquetFiles.truncated(a, pq.resolve("f-cut.parquet"), 12);
    write(pq.resolve("g-empty.parquet"), new byte[0]);

    List<Outcome> outs;
    List<String> log;
    try (LogCapture capture = new LogCapture()) {
      outs = run("{path: ../in/pq, format: parquet, source: pq, id_field: id}");
      log = capture.lines();
    }

    assertEquals(
        Map.of("kept", 5, "read/bad-schema", 2, "read/corrupt-parquet", 2, "read/empty-file", 1),
        counts(outs));
    Map<String, Outcome> byId = outs.stream().collect(Collectors.toMap(Outcome::getId, o -> o));
    assertEquals(
        List.of("4", "5", "a1", "a2", "pq/a.parquet#3"),
        outs.stream().filter(Outcome::isKept).map(Outcome::getId).sorted().toList());
    assertEquals(EN + 4, byId.get("4").getText());
    assertEquals(
        "column \"text\" is int32, not a string", byId.get("pq/c-int.parquet#1").getDetail());
    assertEquals(
        "no column \"text\"; columns: [body]", byId.get("pq/d-none.parquet#1").getDetail());
    for (String bad : List.of("c-int", "d-none", "e-junk", "f-cut", "g-empty")) {
      Outcome o = byId.get("pq/" + bad + ".parquet#1");
      assertEquals(Files.size(pq.resolve(bad + ".parquet")), o.getBytesIn(), bad);
      assertTrue(
          log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains(bad + ".parquet: read/")),
          "no WARN line names " + bad);
    }
  }

  @Test
  void aTextColumnOfAnotherTypeInEveryFileIsAConfigurationMistake() {
    ParquetFiles.write(
        dir.resolve("in/pq/x.parquet"),
        "message m { required int32 text; }",
        new Object[] {"text", 1});
    ConfigException e =
        assertThrows(ConfigException.class, () -> run("{path: ../in/pq, format: parquet}"));
    assertTrue(
        e.getMessage()
            .matches(
                ".*d0.yaml: inputs\\[0]\\.text_field column \"text\" in .*/in/pq must be a"
                    + " string, got int32"),
        e.getMessage());
  }

  @Test
  void anIdColumnNoFileHasIsAConfigurationMistake() {
    ParquetFiles.write(dir.resolve("in/pq/x.parquet"), INT_ID, new Object[] {"text", EN});
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> run("{path: ../in/pq, format: parquet, id_field: key}"));
    assertTrue(
        e.getMessage().contains("inputs[0].id_field \"key\" is not a column"), e.getMessage());
    assertTrue(e.getMessage().contains("columns: [text, id]"), e.getMessage());
  }

  @Test
  void anInputOfOnlyBrokenFilesIsCountedNotAMistake() {
    ParquetFiles.junk(dir.resolve("in/pq/a.parquet"), 100, 1);
    write(dir.resolve("in/pq/b.parquet"), new byte[0]);
    assertEquals(
        Map.of("read/corrupt-parquet", 1, "read/empty-file", 1),
        counts(run("{path: ../in/pq, format: parquet, id_field: id}")));
  }
}
