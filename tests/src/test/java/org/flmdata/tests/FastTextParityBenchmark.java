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
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.fasttext.Prediction;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity and speed of the filter's fastText (jfasttext JNI) against Debian's {@code fasttext}
 * command-line tool (install: tests/setup/install-fasttext.sh) on the same models and texts:
 * label agreement and max probability difference on a mixed corpus, then speed on ~12 MB of
 * real lines ({@link BenchmarkText}, each line predicted once per side), one thread each,
 * measured the same way on both sides: wall time of the same predictions, the model loaded
 * before the clock starts (issue 18). Both sides are a process doing the same work: the CLI
 * ({@code predict-prob model - k}) and {@link FastTextPredictChild} (a JVM predicting through the
 * JNI binding, JIT warmed on held-out lines of the same wiki dumps, never the measured lines) read the
 * lines from a pipe and answer one line per line, each timed from its answer to a first warm-up
 * line (model loaded) to its last answer. The lines are cut into three parts, run CLI / JNI alternately, so both sides share the machine's
 * load; the ratio of the summed wall times (CLI / JNI) is asserted to be at least {@link
 * #MIN_RATIO}. CPU time of each process over the same span (user + system, all threads: GC and
 * JIT included on the JVM side) is printed beside it.
 *
 * <pre>mvn -B verify -Pbench -pl tests -am -Dtest=FastTextParityBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class FastTextParityBenchmark {
  static final double MIN_RATIO = 0.8;
  /** Bytes of real lines for the speed part. */
  private static final long SPEED_BYTES = 12_000_000;
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

  /** The CLI's predictions of each line of {@code input}. */
  private static List<List<Prediction>> runCli(String cli, Path model, Path input, int k, Path dir)
      throws Exception {
    Path out1 = Files.createTempFile(dir, "cli", ".out");
    Process p = new ProcessBuilder(cli, "predict-prob", model.toString(), input.toString(),
        Integer.toString(k)).redirectOutput(out1.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(30, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue());
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
    return out;
  }

  private void parityAndSpeed(String name, Path model, List<String> lines, int k)
      throws Exception {
    String cli = cli();
    Prerequisites.require(cli != null,
        "Debian's fasttext CLI is absent; run tests/setup/install-fasttext.sh");
    Path in = dir.resolve(name + ".txt");
    Files.write(in, lines, StandardCharsets.UTF_8);
    ModelCheck.verify(model.toString());
    FastTextModel jni = FastTextModel.loadVerified(model.toString());
    List<List<Prediction>> ref = runCli(cli, model, in, k, dir);
    assertEquals(lines.size(), ref.size());
    long agree = 0;
    double maxDp = 0;
    for (int i = 0; i < lines.size(); i++) {
      List<Prediction> a = jni.predict(lines.get(i), k);
      List<Prediction> b = ref.get(i);
      boolean same = a.size() == b.size();
      for (int j = 0; same && j < a.size(); j++) {
        same = a.get(j).label().equals(b.get(j).label());
        maxDp = Math.max(maxDp, Math.abs(a.get(j).prob() - b.get(j).prob()));
      }
      if (same) agree++;
    }
    // speed: unseen real lines, three parts, CLI and JNI alternately, wall time without load
    List<List<String>> parts = speedLines();
    List<String> cliCommand = List.of(cli, "predict-prob", model.toString(), "-",
        Integer.toString(k));
    // the JNI child's JIT warm-up: held-out lines of the same four wiki dumps (past the measured
    // bytes), never the measured lines themselves, so the timed lines are seen once
    Path warm = dir.resolve(name + ".warm.txt");
    List<String> warmLines = new ArrayList<>();
    for (String doc : BenchmarkText.heldOutWiki(6_000_000, 250_000, 4096)) {
      for (String l : doc.split("\\R")) {
        String t = l.replace('\0', ' ').strip();
        if (!t.isEmpty()) warmLines.add(t);
      }
    }
    Files.write(warm, warmLines, StandardCharsets.UTF_8);
    List<String> jniCommand = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", System.getProperty("java.class.path"),
        FastTextPredictChild.class.getName(), model.toString(), Integer.toString(k),
        warm.toString());
    double cliCpu = 0;
    double cliWall = 0;
    double jniCpu = 0;
    double jniWall = 0;
    long predictions = 0;
    long sink = 0;
    long bytes = 0;
    for (List<String> part : parts) {
      Timing c = pipeRun(cliCommand, part);
      cliCpu += c.cpu();
      cliWall += c.wall();
      Timing j = pipeRun(jniCommand, part);
      jniCpu += j.cpu();
      jniWall += j.wall();
      sink += c.answers() + j.answers();
      predictions += part.size();
      for (String l : part) bytes += l.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    QualityScorer scorer = new QualityScorer(jni, jni.labels().get(0));
    long t1 = System.nanoTime();
    double s = 0;
    for (String l : parts.get(0)) s += scorer.score(l);
    double scorerSeconds = (System.nanoTime() - t1) / 1e9;
    double ratio = cliWall / jniWall;
    System.out.printf(Locale.ROOT, "fastText parity %s: %d texts, labels agree %d/%d (top-%d),"
            + " max |dp| %.2e%n", name, lines.size(), agree, lines.size(), k, maxDp);
    System.out.printf(Locale.ROOT, "fastText speed %-18s %d predictions, %.1f MB, model load excluded:"
            + " CLI %.0f/s (wall %.2f s; %.2f CPU-s), JNI %.0f/s (wall %.2f s; %.2f CPU-s)"
            + " = %.2fx the CLI's speed in wall time (%.2fx per CPU-second); JNI via QualityScorer"
            + " (preprocess + all labels) %.0f/s wall; load average %s%n",
        name, predictions, bytes / 1e6, predictions / cliWall, cliWall, cliCpu,
        predictions / jniWall, jniWall, jniCpu, ratio, cliCpu / jniCpu,
        parts.get(0).size() / scorerSeconds, LoadAverage.now());
    assertTrue(sink > 0 && s >= 0);
    assertEquals(lines.size(), agree, "label disagreement");
    assertTrue(maxDp < 1e-4, "max |dp| " + maxDp);
    assertTrue(ratio >= MIN_RATIO, String.format(Locale.ROOT,
        "%s: JNI %.2fx the CLI's speed (wall time), below %.2fx", name, ratio, MIN_RATIO));
  }

  /** The non-blank lines of the benchmark text, in order, up to ~12 MB, dealt into three parts. */
  private static List<List<String>> speedLines() throws IOException {
    List<String> all = new ArrayList<>();
    long bytes = 0;
    for (String doc : BenchmarkText.documents()) {
      for (String l : doc.split("\\R")) {
        String t = l.replace('\0', ' ').strip();
        if (t.isEmpty()) continue;
        all.add(t);
        bytes += t.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      if (bytes >= SPEED_BYTES) break;
    }
    // every third line to each part: each part mixes all sources
    List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < all.size(); i++) parts.get(i % 3).add(all.get(i));
    return parts;
  }

  /** Wall and CPU seconds (CPU: the whole process, user + system, all threads), answers read. */
  private record Timing(double wall, double cpu, long answers) {}

  /**
   * A predicting process ({@code command}: the CLI or {@link FastTextPredictChild}) answering
   * {@code lines} read from a pipe, model load excluded: from its answer to a warm-up line to its
   * last answer, wall time and the CPU time its process used in between ({@code /proc/PID/stat},
   * read while its stdin is still open, so it has not exited).
   */
  private static Timing pipeRun(List<String> command, List<String> lines) throws Exception {
    Process p = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    java.io.OutputStream stdin = p.getOutputStream();
    BufferedReader out = new BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8), 1 << 16);
    stdin.write("warm up line\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    assertTrue(out.readLine() != null, command.get(0) + " answered no warm-up line");
    byte[] payload = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    double c0 = procCpu(p.pid());
    long t0 = System.nanoTime();
    Thread writer = new Thread(() -> {
      try {
        stdin.write(payload);
        stdin.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    long n = 0;
    while (n < lines.size() && out.readLine() != null) n++;
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = procCpu(p.pid()) - c0;
    writer.join();
    stdin.close();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    assertEquals(lines.size(), n, command.get(0) + " predictions");
    return new Timing(wall, cpu, n);
  }

  /** User + system CPU seconds of a live process, from {@code /proc/PID/stat} (clock ticks of 10 ms). */
  private static double procCpu(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields after "(comm) ": state=0 ... utime=11, stime=12
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  @Test
  void lid176JniMatchesCliAndIsAsFast() throws Exception {
    Path model = SharedData.require("models/fasttext/lid.176.ftz");
    parityAndSpeed("lid.176.ftz", model, corpus(), 3);
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
    parityAndSpeed("cooking-dim64.bin", bin, texts, 2);
  }
}
