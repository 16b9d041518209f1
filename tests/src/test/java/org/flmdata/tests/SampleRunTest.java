package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, in process: the sample corpus, {@code run} over
 * jobs/conf/sample/pipeline.yaml, then {@code show} of the kept WebText documents.
 */
class SampleRunTest {
  @TempDir static Path out;
  static String runOutput;
  static final ObjectMapper JSON = new ObjectMapper();

  static String[] execute(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
    assertEquals(0, code, () -> String.join(" ", args) + " failed: " + e);
    return new String[] {o.toString(), e.toString()};
  }

  @BeforeAll
  static void runSample() throws Exception {
    SampleRun.ensureCorpusWritten();
    SparkTestSession.get();
    runOutput = execute("run", "-c", SampleRun.pipelineYaml().toString(), "--output",
        out.toString())[0];
  }

  @Test
  void runPrintsWhereDocumentsAndStatsLanded() {
    // the documents line names the last stage that ran: dedup (tokenize needs a tokenizer file)
    assertTrue(runOutput.contains("documents: " + out.resolve("dedup/status=kept")), runOutput);
    assertTrue(runOutput.contains("tokenize  not configured, skipped: "), runOutput);
    assertTrue(runOutput.contains("stats:     " + out.resolve("report/stats.json")), runOutput);
    assertTrue(Files.exists(out.resolve("report/stats.json")));
    assertTrue(Files.exists(out.resolve("extract/_SUCCESS")));
  }

  @Test
  void showPrintsRealTextExtractedFromTheSampleWarc() throws Exception {
    String shown = execute("show", out.resolve("extract/status=kept/domain=WebText").toString())[0];
    List<JsonNode> fromWarc = new ArrayList<>();
    for (String line : shown.strip().split("\n")) {
      JsonNode row = JSON.readTree(line);
      for (String field : new String[] {"id", "domain", "source", "url", "lang", "text", "meta",
          "status", "rule", "reason", "detail", "bytesIn", "bytesOut"}) {
        assertTrue(row.has(field), "show must print every field, " + field + " missing: " + line);
      }
      if (row.get("meta").path("file").asText().endsWith(".warc.gz")) fromWarc.add(row);
    }
    assertTrue(fromWarc.size() > 50, "WARC pages shown: " + fromWarc.size());
    for (JsonNode row : fromWarc) {
      String text = row.get("text").asText();
      assertTrue(row.get("id").asText().startsWith("urn:uuid:"), row.get("id").asText());
      // the crawl's stub page (SampleCrawl's "Coming soon", Kind.SHORT) is one short line once
      // its menus and footer are left out; every article page is longer
      boolean stub = row.get("url").asText().endsWith("/events/");
      // the crawl's PDF (parsed by Tika) and robots.txt are short documents, not article pages
      boolean page = row.get("meta").path("content_type").asText().startsWith("text/html");
      assertTrue(
          !page ? !text.isBlank() : stub ? text.length() < 200 : text.length() > 200,
          row.get("url") + ": " + text);
      assertTrue(!text.contains("<p>") && !text.contains("function("), text);
    }
    assertTrue(fromWarc.stream().anyMatch(r -> r.get("lang").asText().equals("zh")
        && r.get("text").asText().codePoints().filter(c -> Character.UnicodeScript.of(c)
            == Character.UnicodeScript.HAN).count() > 100), "a Chinese WARC page with Han text");
  }

  @Test
  void showLimitsRows() {
    String shown = execute("show", out.resolve("extract").toString(), "--limit", "3")[0];
    assertEquals(3, shown.strip().split("\n").length);
  }

  @Test
  void rerunSkipsTheCompleteStage() {
    String again = execute("run", "-c", SampleRun.pipelineYaml().toString(), "--output",
        out.toString())[0];
    assertTrue(again.contains("extract   complete with this config, skipped"), again);
  }

  @Test
  void everyStatsRowReconciles() throws Exception {
    JsonNode stats = JSON.readTree(out.resolve("report/stats.json").toFile());
    int rows = 0;
    for (JsonNode st : stats.get("stages")) {
      for (JsonNode row : st.get("rows")) {
        rows++;
        long rejected = 0;
        for (JsonNode v : row.get("rejected")) rejected += v.asLong();
        assertEquals(row.get("docs_in").asLong(), row.get("docs_kept").asLong() + rejected);
        assertTrue(row.get("reconciles").asBoolean());
      }
    }
    assertTrue(rows >= 11, "a row per domain and language at least");
    JsonNode clean = null;
    for (JsonNode st : stats.get("stages")) {
      if (st.get("name").asText().equals("clean")) clean = st;
    }
    assertTrue(clean != null && clean.get("counters").size() > 0,
        "clean reports characters removed per rule");
  }
}
