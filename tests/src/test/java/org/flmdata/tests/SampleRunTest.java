package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, in process: the sample corpus, {@code run} over
 * jobs/conf/sample/pipeline.yaml, then {@code show} of the kept WebText documents.
 */
class SampleRunTest {
  /** Under tests/target, so the report and its screenshot stay for a reader after the run. */
  static Path out;
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
    out = ProjectLayout.testsTarget().resolve("sample-run");
    deleteRecursively(out);
    runOutput = execute("run", "-c", SampleRun.pipelineYaml().toString(), "--output",
        out.toString())[0];
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Test
  void reportRendersInHeadlessChromiumWithoutAnyRequest() throws Exception {
    HeadlessChromium.require();
    Path page = out.resolve("report/index.html");
    Path png = out.resolve("report/screenshot.png");
    JsonNode stats = JSON.readTree(out.resolve("report/stats.json").toFile());
    List<String> requests;
    try (HeadlessChromium chromium = new HeadlessChromium(1280, 2400)) {
      chromium.open(page);
      for (String id : List.of("run", "funnel", "rules", "distributions", "quality", "samples")) {
        assertTrue(chromium.eval("return document.getElementById('" + id + "') !== null")
            .asBoolean(), "section " + id);
      }
      int stages = stats.get("stages").size();
      int domains = stats.get("run").get("domains").size();
      // charts: the funnel, one per stage that removed documents, histograms; all drawn
      int svgs = chromium.eval("return document.querySelectorAll('svg.chart').length").asInt();
      assertTrue(svgs >= 1 + stages, "charts: " + svgs);
      int drawn = chromium.eval("return [...document.querySelectorAll('svg.chart')]"
          + ".filter(s => s.getBoundingClientRect().width > 100"
          + " && s.querySelectorAll('rect').length > 0).length").asInt();
      assertEquals(svgs, drawn, "every chart laid out with bars");
      int tables = chromium.eval("return document.querySelectorAll('table').length").asInt();
      assertTrue(tables >= 3 + domains, "tables: " + tables);
      for (JsonNode d : stats.get("run").get("domains")) {
        assertTrue(chromium.eval("return [...document.querySelectorAll('#funnel h3')]"
            + ".some(h => h.textContent === '" + d.asText() + "')").asBoolean(),
            "funnel of " + d.asText());
      }
      chromium.screenshot(png);
      requests = chromium.pageRequests(page);
      // the detector itself: a page that loads an image from elsewhere shows that request
      Path leaky = out.resolve("leaky.html");
      Files.writeString(leaky, "<html><body><img src=\"http://192.0.2.1/x.png\"></body></html>");
      chromium.open(leaky);
      assertTrue(chromium.pageRequests(leaky).contains("http://192.0.2.1/x.png"),
          "request detection works");
    }
    // the one request is the page itself: no script, style sheet, font or image fetched
    assertEquals(List.of(page.toAbsolutePath().toUri().toString()), requests);
    byte[] head = Files.readAllBytes(png);
    assertEquals(1280, ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16)
        | ((head[18] & 0xff) << 8) | (head[19] & 0xff), "PNG width");
    assertTrue(head.length > 50_000, "a screenshot with content: " + head.length + " bytes");
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
    return n;
  }

  @Test
  void runPrintsWhereDocumentsAndStatsLanded() {
    // every stage runs (sample-corpus trains the sample's tokenizer); the last one is tokenize
    for (String stage : List.of("extract", "clean", "filter", "dedup", "mix", "tokenize")) {
      assertTrue(runOutput.contains(String.format("%-9s ", stage)), stage + ":\n" + runOutput);
      assertTrue(Files.exists(out.resolve(stage + "/_SUCCESS")), stage);
    }
    assertTrue(runOutput.contains("documents: " + out.resolve("tokenize/status=kept")), runOutput);
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
  void theMixtureReachesMegatronShardsAtTheTable1Shares() throws Exception {
    JsonNode manifest = JSON.readTree(out.resolve("shards/manifest.json").toFile());
    long shardTokens = 0;
    for (JsonNode s : manifest.get("shards")) {
      if (s.get("split").asText().equals("train")) shardTokens += s.get("tokens").asLong();
      assertTrue(Files.size(Path.of(s.get("path").asText() + ".bin")) > 0, s.toString());
      assertTrue(Files.exists(Path.of(s.get("path").asText() + ".idx")), s.toString());
    }
    JsonNode stats = JSON.readTree(out.resolve("report/stats.json").toFile());
    long achieved = 0;
    for (JsonNode m : stats.get("mix")) {
      achieved += m.get("achieved_tokens").asLong();
      // WebText, the one domain with enough documents for its share to be met closely
      if (m.get("domain").asText().equals("WebText")) {
        assertEquals(m.get("target_share").asDouble(), m.get("achieved_share").asDouble(), 0.02);
      }
    }
    // the mix counts training tokens with EOD, as the training shards hold them
    assertEquals(shardTokens, achieved);
    assertTrue(Files.readString(out.resolve("shards/blend.txt")).contains("shards/mix/mix_00000"));
  }

  @Test
  void heldOutDocumentsAndTheirDedupClustersAreInNoTrainingShard() throws Exception {
    System.out.print(HeldOutShards.check(SparkTestSession.get(), out,
        ProjectLayout.root().resolve("jobs/target/sample-corpus/tokenizer.json")));
    // Megatron's --per-split-data-args-path names exactly the manifest's shards, by split
    JsonNode manifest = JSON.readTree(out.resolve("shards/manifest.json").toFile());
    JsonNode perSplit = JSON.readTree(out.resolve("shards/blend_per_split.json").toFile());
    for (String split : List.of("train", "valid", "test")) {
      java.util.Set<String> listed = new java.util.TreeSet<>();
      java.util.Set<String> named = new java.util.TreeSet<>();
      for (JsonNode s : manifest.get("shards")) {
        if (s.get("split").asText().equals(split)) listed.add(s.get("prefix").asText());
      }
      JsonNode list = perSplit.get(split);
      for (int i = 1; i < list.size(); i += 2) named.add(list.get(i).asText());
      assertEquals(listed, named, split);
      assertTrue(!named.isEmpty() && named.stream().allMatch(p -> Path.of(p).isAbsolute()), split);
    }
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

  /**
   * The filter stage scores WebText with the quality models sample-corpus trains and drops the
   * bottom 10% of each language (jobs/conf/sample/domains/WebText.yaml): stats.json counts them
   * under quality/in-bottom-fraction, exactly the documents below the cut the written scores give,
   * and all of them are the crawl's thin affiliate pages (SampleCrawl's Kind.THIN, ThinPages).
   */
  @Test
  void filterRejectsTheBottomTenthOfWebTextThroughTheQualityModels() throws Exception {
    JsonNode filter = StatsJson.stage(JSON.readTree(out.resolve("report/stats.json").toFile()),
        "filter");
    String shown = execute("show", out.resolve("filter").toString(), "--limit", "100000")[0];
    java.util.Map<String, List<Float>> scores = new java.util.TreeMap<>();
    java.util.Map<String, Long> rejected = new java.util.TreeMap<>();
    for (String line : shown.strip().split("\n")) {
      JsonNode row = JSON.readTree(line);
      if (!row.get("domain").asText().equals("WebText")) continue;
      String lang = row.get("lang").asText();
      scores.computeIfAbsent(lang, k -> new ArrayList<>())
          .add(Float.parseFloat(row.get("meta").get("quality").asText()));
      if (row.get("status").asText().equals("rejected")) {
        assertEquals("quality/in-bottom-fraction", row.get("rule").asText() + "/"
            + row.get("reason").asText(), line);
        String host = java.net.URI.create(row.get("url").asText()).getHost();
        assertTrue(host.equals("best-deals-4u.example.net") || host.equals("tejia.example.net"),
            "a thin page: " + row.get("url"));
        rejected.merge(lang, 1L, Long::sum);
      }
    }
    assertEquals(java.util.Set.of("en", "zh"), scores.keySet());
    for (var e : scores.entrySet()) {
      List<Float> s = new ArrayList<>(e.getValue());
      java.util.Collections.sort(s);
      int k = (int) Math.floor(0.1 * s.size());
      long below = s.stream().filter(f -> f < s.get(k)).count();
      assertTrue(below > 0, e.getKey());
      assertEquals(below, rejected.getOrDefault(e.getKey(), 0L), e.getKey());
      long counted = 0;
      for (JsonNode row : filter.get("rows")) {
        if (row.get("domain").asText().equals("WebText")
            && row.get("lang").asText().equals(e.getKey())) {
          counted += row.get("rejected").path("quality/in-bottom-fraction").asLong();
        }
      }
      assertEquals(below, counted, "stats.json, " + e.getKey());
    }
  }
}
