package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.flmdata.extract.BagOfWords;
import org.flmdata.extract.HtmlExtractor;
import org.flmdata.extract.WcxbDev;
import org.flmdata.pipeline.testing.SharedData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Main-content extraction measured on trafilatura's evaluation pages ({@code
 * shared/data/extraction/trafilatura-eval}: {@code evaldata-full.json}, the pages whose file is in
 * {@code html/}). Scored as trafilatura's {@code tests/eval_common.py} scores: text and snippets
 * whitespace-normalised, a {@code with} snippet found is a true positive and missing a false
 * negative, a {@code without} snippet found is a false positive; precision, recall and F1 over all
 * snippets. In the same run and on the same bytes: the pipeline's extractor in its three modes,
 * jsoup's {@code body().text()}, and Tika's HTML parser with {@code BoilerpipeContentHandler}
 * (boilerpipe's ArticleExtractor). Throughput is MB of HTML per second on one thread (per core),
 * after a warm-up pass, best of {@value #TIMED_PASSES} passes.
 *
 * <p>The WCXB development set ({@code shared/data/extraction/wcxb-dev}, 1,497 pages of 2025, seven
 * page types) is scored as its {@code SOURCE.md} says ({@link WcxbDev}: per-page bag-of-words P/R/F1,
 * plain means), per page type and per part of the fixed fit/check split, for the pipeline's
 * extractor, jsoup's body text and Tika's boilerpipe. Speed there is MB of HTML per second of the
 * thread's CPU time (the machine is shared: wall time would measure the neighbours), each page
 * extracted once by each extractor after both warmed up on the trafilatura pages. Asserted: WCXB
 * dev F1 at least {@value #WCXB_F1_TARGET} (rs-trafilatura's published 0.859 is the best), at
 * least {@value #MIN_MBS} MB/s per core and {@value #MIN_SPEED_RATIO}x boilerpipe's speed; on the
 * news pages, F1 above both baselines and at least {@value #NEWS_F1_FLOOR}. The WCXB table per
 * page type also shows rs-trafilatura's published F1 for each type, as the targets are
 * set against it.
 *
 * <pre>
 * mvn -B verify -Pbench -pl tests -am -Dtest=ExtractionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class ExtractionBenchmark {

  static final int TIMED_PASSES = 3;

  /** WCXB dev F1 to reach (issue 17): above rs-trafilatura's 0.859. */
  static final double WCXB_F1_TARGET = 0.87;

  /**
   * Snippet F1 on trafilatura's news pages not to fall below: 0.932 was the rules' figure before
   * the block model (issue 17), which must not cost the news pages what it gains on WCXB.
   */
  static final double NEWS_F1_FLOOR = 0.93;

  /** MB of HTML per CPU-second of one thread. */
  static final double MIN_MBS = 40;

  /** Speed ratio over Tika's boilerpipe, same pages, same run. */
  static final double MIN_SPEED_RATIO = 1.5;

  /** rs-trafilatura's published WCXB dev F1, overall and per page type (issue 17's table). */
  static final Map<String, Double> RS_TRAFILATURA =
      Map.of("all", 0.859, "article", 0.932, "documentation", 0.932, "service", 0.844,
          "forum", 0.808, "product", 0.641, "collection", 0.716, "listing", 0.707);

  private static final Pattern SPACES = Pattern.compile("\\s+");

  record Item(String file, byte[] html, List<String> with, List<String> without) {}

  record Score(int tp, int fp, int fn, int tn) {
    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      int d = 2 * tp + fp + fn;
      return d == 0 ? 0 : 2.0 * tp / d;
    }
  }

  static String norm(String s) {
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  static List<Item> load(Path dir) throws IOException {
    JsonNode root = new ObjectMapper().readTree(dir.resolve("evaldata-full.json").toFile());
    List<Item> items = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      JsonNode item = it.next().getValue();
      Path f = dir.resolve("html").resolve(item.get("file").asText());
      if (!Files.isRegularFile(f)) continue;
      List<String> with = new ArrayList<>();
      item.get("with").forEach(n -> with.add(norm(n.asText())));
      List<String> without = new ArrayList<>();
      item.get("without").forEach(n -> without.add(norm(n.asText())));
      items.add(new Item(item.get("file").asText(), Files.readAllBytes(f), with, without));
    }
    return items;
  }

  static Score score(List<Item> items, Function<byte[], String> extractor) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (Item it : items) {
      String text;
      try {
        text = norm(extractor.apply(it.html()));
      } catch (RuntimeException e) {
        text = null; // a crash is a full miss, as trafilatura counts it
      }
      for (String w : it.with()) {
        if (text != null && text.contains(w)) tp++;
        else fn++;
      }
      for (String w : it.without()) {
        if (text != null && text.contains(w)) fp++;
        else tn++;
      }
    }
    return new Score(tp, fp, fn, tn);
  }

  /** MB/s on this thread: best of the timed passes after one warm-up pass. */
  static double throughput(List<Item> items, Function<byte[], String> extractor) {
    long bytes = 0;
    for (Item it : items) bytes += it.html().length;
    long best = Long.MAX_VALUE;
    long sink = 0;
    for (int pass = 0; pass <= TIMED_PASSES; pass++) {
      long t0 = System.nanoTime();
      for (Item it : items) {
        try {
          sink += extractor.apply(it.html()).length();
        } catch (RuntimeException e) {
          sink++;
        }
      }
      long t = System.nanoTime() - t0;
      if (pass > 0) best = Math.min(best, t);
    }
    if (sink == 42) System.out.print("");
    return bytes / 1e6 / (best / 1e9);
  }

  static String flmdata(byte[] html, String mode) {
    return HtmlExtractor.extract(html, html.length, null, mode).text();
  }

  /** jsoup with its own charset detection (BOM, meta, else UTF-8), all of the body's text. */
  static String jsoupBodyText(byte[] html) {
    try {
      Document d = Jsoup.parse(new ByteArrayInputStream(html), null, "");
      return d.body() == null ? "" : d.body().text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tika's HTML parser (JSoupParser, its own charset detection) into boilerpipe's ArticleExtractor. */
  static String tikaBoilerpipe(byte[] html) {
    StringWriter out = new StringWriter();
    try {
      new JSoupParser()
          .parse(
              new ByteArrayInputStream(html),
              new BoilerpipeContentHandler(out),
              new Metadata(),
              new ParseContext());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * WebMainBench's sample pages ({@code shared/data/extraction/webmainbench}) with their full
   * ground-truth content: bag-of-tokens precision, recall and F1 per page (a token is a Latin
   * word or digit run, lower-cased, or one CJK character), printed for each extractor. Printed
   * only: four pages are evidence to read, not a score to assert.
   */
  static void webMainBench(Map<String, Function<byte[], String>> extractors) throws IOException {
    Path dir = SharedData.root().resolve("data/extraction/webmainbench");
    if (!SharedData.present(dir)) {
      System.out.println("webmainbench: absent, skipped");
      return;
    }
    ObjectMapper m = new ObjectMapper();
    Map<String, JsonNode> pages = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) continue;
          JsonNode n = m.readTree(line);
          pages.putIfAbsent(n.get("url").asText(), n);
        }
      }
    }
    System.out.printf(Locale.ROOT, "webmainbench: %d pages, token P/R/F1%n", pages.size());
    for (JsonNode n : pages.values()) {
      byte[] html = n.get("html").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Map<String, Integer> gold = tokens(n.get("groundtruth_content").asText());
      StringBuilder row = new StringBuilder(n.get("url").asText());
      for (Map.Entry<String, Function<byte[], String>> e : extractors.entrySet()) {
        String text;
        try {
          text = e.getValue().apply(html);
        } catch (RuntimeException ex) {
          text = "";
        }
        double[] prf = overlap(tokens(text), gold);
        row.append(
            String.format(
                Locale.ROOT, "%n    %-22s %.3f %.3f %.3f", e.getKey(), prf[0], prf[1], prf[2]));
      }
      System.out.println(row);
    }
  }

  static Map<String, Integer> tokens(String s) {
    Map<String, Integer> m = new java.util.HashMap<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      boolean cjk = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF);
      if (Character.isLetterOrDigit(c) && !cjk) {
        w.append(Character.toLowerCase(c));
        continue;
      }
      if (w.length() > 0) {
        m.merge(w.toString(), 1, Integer::sum);
        w.setLength(0);
      }
      if (cjk) m.merge(String.valueOf(c), 1, Integer::sum);
    }
    return m;
  }

  /** Precision, recall, F1 of {@code ours} against {@code gold} as token multisets. */
  static double[] overlap(Map<String, Integer> ours, Map<String, Integer> gold) {
    long common = 0;
    long n = 0;
    long g = 0;
    for (Map.Entry<String, Integer> e : ours.entrySet()) {
      n += e.getValue();
      common += Math.min(e.getValue(), gold.getOrDefault(e.getKey(), 0));
    }
    for (int v : gold.values()) g += v;
    double p = n == 0 ? 0 : (double) common / n;
    double r = g == 0 ? 0 : (double) common / g;
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }

  @Test
  void mainContentBeatsBothBaselinesOnTrafilaturaPages() throws IOException {
    Path dir = SharedData.require("data/extraction/trafilatura-eval");
    List<Item> items = load(dir);
    long bytes = items.stream().mapToLong(i -> i.html().length).sum();
    Map<String, Function<byte[], String>> extractors = new LinkedHashMap<>();
    for (String mode : HtmlExtractor.MODES) {
      extractors.put("flmdata " + mode, h -> flmdata(h, mode));
    }
    extractors.put("jsoup body().text()", ExtractionBenchmark::jsoupBodyText);
    extractors.put("tika boilerpipe", ExtractionBenchmark::tikaBoilerpipe);
    System.out.printf(
        Locale.ROOT,
        "trafilatura-eval: %d pages with their HTML, %.1f MB%n%-22s %9s %9s %9s %6s %6s %6s %10s%n",
        items.size(),
        bytes / 1e6,
        "extractor",
        "precision",
        "recall",
        "F1",
        "TP",
        "FP",
        "FN",
        "MB/s/core");
    Map<String, Score> scores = new LinkedHashMap<>();
    Map<String, Double> speeds = new LinkedHashMap<>();
    for (Map.Entry<String, Function<byte[], String>> e : extractors.entrySet()) {
      Score s = score(items, e.getValue());
      double mbs = throughput(items, e.getValue());
      scores.put(e.getKey(), s);
      speeds.put(e.getKey(), mbs);
      System.out.printf(
          Locale.ROOT,
          "%-22s %9.3f %9.3f %9.3f %6d %6d %6d %10.1f%n",
          e.getKey(),
          s.precision(),
          s.recall(),
          s.f1(),
          s.tp(),
          s.fp(),
          s.fn(),
          mbs);
    }
    System.out.printf(Locale.ROOT, "load average %s%n", LoadAverage.now());
    webMainBench(extractors);
    Score ours = scores.get("flmdata " + HtmlExtractor.DEFAULT_MODE);
    Score jsoup = scores.get("jsoup body().text()");
    Score tika = scores.get("tika boilerpipe");
    assertTrue(ours.f1() > Math.max(jsoup.f1(), tika.f1()), "F1 above both baselines");
    assertTrue(ours.f1() >= NEWS_F1_FLOOR,
        String.format(Locale.ROOT, "news F1 %.3f below %.2f", ours.f1(), NEWS_F1_FLOOR));
    assertTrue(
        ours.precision() >= Math.max(jsoup.precision(), tika.precision()),
        "precision at least the better baseline's");
  }

  @Test
  void wcxbDevPerPageTypeBesideJsoupAndBoilerpipeWithSpeed() throws IOException {
    Path dir = SharedData.require("data/extraction/wcxb-dev");
    List<WcxbDev.Page> pages = WcxbDev.load(dir);
    Map<String, Function<byte[], String>> extractors = new LinkedHashMap<>();
    // the default mode is asserted; both are shown (rules alone, and with the learned model)
    extractors.put("flmdata balanced", h -> flmdata(h, "balanced"));
    extractors.put("flmdata learned", h -> flmdata(h, "learned"));
    extractors.put("jsoup body().text()", ExtractionBenchmark::jsoupBodyText);
    extractors.put("tika boilerpipe", ExtractionBenchmark::tikaBoilerpipe);
    Path warm = SharedData.root().resolve("data/extraction/trafilatura-eval");
    if (Files.isDirectory(warm)) {
      List<Item> items = load(warm);
      for (Function<byte[], String> f : extractors.values()) score(items, f);
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Map<String, WcxbDev.Mean>> means = new LinkedHashMap<>();
    Map<String, Double> speed = new LinkedHashMap<>();
    long bytes = 0;
    for (Map.Entry<String, Function<byte[], String>> e : extractors.entrySet()) {
      Map<WcxbDev.Page, BagOfWords> scores = new LinkedHashMap<>();
      long cpu = 0;
      bytes = 0;
      for (WcxbDev.Page p : pages) {
        byte[] html = p.html();
        bytes += html.length;
        String text;
        long t0 = threads.getCurrentThreadCpuTime();
        try {
          text = e.getValue().apply(html);
        } catch (RuntimeException ex) {
          text = "";
        }
        cpu += threads.getCurrentThreadCpuTime() - t0;
        scores.put(p, BagOfWords.score(text, p.gold()));
      }
      means.put(e.getKey(), WcxbDev.means(scores));
      speed.put(e.getKey(), bytes / 1e6 / (cpu / 1e9));
      System.out.printf(Locale.ROOT, "WCXB dev, %s (P / R / F1 per part):%n%s", e.getKey(),
          WcxbDev.table(means.get(e.getKey())));
    }
    System.out.printf(Locale.ROOT, "%nWCXB dev F1 by page type (all %d pages):%n%-14s", pages.size(), "type");
    for (String name : extractors.keySet()) System.out.printf(Locale.ROOT, " %22s", name);
    System.out.printf(Locale.ROOT, " %22s%n", "rs-trafilatura (pub.)");
    List<String> rows = new ArrayList<>(List.of(""));
    rows.addAll(WcxbDev.TYPES);
    for (String t : rows) {
      System.out.printf(Locale.ROOT, "%-14s", t.isEmpty() ? "overall" : t);
      for (String name : extractors.keySet()) {
        System.out.printf(Locale.ROOT, " %22.3f", means.get(name).get(t.isEmpty() ? "all" : "all/" + t).f1());
      }
      System.out.printf(Locale.ROOT, " %22.3f%n", RS_TRAFILATURA.get(t.isEmpty() ? "all" : t));
    }
    System.out.printf(Locale.ROOT, "%nspeed on WCXB dev (%.1f MB of HTML, each page once, thread CPU time):%n", bytes / 1e6);
    for (Map.Entry<String, Double> e : speed.entrySet()) {
      System.out.printf(Locale.ROOT, "%-22s %8.1f MB/s/core%n", e.getKey(), e.getValue());
    }
    double ours = speed.get("flmdata " + HtmlExtractor.DEFAULT_MODE);
    double ratio = ours / speed.get("tika boilerpipe");
    System.out.printf(Locale.ROOT, "flmdata / tika boilerpipe: %.2fx (load average %s)%n", ratio,
        LoadAverage.now());
    double f1 = means.get("flmdata " + HtmlExtractor.DEFAULT_MODE).get("all").f1();
    assertAll(
        () -> assertTrue(f1 >= WCXB_F1_TARGET,
            String.format(Locale.ROOT, "WCXB dev F1 %.3f below the target %.2f", f1, WCXB_F1_TARGET)),
        () -> assertTrue(ours >= MIN_MBS,
            String.format(Locale.ROOT, "%.1f MB/s/core below %.0f", ours, MIN_MBS)),
        () -> assertTrue(ratio >= MIN_SPEED_RATIO,
            String.format(Locale.ROOT, "%.2fx boilerpipe's speed, below %.1fx", ratio, MIN_SPEED_RATIO)));
  }
}
