package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.flmdata.clean.C4Rules;
import org.flmdata.clean.ChineseRules;
import org.flmdata.clean.ChineseSegmenter;
import org.flmdata.clean.CleanStage;
import org.flmdata.clean.DocumentCleaner;
import org.flmdata.clean.FineWebRules;
import org.flmdata.clean.GopherQuality;
import org.flmdata.clean.GopherRepetition;
import org.flmdata.clean.Normaliser;
import org.flmdata.clean.PiiMasker;
import org.flmdata.clean.Profile;
import org.flmdata.clean.RuleResult;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Clean-stage benchmarks: per-core throughput of the per-document cleaning on real sample text,
 * per profile (en, zh) and per rule family, jieba segmentation included; paragraph dedup on
 * generated corpora of 1x, 2x and 4x size (time should grow about linearly; ratios of CPU time,
 * wall time and the marginal cost per document are printed); and the zh profile's kept shares on
 * ChineseWebText's clean and dirty samples. Times are CPU times (the machine is shared), wall
 * times beside them. Run with
 * {@code mvn -B verify -Pbench -pl tests -am -Dtest=CleanBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class CleanBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Settings defaults() {
    return CleanStage.SECTION.defaults("bench");
  }

  /** Real web, Chinese and book text; one thread, so MB/s is per core. */
  @Test
  void cleanThroughputPerCore() throws IOException {
    List<Document> en = new ArrayList<>();
    Path web = SharedData.require("data/text/en-web-dolma");
    for (String f : List.of("cc_en_head-0091.jsonl", "cc_en_head-0174.jsonl")) {
      for (String line : Files.readAllLines(web.resolve(f))) {
        if (!line.isBlank()) en.add(doc("en", JSON.readTree(line).path("text").asText()));
      }
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(
        web.resolve("provided-documents-000.json.gz")))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) en.add(doc("en", JSON.readTree(line).path("text").asText()));
      }
    }
    en.add(doc("en", Files.readString(SharedData.require("data/text/gutenberg/pg11-alice.txt"))));
    List<Document> zh = new ArrayList<>();
    Path zhDir = SharedData.require("data/text/zh-web-chinesewebtext");
    for (String f : List.of("clean.jsonl", "dirty.jsonl")) {
      for (String line : Files.readAllLines(zhDir.resolve(f))) {
        if (!line.isBlank()) zh.add(doc("zh", JSON.readTree(line).path("text").asText()));
      }
    }
    DocumentCleaner cleaner = new DocumentCleaner(defaults());
    List<Document> all = new ArrayList<>(en);
    all.addAll(zh);
    for (int warm = 0; warm < 5; warm++) for (Document d : all) cleaner.clean(d);
    double allMbps = 0;
    for (Map.Entry<String, List<Document>> e : Map.of("en", en, "zh", zh, "all", all)
        .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      List<Document> docs = e.getValue();
      long bytes = bytes(docs);
      int rounds = (int) Math.max(5, Math.min(200, 40_000_000L / bytes));
      int kept = 0;
      long start = System.nanoTime();
      long cpu0 = cpu();
      for (int r = 0; r < rounds; r++) {
        for (Document d : docs) {
          Verdict v = cleaner.clean(d);
          if (r == 0 && v.kept()) kept++;
        }
      }
      double cpuSecs = (cpu() - cpu0) / 1e9;
      double secs = (System.nanoTime() - start) / 1e9;
      double mbps = bytes * rounds / 1e6 / cpuSecs;
      if (e.getKey().equals("all")) allMbps = mbps;
      System.out.printf(Locale.ROOT,
          "clean throughput %s: %d docs, %.2f MB x %d rounds in %.2f s CPU (%.2f s wall) ="
              + " %.2f MB/s per core (%d kept)%n",
          e.getKey(), docs.size(), bytes / 1e6, rounds, cpuSecs, secs, mbps, kept);
    }
    perFamily("en", en, Profile.defaults(), false);
    perFamily("zh", zh, Profile.zhDefaults(), true);
    assertTrue(allMbps > 0);
  }

  /**
   * MB/s of each rule family alone over the (normalised) texts of {@code docs}: where the time of
   * the clean path goes. Each family runs on every document, also ones an earlier rule would drop.
   */
  private static void perFamily(String name, List<Document> docs, Profile p, boolean zh) {
    List<String> texts = new ArrayList<>();
    for (Document d : docs) {
      RuleResult r = Normaliser.apply(d.getText(), false, zh, 0.1);
      texts.add(r.text() == null ? d.getText() : r.text());
    }
    long bytes = 0;
    for (String t : texts) bytes += Outcome.utf8Length(t);
    Map<String, java.util.function.Consumer<String>> families = new java.util.LinkedHashMap<>();
    families.put("normalise", t -> Normaliser.apply(t, false, zh, 0.1));
    families.put("pii", PiiMasker::mask);
    if (!zh) families.put("c4", t -> C4Rules.apply(t, p));
    families.put("gopher_repetition", t -> GopherRepetition.apply(t, p));
    families.put("gopher_quality", t -> GopherQuality.apply(t, p));
    families.put("fineweb", t -> FineWebRules.apply(t, p));
    if (zh) {
      families.put("zh (ChineseWebText rules)", t -> ChineseRules.apply(t, p));
      families.put("  of which jieba segmentation", ChineseSegmenter::tokens);
    }
    for (Map.Entry<String, java.util.function.Consumer<String>> f : families.entrySet()) {
      for (int w = 0; w < 3; w++) for (String t : texts) f.getValue().accept(t);
      int rounds = (int) Math.max(3, Math.min(200, 20_000_000L / bytes));
      long start = cpu();
      for (int r = 0; r < rounds; r++) for (String t : texts) f.getValue().accept(t);
      double secs = (cpu() - start) / 1e9;
      System.out.printf(Locale.ROOT, "  %s rule family %-30s %8.2f MB/s per core%n", name,
          f.getKey(), bytes * rounds / 1e6 / secs);
    }
  }

  /**
   * CPU time of this thread: the machine is shared, so wall time measures the neighbours too;
   * CPU time per MB is what a dedicated core would take (cache sharing aside).
   */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of the whole JVM (Spark's local executor threads included). */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long bytes(List<Document> docs) {
    long b = 0;
    for (Document d : docs) b += Outcome.utf8Length(d.getText());
    return b;
  }

  /** Paragraph dedup on generated corpora: 1x, 2x, 4x documents; prints the time ratios. */
  @Test
  void paragraphDedupScalesLinearly() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    Settings s = CleanStage.SECTION.parse(Map.of("rules", List.of(), "pii", false,
        "paragraph_dedup_min_chars", 1), "bench.yaml");
    int base = 100_000;
    run(jsc, s, base / 4); // warm-up
    double[] secs = new double[3];
    double[] wall = new double[3];
    long[] kept = new long[3];
    for (int i = 0; i < 3; i++) {
      int n = base << i;
      long start = System.nanoTime();
      long cpu0 = processCpu();
      kept[i] = run(jsc, s, n);
      secs[i] = (processCpu() - cpu0) / 1e9; // CPU of all threads: the shared machine's load cancels
      wall[i] = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "paragraph dedup: %,d docs in %.2f s CPU (%.2f s wall, %,d kept)%n",
          n, secs[i], wall[i], kept[i]);
    }
    System.out.printf(Locale.ROOT, "paragraph dedup wall-time ratios: 2x/1x = %.2f, 4x/1x = %.2f%n",
        wall[1] / wall[0], wall[2] / wall[0]);
    System.out.printf(Locale.ROOT, "paragraph dedup CPU-time ratios: 2x/1x = %.2f, 4x/1x = %.2f%n",
        secs[1] / secs[0], secs[2] / secs[0]);
    // the fixed cost of a job (scheduling, session) cancels in the marginal cost per document
    double first = (secs[1] - secs[0]) / base;
    double second = (secs[2] - secs[1]) / (2.0 * base);
    System.out.printf(Locale.ROOT,
        "paragraph dedup marginal cost: %.1f us/doc from 1x to 2x, %.1f us/doc from 2x to 4x"
            + " (ratio %.2f; 1 = linear)%n", first * 1e6, second * 1e6, second / first);
    assertEquals(base, kept[0]); // every generated doc keeps its own lines
  }

  /** {@code n} docs of 12 lines: 6 own, 4 from a pool of 2,000 shared lines, 2 boilerplate. */
  private static long run(JavaSparkContext jsc, Settings s, int n) {
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) ids.add(i);
    int partitions = Math.max(2, n / 5000);
    JavaRDD<Document> docs = jsc.parallelize(ids, partitions).map(CleanBenchmark::generated);
    JavaRDD<Outcome> out = CleanStage.run(docs, Map.of("WebText", s), partitions);
    return out.filter(Outcome::isKept).count();
  }

  static Document generated(int i) {
    Random r = new Random(i);
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < 6; l++) {
      sb.append("Document ").append(Integer.toString(i, 36)).append(" writes its own line ")
          .append(Integer.toString(r.nextInt(1 << 30), 36)).append(" about things.\n");
    }
    for (int l = 0; l < 4; l++) {
      sb.append("Shared sentence number ").append(Integer.toString(r.nextInt(2000), 36))
          .append(" appears in many places.\n");
    }
    sb.append("Home | About | Contact\nCopyright Example Media, all rights reserved.");
    return new Document(String.format("%08d", i), "WebText", "gen", null, "en", sb.toString(),
        null);
  }

  /** The zh profile on ChineseWebText's samples labelled clean and dirty. */
  @Test
  void chineseWebTextKeptShares() throws IOException {
    Path dir = SharedData.require("data/text/zh-web-chinesewebtext");
    DocumentCleaner cleaner = new DocumentCleaner(defaults());
    double[] shares = new double[2];
    String[] files = {"clean.jsonl", "dirty.jsonl"};
    for (int f = 0; f < 2; f++) {
      int n = 0;
      int kept = 0;
      for (String line : Files.readAllLines(dir.resolve(files[f]))) {
        if (line.isBlank()) continue;
        JsonNode j = JSON.readTree(line);
        n++;
        if (cleaner.clean(doc("zh", j.path("text").asText())).kept()) kept++;
      }
      shares[f] = (double) kept / n;
      System.out.printf(Locale.ROOT, "zh profile on ChineseWebText %s: %d of %d kept (%.2f)%n",
          files[f], kept, n, shares[f]);
    }
    assertTrue(shares[0] > shares[1]);
  }

  private static Document doc(String lang, String text) {
    return new Document(Integer.toHexString(text.hashCode()), "WebText", "bench", null, lang,
        text, null);
  }
}
