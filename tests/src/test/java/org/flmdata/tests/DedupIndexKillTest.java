package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a run SIGKILLed while it appends its survivors to the persistent dedup index (its
 * segment folder exists, its generation file does not) leaves the previous generation current and
 * readable; the same command run again completes the append. The killed run is a spark-submit of
 * the shaded jar (local master); run 1 and the reads go through this JVM's session.
 */
class DedupIndexKillTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void killedWhileAppendingLeavesThePreviousGenerationAndARerunCompletesIt() throws Exception {
    SplittableRandom r = new SplittableRandom(21);
    List<String> base = new ArrayList<>();
    for (int f = 0; f < 30; f++) base.add(words(r, 200));
    write(dir.resolve("half1.jsonl"), base, r, "1");
    write(dir.resolve("half2.jsonl"), base, r, "2");
    Path conf1 = conf("run1", "half1.jsonl");
    Path conf2 = conf("run2", "half2.jsonl");
    Path index = dir.resolve("index");

    SparkTestSession.get();
    assertEquals(0, org.flmdata.jobs.Main.execute("run", "-c", conf1.toString(), "--stages",
        "extract,dedup"));
    assertEquals(1, currentGeneration(index).path("generation").asInt());
    long indexed1 = indexedRows(index);
    assertTrue(indexed1 > 0);

    try (SparkSubmitRunner.Running run = SparkSubmitRunner.pipeline().timeout(TIMEOUT)
        .label("dedup-index-killed").start("run", "-c", conf2.toString(), "--stages",
            "extract,dedup")) {
      awaitSegment(run, index.resolve("segments"), "g000002-");
      run.kill();
    }
    assertFalse(Files.exists(index.resolve("generations/000002.json")),
        "the kill came after the append was published; the test did not kill it mid-append");
    assertEquals(1, currentGeneration(index).path("generation").asInt());
    assertEquals(indexed1, indexedRows(index), "generation 1 is readable as it was");

    SubmitResult again = SparkSubmitRunner.pipeline().timeout(TIMEOUT).label("dedup-index-rerun")
        .run("run", "-c", conf2.toString(), "--stages", "extract,dedup");
    assertEquals(0, again.exitCode(), again::describe);
    JsonNode g2 = currentGeneration(index);
    assertEquals(2, g2.path("generation").asInt());
    assertEquals(2, g2.path("segments").size());
    long removedAgainstIndex = SparkTestSession.get().read()
        .parquet(dir.resolve("run2/out/dedup").toString())
        .where("reason in ('exact-indexed', 'near-indexed')").count();
    assertTrue(removedAgainstIndex >= 30, "run 2 removed its copies of run 1's documents: "
        + removedAgainstIndex);
    assertTrue(indexedRows(index) > indexed1);
  }

  private static String words(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append("w").append(r.nextInt(50_000));
    return sb.toString();
  }

  /** Each base text once (half 1) or with one word changed (half 2), plus unique documents. */
  private static void write(Path file, List<String> base, SplittableRandom r, String half)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < base.size(); i++) {
      String text = base.get(i);
      if (half.equals("2")) text = text.replaceFirst(" w\\d+ ", " changed ");
      sb.append(JSON.writeValueAsString(Map.of("id", half + "-f" + i, "lang", "en", "text", text)))
          .append('\n');
    }
    for (int u = 0; u < 20; u++) {
      sb.append(JSON.writeValueAsString(Map.of("id", half + "-u" + u, "lang", "en", "text",
          words(r, 150)))).append('\n');
    }
    Files.writeString(file, sb);
  }

  private Path conf(String name, String input) throws IOException {
    Path c = Files.createDirectories(dir.resolve(name + "/conf/domains"));
    Files.writeString(c.getParent().resolve("pipeline.yaml"), "output: ../out\n"
        + "spark: {master: \"local[2]\", conf: {spark.sql.shuffle.partitions: \"2\"}}\n");
    Files.writeString(c.resolve("web.yaml"), "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs:\n  - {path: ../../../" + input + ", format: jsonl, source: web, id_field: id,"
        + " lang_field: lang}\ndedup: {index: ../../../index}\n");
    return c.getParent().resolve("pipeline.yaml");
  }

  private static JsonNode currentGeneration(Path index) throws IOException {
    Path best = null;
    try (Stream<Path> s = Files.list(index.resolve("generations"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().matches("\\d{6}\\.json")
            && (best == null || p.getFileName().compareTo(best.getFileName()) > 0)) {
          best = p;
        }
      }
    }
    return JSON.readTree(best.toFile());
  }

  private static long indexedRows(Path index) throws IOException {
    List<String> paths = new ArrayList<>();
    for (JsonNode s : currentGeneration(index).path("segments")) {
      paths.add(index.resolve("segments").resolve(s.path("name").asText()).toString());
    }
    return SparkTestSession.get().read().parquet(paths.toArray(new String[0])).count();
  }

  /** Waits until a folder named {@code prefix...} appears under {@code segments}. */
  private static void awaitSegment(SparkSubmitRunner.Running run, Path segments, String prefix)
      throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && run.isAlive()) {
      if (Files.isDirectory(segments)) {
        try (Stream<Path> s = Files.list(segments)) {
          if (s.anyMatch(p -> p.getFileName().toString().startsWith(prefix))) return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the run never started appending to " + segments);
  }
}
