package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void scorePrintsTheGoldenLabelsAndProbabilitiesOfFastText() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    JsonNode golden = JSON.readTree(SharedData.require("data/golden/fasttext-predictions.json")
        .toFile()).get("results").get("lid.176.ftz");
    List<String> lines = new ArrayList<>();
    for (JsonNode g : golden) {
      lines.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", g.get("input").asText())));
    }
    lines.add("not json");
    Path in = dir.resolve("in.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Run r = run("quality", "score", "--model", model.toString(), "--input", in.toString(),
        "--k", "3");
    assertEquals(0, r.code(), r.err());
    List<String> out = r.out().lines().toList();
    assertEquals(lines.size(), out.size());
    for (int i = 0; i < golden.size(); i++) {
      JsonNode got = JSON.readTree(out.get(i));
      JsonNode want = golden.get(i).get("top3_with_trailing_newline_like_cli_and_python");
      for (int j = 0; j < 3; j++) {
        assertEquals(want.get(j).get("label").asText(), got.get("labels").get(j).asText());
        assertTrue(Math.abs(want.get(j).get("prob").asDouble()
            - got.get("probs").get(j).asDouble()) < 1e-4);
      }
    }
    assertEquals("not JSON", JSON.readTree(out.get(golden.size())).get("error").asText());
  }

  @Test
  void scoreWithMissingModelIsOneLineError() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"text\": \"hi\"}\n");
    Run r = run("quality", "score", "--model", dir.resolve("none.bin").toString(), "--input",
        in.toString());
    assertTrue(r.code() != 0);
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void trainBuildsABalancedDeduplicatedSetAndReportsHeldOutScores() throws Exception {
    SparkTestSession.get(); // the command reuses the test session and leaves it running
    Random rnd = new Random(5);
    String[] good = "the committee reviewed historical records of the parish and published a detailed account of its buildings".split(" ");
    String[] bad = "click buy cheap free casino bonus win now hot deal subscribe".split(" ");
    List<String> pos = new ArrayList<>();
    List<String> neg = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pos.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", words(good, rnd, 25))));
      neg.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", words(bad, rnd, 12))));
    }
    // duplicates and a text in both classes must not reach training
    for (int i = 0; i < 50; i++) neg.add(neg.get(0));
    pos.add(neg.get(1));
    // more negatives than positives: balanced down to the positives
    for (int i = 0; i < 200; i++) {
      neg.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", words(bad, rnd, 15))));
    }
    Path p = dir.resolve("pos.jsonl");
    Path n = dir.resolve("neg.jsonl");
    Files.write(p, pos, StandardCharsets.UTF_8);
    Files.write(n, neg, StandardCharsets.UTF_8);
    Path model = dir.resolve("m/quality.bin");
    Run r = run("quality", "train", "--positive", p.toString(), "--negative", n.toString(),
        "--output", model.toString(), "--epoch", "10", "--dim", "16", "--bucket", "50000",
        "--held-out", "0.2");
    assertEquals(0, r.code(), r.err());
    JsonNode o = JSON.readTree(r.out().strip());
    assertTrue(Files.isRegularFile(model));
    long distinctPos = pos.stream().distinct().count() - 1; // minus the one in both classes
    assertEquals(distinctPos, o.get("per_class").asLong());
    assertEquals(2 * distinctPos, o.get("train_examples").asLong()
        + o.get("heldout_examples").asLong());
    double held = o.get("heldout_examples").asDouble() / (2 * distinctPos);
    assertTrue(held > 0.1 && held < 0.3, "" + held);
    assertTrue(o.get("f1").asDouble() > 0.9, o.toString());
  }

  /** A run with a curated domain (Book) and a web domain, both en and zh, extracted. */
  private Path extractedRun() throws Exception {
    Random rnd = new Random(9);
    String[] good = "the committee reviewed historical records of the parish and published a detailed account of its buildings".split(" ");
    String[] bad = "click buy cheap free casino bonus win now hot deal subscribe".split(" ");
    List<String> book = new ArrayList<>();
    List<String> web = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      book.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", words(good, rnd, 30))
          .put("lang", "en")));
      web.add(JSON.writeValueAsString(JSON.createObjectNode().put("text", words(bad, rnd, 30))
          .put("lang", "en")));
    }
    Path d = dir.resolve("run");
    Files.createDirectories(d.resolve("domains"));
    Files.write(d.resolve("book.jsonl"), book, StandardCharsets.UTF_8);
    Files.write(d.resolve("web.jsonl"), web, StandardCharsets.UTF_8);
    Files.writeString(d.resolve("pipeline.yaml"), "output: out\ndomains: domains/\nseed: 7\n");
    Files.writeString(d.resolve("domains/Book.yaml"), "name: Book\nlanguages: [en]\n"
        + "proportion: 50\ninputs:\n  - {path: ../book.jsonl, format: jsonl, lang_field: lang}\n");
    Files.writeString(d.resolve("domains/WebText.yaml"), "name: WebText\nlanguages: [en, zh]\n"
        + "proportion: 50\ninputs:\n  - {path: ../web.jsonl, format: jsonl, lang_field: lang}\n");
    SparkTestSession.get();
    Run r = run("extract", "-c", d.resolve("pipeline.yaml").toString());
    assertEquals(0, r.code(), r.err());
    return d.resolve("pipeline.yaml");
  }

  @Test
  void trainFromARunsCuratedAndWebDomainsReportsHeldOutFiguresAndHistograms() throws Exception {
    Path cfg = extractedRun();
    Path model = dir.resolve("models/quality-en.bin");
    Run r = run("quality", "train", "-c", cfg.toString(), "--stage", "extract",
        "--positive-domains", "Book", "--negative-domains", "WebText", "--lang", "en",
        "--output", model.toString(), "--epoch", "10", "--dim", "16", "--bucket", "50000",
        "--held-out", "0.25");
    assertEquals(0, r.code(), r.err());
    JsonNode o = JSON.readTree(r.out().strip());
    assertTrue(Files.isRegularFile(model));
    assertEquals("extract", o.get("stage").asText());
    assertEquals("[\"Book\"]", o.get("positive_domains").toString());
    assertEquals(7, o.get("seed").asLong(), "the run's seed");
    assertEquals(120, o.get("positives_in").asLong());
    assertEquals(120, o.get("per_class").asLong());
    JsonNode hist = o.get("heldout_score_histogram");
    long pos = 0;
    long neg = 0;
    for (JsonNode c : hist.get("__label__hq")) pos += c.asLong();
    for (JsonNode c : hist.get("__label__lq")) neg += c.asLong();
    assertEquals(o.get("heldout_examples").asLong(), pos + neg);
    assertTrue(o.get("f1").asDouble() > 0.9 && o.get("auc").asDouble() > 0.9, o.toString());
    // positives score high: the top bin holds most of them
    assertTrue(hist.get("__label__hq").get(9).asLong() > pos / 2, hist.toString());
  }

  @Test
  void recipeInputErrorsAreOneLineBeforeAnySparkWork() throws Exception {
    Path cfg = extractedRun();
    String out = dir.resolve("m.bin").toString();
    String[][] cases = {
        {"--positive-domains", "Novels", "--negative-domains", "WebText", "--lang", "en"},
        {"--positive-domains", "Book", "--negative-domains", "WebText", "--lang", "zh"},
        {"--positive-domains", "Book,WebText", "--negative-domains", "WebText", "--lang", "en"},
        {"--positive-domains", "Book", "--negative-domains", "WebText", "--lang", "en",
            "--stage", "clean"}};
    String[] expected = {"not a domain of this run", "hold no documents of --lang zh",
        "in both --positive-domains and --negative-domains", "stage clean has not completed"};
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new ArrayList<>(List.of("quality", "train", "-c", cfg.toString(),
          "--output", out));
      args.addAll(List.of(cases[i]));
      long t0 = System.nanoTime();
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains(expected[i]), r.err());
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no Spark job: " + r.err());
    }
    assertTrue(!Files.exists(Path.of(out)));
  }

  private static String words(String[] pool, Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(pool[r.nextInt(pool.length)]).append(' ');
    return sb.toString().strip();
  }
}
