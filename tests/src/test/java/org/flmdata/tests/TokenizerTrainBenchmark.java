package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.train.PreTokenizerStyle;
import org.flmdata.tokenize.train.TokenizerJson;
import org.flmdata.tokenize.train.TrainedBpe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole {@code pipeline tokenizer train} command (spark-submit of the shaded jar on
 * {@code local[2]}: JVM and Spark start, reading, word counting, merges, writing tokenizer.json)
 * beside Hugging Face's Rust trainer (npm {@code tokenizers}: node start, {@code train}, save) on
 * the same lines and the same two cores, both timed as the wall time of their whole process, in
 * one run: {@code mvn -B verify -Pbench -pl tests -am -Dtest=TokenizerTrainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} after {@code tests/setup/install-npm-tokenizers.sh}.
 * Size: {@code -Dflmdata.bench.mb=64}.
 *
 * <p>Text: real files from {@code /work/shared/data/text} (English books, web, wiki; Chinese web,
 * classical and modern Chinese), the Python standard library's sources as code; each domain is
 * cycled until it holds a third of the bytes, so repeated lines raise counts, not distinct words.
 * The Rust binding trains only at its default 30,000 tokens (alphabet = the characters seen, no
 * specials), so ours is asked for 30,000 tokens too (2 specials + 256 byte tokens + merges) with
 * Llama-3's pre-tokenizer on both sides, every word used ({@code --max-words} above the distinct
 * count, as the Rust trainer) and no compression report ({@code --eval-docs 0}: the Rust trainer
 * makes none); our merges must equal the Rust trainer's, in order. Asserted: our
 * command takes at most {@link #MAX_RATIO} times the Rust trainer's process.
 */
@Tag("benchmark")
class TokenizerTrainBenchmark {
  static final double MAX_RATIO = 1.0;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void wholeTrainCommandIsNoSlowerThanTheRustTrainerWithTheSameMerges() throws Exception {
    Path root = ProjectLayout.root();
    Path modules = Prerequisites.npmTokenizers();
    long perDomain = (long) (Double.parseDouble(System.getProperty("flmdata.bench.mb", "64")) * 1e6 / 3);
    Path work = Files.createTempDirectory("train-bench");
    Path en = write(work.resolve("en.txt"), englishLines(), perDomain);
    Path zh = write(work.resolve("zh.txt"), chineseLines(), perDomain);
    Path code = write(work.resolve("code.txt"), codeLines(), perDomain);
    Path all = work.resolve("all.txt");
    try (BufferedWriter w = Files.newBufferedWriter(all, StandardCharsets.UTF_8)) {
      for (Path p : List.of(en, zh, code)) w.write(Files.readString(p, StandardCharsets.UTF_8));
    }
    // the Rust trainer reads each line with its newline: our input holds the same texts as JSONL
    List<String> jsonl = new ArrayList<>();
    long lines = 0;
    for (Path p : List.of(en, zh, code)) {
      Path j = work.resolve(p.getFileName().toString().replace(".txt", ".jsonl"));
      try (BufferedWriter w = Files.newBufferedWriter(j, StandardCharsets.UTF_8)) {
        // lines as the Rust trainer cuts them: at '\n' only (a lone '\r' stays inside its line)
        String[] ls = Files.readString(p, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < ls.length - 1; i++) {
          String l = ls[i];
          w.write(JSON.writeValueAsString(java.util.Map.of("text", l + "\n")));
          w.write('\n');
          lines++;
        }
      }
      jsonl.add(j.toString());
    }
    long bytes = Files.size(all);
    PreTokenizerStyle style = PreTokenizerStyle.LLAMA3;

    Path refConfig = work.resolve("empty.json");
    Files.writeString(refConfig, TokenizerJson.write(new TrainedBpe(List.of(), List.of(), 0, 0), style));
    Path refFile = work.resolve("hf-30k.json");
    long r0 = System.nanoTime();
    JsonNode ref = node(root, modules, "train-reference.js", refConfig.toString(), all.toString(), refFile.toString());
    double refWall = (System.nanoTime() - r0) / 1e9;

    Path oursFile = work.resolve("ours-30k.json");
    List<String> args = new ArrayList<>(List.of("tokenizer", "train", "--input"));
    args.addAll(jsonl);
    // every word reaches the merges, as in the Rust trainer (the default keeps the 2M most frequent)
    args.addAll(List.of("--vocab-size", "30000", "--pre-tokenizer", style.label(), "--eval-docs", "0",
        "--max-words", "20000000", "--output", oursFile.toString()));
    SubmitResult run = SparkSubmitRunner.pipeline().master("local[2]").driverMemory("6g")
        .label("train-bench").timeout(java.time.Duration.ofMinutes(30)).run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), "train command failed: " + run.stderr());
    double oursWall = run.elapsed().toNanos() / 1e9;
    JsonNode summary = JSON.readTree(run.stdout().strip().lines().reduce((a, b) -> b).orElse("{}"));

    List<String> refMerges = merges(JSON.readTree(refFile.toFile()));
    List<String> ourMerges = merges(JSON.readTree(oursFile.toFile()));
    int same = 0;
    while (same < Math.min(refMerges.size(), ourMerges.size())
        && refMerges.get(same).equals(ourMerges.get(same))) same++;
    double ratio = oursWall / refWall;
    System.out.printf(Locale.ROOT, "tokenizer train, %.1f MB (%d lines), 30,000 tokens, llama3 pre-tokenizer,"
        + " 2 cores; wall time of the whole process%n", bytes / 1e6, lines);
    System.out.printf(Locale.ROOT, "  HF (npm tokenizers, Rust)            %6.1f s  (its train call %.1f s)%n",
        refWall, ref.path("seconds").asDouble());
    System.out.printf(Locale.ROOT, "  ours (spark-submit, local[2])        %6.1f s  (count %.1f s, merges %.1f s, as it"
        + " reports; %d distinct words)%n", oursWall, summary.path("count_seconds").asDouble(),
        summary.path("merge_seconds").asDouble(), summary.path("distinct_words").asLong());
    System.out.printf(Locale.ROOT, "  ours / HF                            %6.2fx (at most %.2fx asserted)%n", ratio, MAX_RATIO);
    System.out.printf(Locale.ROOT, "  merges equal to HF's: the first %d of %d (ours %d)%n", same,
        refMerges.size(), ourMerges.size());
    assertEquals(Math.min(refMerges.size(), ourMerges.size()), same, "merges differ from HF's at " + same);
    assertTrue(ourMerges.size() > 29_000, "merges: " + ourMerges.size());
    assertTrue(ratio <= MAX_RATIO, String.format(Locale.ROOT, "our command %.2fx the Rust trainer's wall time", ratio));
  }

  private static List<String> merges(JsonNode tokenizer) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : tokenizer.path("model").path("merges")) {
      out.add(m.isArray() ? m.get(0).asText() + " " + m.get(1).asText() : m.asText());
    }
    return out;
  }

  private static JsonNode node(Path root, Path modules, String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", root.resolve("tests/setup/" + script).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("NODE_PATH", modules.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(3600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(script + ": " + out);
    return JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
  }

  /** Cycles through {@code lines} until {@code target} bytes are written; one document per line. */
  private static Path write(Path file, List<String> lines, long target) throws IOException {
    Assumptions.assumeFalse(lines.isEmpty(), "skipped: no text for " + file.getFileName());
    long n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (n < target) {
        for (String l : lines) {
          w.write(l);
          w.write('\n');
          n += l.getBytes(StandardCharsets.UTF_8).length + 1;
          if (n >= target) break;
        }
      }
    }
    return file;
  }

  private static List<String> englishLines() throws IOException {
    List<String> out = new ArrayList<>();
    Path t = SharedData.require("data/text");
    for (String f : new String[] {"gutenberg/pg11-alice.txt", "gutenberg/pg1342-pride-and-prejudice.txt",
        "cs336-fixtures/high_quality_wiki_reference.txt", "latex/mallam-arxiv2401.14680.tex",
        "latex/malaysian-mistral-arxiv2401.13565.tex"}) {
      if (Files.exists(t.resolve(f))) lines(t.resolve(f), out);
    }
    for (String f : new String[] {"en-web-dolma/cc_en_head-0091.jsonl", "en-web-dolma/cc_en_head-0174.jsonl"}) {
      if (Files.exists(t.resolve(f))) jsonlTexts(t.resolve(f), out);
    }
    return out;
  }

  private static List<String> chineseLines() throws IOException {
    List<String> out = new ArrayList<>();
    Path t = SharedData.require("data/text");
    try (Stream<Path> s = Files.list(t.resolve("zh-classical-niutrans"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) lines(p, out);
    }
    for (String f : new String[] {"zh-web-chinesewebtext/clean.jsonl", "zh-web-chinesewebtext/dirty.jsonl"}) {
      if (Files.exists(t.resolve(f))) jsonlTexts(t.resolve(f), out);
    }
    return out;
  }

  private static List<String> codeLines() throws IOException {
    List<String> out = new ArrayList<>();
    for (String dir : new String[] {"/usr/lib/python3.11", "/usr/lib/python3"}) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) continue;
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
          try {
            lines(p, out);
          } catch (java.nio.charset.MalformedInputException e) {
            // not UTF-8: skip the file
          }
        }
      }
    }
    return out;
  }

  private static void lines(Path p, List<String> out) throws IOException {
    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) out.add(l);
    }
  }

  private static void jsonlTexts(Path p, List<String> out) throws IOException {
    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (l.isBlank()) continue;
      JsonNode t = JSON.readTree(l).get("text");
      if (t == null) continue;
      for (String s : t.asText().split("\n")) if (!s.isBlank()) out.add(s);
    }
  }
}
