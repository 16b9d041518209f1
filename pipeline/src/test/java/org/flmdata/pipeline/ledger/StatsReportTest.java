package org.flmdata.pipeline.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.DropReason;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.report.RunComparison;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageRunner;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsReportTest {
  enum Short implements DropReason {
    SHORT;

    @Override
    public String rule() {
      return "length";
    }

    @Override
    public String reason() {
      return "too-short";
    }
  }

  /** Domain A only (B gets no documents): doc i has i+1 words, a URL on host i % 3, a score. */
  static final class Source implements Stage {
    static final int N = 40;

    static String text(int i) {
      StringBuilder s = new StringBuilder();
      for (int w = 0; w <= i; w++) s.append(w % 7 == 6 ? "\n" : " ").append("w").append(w % 5);
      return s.toString().strip();
    }

    @Override
    public String name() {
      return "source";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Map<String, String> reportedMeta() {
      return Map.of("score", "a score");
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      List<Outcome> rows = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        Map<String, String> meta = new HashMap<>();
        if (i % 4 != 0) meta.put("score", Double.toString(i / 100.0));
        Document d = new Document("d" + i, "A", "s", "https://h" + (i % 3) + ".example/p" + i,
            "en", text(i), meta);
        rows.add(Outcome.kept(d, text(i).length()));
      }
      return ctx.spark().createDataset(rows, Outcome.ENCODER);
    }
  }

  /** Rejects documents shorter than {@code min} characters. */
  static final class MinLength implements Stage {
    final int min;

    MinLength(int min) {
      this.min = min;
    }

    @Override
    public String name() {
      return "length";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      int m = min;
      return input.map((MapFunction<Document, Outcome>) d -> Outcome.of(d,
          d.getText().length() >= m ? Verdict.keep(d) : Verdict.drop(Short.SHORT, "")),
          Outcome.ENCODER);
    }
  }

  @TempDir Path dir;
  SparkSession spark = SparkTestSession.get();

  PipelineConfig config(String output) throws IOException {
    Path domains = Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("in.txt"), "x");
    Files.writeString(dir.resolve("pipeline.yaml"),
        "output: " + output + "\nrejected_text_fraction: 1.0\n");
    Files.writeString(domains.resolve("a.yaml"),
        "name: A\nlanguages: [en]\nproportion: 60\ninputs: [{path: ../in.txt, format: text}]\n");
    Files.writeString(domains.resolve("b.yaml"),
        "name: B\nlanguages: [en]\nproportion: 40\ninputs: [{path: ../in.txt, format: text}]\n");
    return new ConfigLoader(Map.of(), new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
  }

  JsonNode runAndReport(PipelineConfig config, int min, JsonNode other) throws IOException {
    List<Stage> stages = List.of(new Source(), new MinLength(min));
    new StageRunner(spark, config, stages, new PrintWriter(new StringWriter(), true))
        .run(null, false);
    String path = StatsReport.write(spark, config, stages, other);
    return new ObjectMapper().readTree(Path.of(path).toFile());
  }

  @BeforeEach
  void clean() {
    spark.sparkContext().setJobDescription(null);
  }

  @Test
  void distributionsEqualFiguresRecomputedFromTheKeptDocuments() throws IOException {
    PipelineConfig config = config("run");
    JsonNode stats = runAndReport(config, 30, null);
    List<Integer> lengths = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Set<String> paragraphs = new HashSet<>();
    Map<String, Long> hosts = new TreeMap<>();
    for (int i = 0; i < Source.N; i++) {
      String t = Source.text(i);
      if (t.length() < 30) continue;
      lengths.add(t.length());
      if (i % 4 != 0) scores.add(i / 100.0);
      for (String p : t.split("\n")) paragraphs.add(p.strip());
      hosts.merge("h" + (i % 3) + ".example", 1L, Long::sum);
    }
    JsonNode dist = stats.path("distributions");
    assertEquals("length", dist.path("stage").asText());
    JsonNode a = dist.path("domains").get(0);
    assertEquals("A", a.path("domain").asText());
    JsonNode chars = a.path("metrics").path("chars");
    assertEquals(lengths.size(), chars.path("n").asLong());
    assertEquals(lengths.stream().mapToInt(x -> x).min().getAsInt(), chars.path("min").asDouble());
    assertEquals(lengths.stream().mapToInt(x -> x).max().getAsInt(), chars.path("max").asDouble());
    // below k=200 values a KLL sketch holds every value: quantiles are exact order statistics
    List<Integer> sorted = lengths.stream().sorted().toList();
    int medianRank = (int) Math.ceil(0.5 * sorted.size()) - 1;
    assertEquals((double) sorted.get(medianRank), chars.path("quantiles").path("p50").asDouble());
    long histTotal = 0;
    for (JsonNode c : chars.path("histogram").path("counts")) histTotal += c.asLong();
    assertEquals(lengths.size(), histTotal);
    JsonNode score = a.path("metrics").path("score");
    assertEquals(scores.size(), score.path("n").asLong());
    assertEquals(scores.stream().mapToDouble(x -> x).max().getAsDouble(),
        score.path("max").asDouble());
    assertEquals(lengths.size(), a.path("distinct").path("urls").asLong());
    assertEquals(hosts.size(), a.path("distinct").path("hosts").asLong());
    assertEquals(paragraphs.size(), a.path("distinct").path("paragraphs").asLong());
    Map<String, Long> top = new TreeMap<>();
    for (JsonNode h : a.path("top_hosts")) top.put(h.path("host").asText(), h.path("docs").asLong());
    assertEquals(hosts, top);
    assertEquals("a score", dist.path("labels").path("score").asText());
  }

  @Test
  void rejectedSamplesAndFunnelCsvMatchTheLedger() throws IOException {
    PipelineConfig config = config("run");
    JsonNode stats = runAndReport(config, 30, null);
    JsonNode length = stats.path("stages").get(1);
    long rejected = length.path("total").path("rejected").path("length/too-short").asLong();
    assertTrue(rejected > StatsReport.SAMPLES_PER_RULE, "test needs more rejections than shown");
    assertEquals(StatsReport.SAMPLES_PER_RULE, length.path("samples").size());
    for (JsonNode s : length.path("samples")) {
      assertEquals("length/too-short", s.path("rule").asText());
      int i = Integer.parseInt(s.path("id").asText().substring(1));
      assertEquals(Source.text(i), s.path("text").asText());
    }
    String csv = Files.readString(Path.of(new RunLayout(config.output()).reportDir(),
        "funnel.csv"));
    long csvKept = 0;
    long csvRejected = 0;
    for (String line : csv.split("\r\n")) {
      String[] f = line.split(",");
      if (!f[0].equals("length")) continue;
      if (f[3].equals("kept")) csvKept += Long.parseLong(f[4]);
      else csvRejected += Long.parseLong(f[4]);
    }
    assertEquals(length.path("total").path("docs_kept").asLong(), csvKept);
    assertEquals(rejected, csvRejected);
  }

  @Test
  void htmlIsSelfContainedAndRendersADomainWithoutDocuments() throws IOException {
    PipelineConfig config = config("run");
    runAndReport(config, 30, null);
    String html = Files.readString(Path.of(new RunLayout(config.output()).reportDir(),
        "index.html"));
    for (String id : List.of("run", "funnel", "rules", "distributions", "counters", "samples")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(count(html, "<svg") >= 3, "charts");
    assertTrue(html.contains("length/too-short"));
    // every URL-like attribute points inside the page; the only absolute URL is the SVG namespace
    Matcher m = Pattern.compile("(?:src|href|url)\\s*[=(]\\s*\"?([^\"\\s)>]+)").matcher(html);
    while (m.find()) assertTrue(m.group(1).startsWith("#"), m.group());
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
  }

  @Test
  void comparisonShowsWhatAThresholdChangeMoved() throws IOException {
    JsonNode before = runAndReport(config("run-a"), 30, null);
    JsonNode after = runAndReport(config("run-b"), 60, before);
    List<RunComparison.Diff> diffs = RunComparison.of(after, before);
    long rejectedBefore = before.path("stages").get(1).path("total").path("rejected")
        .path("length/too-short").asLong();
    long rejectedAfter = after.path("stages").get(1).path("total").path("rejected")
        .path("length/too-short").asLong();
    assertTrue(rejectedAfter > rejectedBefore);
    RunComparison.Diff rule = diffs.stream()
        .filter(d -> d.stage().equals("length") && d.what().equals("length/too-short"))
        .findFirst().orElseThrow();
    assertEquals(rejectedAfter - rejectedBefore, rule.delta());
    assertTrue(diffs.stream().noneMatch(d -> d.stage().equals("source")), diffs.toString());
    String html = Files.readString(Path.of(new RunLayout(config("run-b").output()).reportDir(),
        "index.html"));
    assertTrue(html.contains("<section id=\"compare\">"));
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
    return n;
  }
}
