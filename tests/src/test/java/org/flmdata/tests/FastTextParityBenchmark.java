package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.flmdata.filter.fasttext.FastTextModel;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.ModelCheck;
import org.flmdata.filter.fasttext.Prediction;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity and speed of the filter's fastText (jfasttext JNI) against Debian's {@code fasttext}
 * command-line tool (install: tests/setup/install-fasttext.sh) on the same models and texts:
 * label agreement, max probability difference, predictions per CPU-second (one thread each; CPU
 * time rather than wall time, as the machine is shared).
 *
 * <pre>mvn -B verify -Pbench -pl tests -am -Dtest=FastTextParityBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class FastTextParityBenchmark {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String cli() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(p, "fasttext"))) return Path.of(p, "fasttext").toString();
    }
    return null;
  }

  /** Real texts of several languages and lengths, one line each (no line breaks). */
  private static List<String> corpus() throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode t : JSON.readTree(SharedData.require("data/golden/texts.json").toFile())) {
      texts.add(t.get("text").asText());
    }
    Path text = SharedData.require("data/text");
    for (String f : List.of("en-web-dolma/cc_en_head-0091.jsonl",
        "en-web-dolma/cc_en_head-0174.jsonl", "zh-web-chinesewebtext/clean.jsonl",
        "zh-web-chinesewebtext/dirty.jsonl")) {
      for (String line : Files.readAllLines(text.resolve(f), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) texts.add(JSON.readTree(line).get("text").asText());
      }
    }
    for (String f : List.of("gutenberg/pg11-alice.txt", "gutenberg/pg1342-pride-and-prejudice.txt")) {
      String all = Files.readString(text.resolve(f), StandardCharsets.UTF_8);
      for (String para : all.split("\\r?\\n\\s*\\r?\\n")) {
        if (!para.isBlank()) texts.add(para);
      }
    }
    List<String> lines = new ArrayList<>();
    for (String t : texts) {
      String l = t.replaceAll("[\\r\\n\\u0000]", " ");
      if (!l.isBlank()) lines.add(l);
    }
    return lines;
  }

  /** Predictions and the CLI's CPU seconds (user + system, from bash's {@code times}). */
  private record CliRun(List<List<Prediction>> predictions, double seconds) {}

  private static CliRun runCli(String cli, Path model, Path input, int k, Path dir)
      throws Exception {
    Path out1 = Files.createTempFile(dir, "cli", ".out");
    Process p = new ProcessBuilder("bash", "-c", "\"$0\" predict-prob \"$1\" \"$2\" \"$3\" > \"$4\";"
        + " s=$?; times; exit $s", cli, model.toString(), input.toString(),
        Integer.toString(k), out1.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String times = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue());
    // second line of `times`: user and system time of children, e.g. "0m1.036s 0m0.011s"
    String[] t = times.strip().split("\\R")[1].strip().split("\\s+");
    double cpu = minutes(t[0]) + minutes(t[1]);
    List<List<Prediction>> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(out1, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.strip().split(" ");
        List<Prediction> ps = new ArrayList<>();
        for (int i = 0; i + 1 < f.length; i += 2) {
          ps.add(new Prediction(f[i], Double.parseDouble(f[i + 1])));
        }
        out.add(ps);
      }
    }
    Files.delete(out1);
    return new CliRun(out, cpu);
  }

  private static double minutes(String mmss) {
    int m = mmss.indexOf('m');
    return Integer.parseInt(mmss.substring(0, m)) * 60
        + Double.parseDouble(mmss.substring(m + 1, mmss.length() - 1));
  }

  private static double cpuSeconds() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        / 1e9;
  }

  private void parityAndSpeed(String name, Path model, List<String> lines, int k, int reps)
      throws Exception {
    String cli = cli();
    Prerequisites.require(cli != null,
        "Debian's fasttext CLI is absent; run tests/setup/install-fasttext.sh");
    Path in = dir.resolve(name + ".txt");
    Files.write(in, lines, StandardCharsets.UTF_8);
    ModelCheck.verify(model.toString());
    FastTextModel jni = FastTextModel.loadVerified(model.toString());
    CliRun ref = runCli(cli, model, in, k, dir);
    assertEquals(lines.size(), ref.predictions().size());
    long agree = 0;
    double maxDp = 0;
    for (int i = 0; i < lines.size(); i++) {
      List<Prediction> a = jni.predict(lines.get(i), k);
      List<Prediction> b = ref.predictions().get(i);
      boolean same = a.size() == b.size();
      for (int j = 0; same && j < a.size(); j++) {
        same = a.get(j).label().equals(b.get(j).label());
        maxDp = Math.max(maxDp, Math.abs(a.get(j).prob() - b.get(j).prob()));
      }
      if (same) agree++;
    }
    // speed: the same lines repeated; CLI time less its time on an empty file (model load)
    List<String> big = new ArrayList<>();
    for (int r = 0; r < reps; r++) big.addAll(lines);
    Path bigIn = dir.resolve(name + "-big.txt");
    Files.write(bigIn, big, StandardCharsets.UTF_8);
    Path empty = dir.resolve("empty.txt");
    Files.write(empty, new byte[0]);
    double load = runCli(cli, model, empty, k, dir).seconds();
    double cliSeconds = runCli(cli, model, bigIn, k, dir).seconds() - load;
    for (String l : lines) jni.predict(l, k); // warm-up
    double t0 = cpuSeconds();
    long sink = 0;
    for (String l : big) sink += jni.predict(l, k).size();
    double jniSeconds = cpuSeconds() - t0;
    QualityScorer scorer = new QualityScorer(jni, jni.labels().get(0));
    t0 = cpuSeconds();
    double s = 0;
    for (String l : big) s += scorer.score(l);
    double scorerSeconds = cpuSeconds() - t0;
    double mb = big.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum()
        / 1e6;
    System.out.printf(Locale.ROOT, "fastText parity %s: %d texts, labels agree %d/%d (top-%d),"
            + " max |dp| %.2e%n", name, lines.size(), agree, lines.size(), k, maxDp);
    System.out.printf(Locale.ROOT, "fastText speed %s (%d predictions, %.1f MB; per core = per"
            + " CPU-second, the machine being shared): CLI predict-prob %.0f/s (%.2f CPU-s after"
            + " %.2f CPU-s load), JNI %.0f/s (%.2f CPU-s) = %.2fx CLI, JNI via QualityScorer"
            + " (preprocess + all labels) %.0f/s%n",
        name, big.size(), mb, big.size() / cliSeconds, cliSeconds, load, big.size() / jniSeconds,
        jniSeconds, cliSeconds / jniSeconds, big.size() / scorerSeconds);
    assertTrue(sink > 0 && s >= 0);
    assertEquals(lines.size(), agree, "label disagreement");
    assertTrue(maxDp < 1e-4, "max |dp| " + maxDp);
  }

  @Test
  void lid176JniMatchesCliAndIsAsFast() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    parityAndSpeed("lid.176.ftz", model, corpus(), 3, 100);
  }

  @Test
  void trainedSupervisedBinJniMatchesCliAndIsAsFast() throws Exception {
    Path train = SharedData.require("data/fasttext/cooking.train");
    Path valid = SharedData.require("data/fasttext/cooking.valid");
    Path bin = FastTextTrainer.train(train, dir.resolve("cooking"),
        TrainParams.DEFAULTS.withEpoch(5).withDim(64));
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(valid, StandardCharsets.UTF_8)) {
      String text = l.replaceAll("__label__\\S+\\s*", "").strip();
      if (!text.isEmpty()) lines.add(text);
    }
    List<String> texts = new ArrayList<>(lines);
    texts.addAll(corpus());
    parityAndSpeed("cooking-dim64.bin", bin, texts, 2, 30);
  }
}
