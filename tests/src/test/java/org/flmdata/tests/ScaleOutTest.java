package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample pipeline, unchanged, under the faults and layouts of real clusters, each run compared
 * with one reference run ({@code local[2]}, 2 partitions per shuffle): every stage's written rows,
 * every ledger row and every shard must be identical.
 *
 * <ul>
 *   <li>a real Spark standalone cluster (a master and two workers on 127.0.0.1, one core each)
 *       through {@code SparkSubmit --master spark://...}, 7 partitions per shuffle, with one
 *       executor JVM SIGKILLed while it works (Spark reruns its tasks on a new executor);
 *   <li>a local run whose driver is SIGKILLed in the middle of a stage and then rerun with the
 *       same command: complete stages are skipped, the interrupted one is redone.
 * </ul>
 */
class ScaleOutTest {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path out;
  static Path reference;

  static Map<String, String> partitions(int n) {
    String v = Integer.toString(n);
    return Map.of("spark.sql.shuffle.partitions", v, "spark.default.parallelism", v);
  }

  static String[] runArgs(Path output) {
    return new String[] {"run", "-c", SampleRun.pipelineYaml().toString(), "--output",
        output.toString()};
  }

  @BeforeAll
  static void referenceRun() throws Exception {
    SampleRun.ensureCorpusWritten();
    reference = out.resolve("reference");
    SubmitResult r = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).label("scale-reference")
        .conf(partitions(2)).run(runArgs(reference));
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void standaloneClusterWithAKilledExecutorEqualsTheReference() throws Exception {
    Path cluster = out.resolve("cluster");
    String app;
    long killed;
    try (StandaloneCluster c = StandaloneCluster.start(2, 1, "1536m");
        SparkSubmitRunner.Running run = SparkSubmitRunner.pipeline().master(c.masterUrl())
            .timeout(RUN_TIMEOUT).conf("spark.executor.memory", "1g")
            .conf("spark.cores.max", "2").conf(partitions(7)).label("scale-cluster")
            .start(runArgs(cluster))) {
      killed = killAnExecutorOnceItWorks(run);
      SubmitResult r = run.await();
      assertEquals(0, r.exitCode(), r::describe);
      JsonNode status = c.status();
      assertEquals(1, status.path("completedapps").size(), status::toString);
      app = status.path("completedapps").get(0).path("id").asText();
    }
    assertTrue(killed > 0, "an executor was killed");
    for (int w = 0; w < 2; w++) {
      Path appDir = ProjectLayout.testsTarget().resolve("standalone/worker-" + w + "/" + app);
      assertTrue(Files.isDirectory(appDir), "no executor of " + app + " on worker " + w);
    }
    assertSameRun(reference, cluster);
  }

  @Test
  void runKilledInTheMiddleOfAStageResumesToTheSameOutput() throws Exception {
    Path resumed = out.resolve("resumed");
    String interrupted;
    try (SparkSubmitRunner.Running run = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT)
        .conf(partitions(7)).label("scale-killed").start(runArgs(resumed))) {
      interrupted = awaitStageInFlight(run, resumed);
      run.kill();
    }
    assertFalse(Files.exists(resumed.resolve(interrupted + "/_SUCCESS")),
        interrupted + " was complete before the kill");
    SubmitResult again = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).conf(partitions(7))
        .label("scale-resume").run(runArgs(resumed));
    assertEquals(0, again.exitCode(), again::describe);
    List<String> stages = stageNames(reference);
    for (String s : stages.subList(0, stages.indexOf(interrupted))) {
      assertTrue(again.stdout().contains(String.format("%-9s complete with this config, skipped",
          s)), () -> s + " not skipped on resume:\n" + again.stdout());
    }
    assertFalse(again.stdout().contains(String.format("%-9s complete with this config",
        interrupted)), again::stdout);
    assertSameRun(reference, resumed);
  }

  /**
   * Waits until the run has completed at least one stage and is writing the next (its folder
   * exists, its marker does not); returns that stage's name.
   */
  static String awaitStageInFlight(SparkSubmitRunner.Running run, Path output) throws Exception {
    List<String> stages = List.of("extract", "clean", "filter", "dedup", "tokenize");
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && run.isAlive()) {
      for (int i = 1; i < stages.size(); i++) {
        boolean previousDone = Files.exists(output.resolve(stages.get(i - 1) + "/_SUCCESS"));
        Path dir = output.resolve(stages.get(i));
        if (previousDone && Files.isDirectory(dir) && !Files.exists(dir.resolve("_SUCCESS"))) {
          return stages.get(i);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no stage caught in flight (run alive: " + run.isAlive() + ")");
  }

  /** SIGKILLs one executor JVM of the run once a stage after extract is under way. */
  static long killAnExecutorOnceItWorks(SparkSubmitRunner.Running run) throws Exception {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && run.isAlive()) {
      Optional<ProcessHandle> executor = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("")
              .contains("org.apache.spark.executor.CoarseGrainedExecutorBackend"))
          .findFirst();
      if (executor.isPresent()) {
        // let it take tasks first, so the kill loses work in flight
        Thread.sleep(3000);
        long pid = executor.get().pid();
        executor.get().destroyForcibly();
        return pid;
      }
      Thread.sleep(100);
    }
    return -1;
  }

  static List<String> stageNames(Path run) throws Exception {
    List<String> names = new ArrayList<>();
    JsonNode stats = JSON.readTree(run.resolve("report/stats.json").toFile());
    for (JsonNode s : stats.path("stages")) names.add(s.path("name").asText());
    return names;
  }

  /** Same stages, same rows in every stage, same ledger, same shards. */
  static void assertSameRun(Path a, Path b) throws Exception {
    JsonNode sa = JSON.readTree(a.resolve("report/stats.json").toFile());
    JsonNode sb = JSON.readTree(b.resolve("report/stats.json").toFile());
    List<String> stages = stageNames(a);
    assertEquals(stages, stageNames(b));
    assertTrue(stages.size() >= 4, "stages run: " + stages);
    SparkSession spark = SparkTestSession.get();
    for (int i = 0; i < stages.size(); i++) {
      String stage = stages.get(i);
      assertEquals(sa.path("stages").get(i).path("rows"), sb.path("stages").get(i).path("rows"),
          "ledger of " + stage);
      Dataset<Row> x = comparable(StageOutput.readAll(spark, a.resolve(stage).toString()));
      Dataset<Row> y = comparable(StageOutput.readAll(spark, b.resolve(stage).toString()));
      assertEquals(x.count(), y.count(), stage);
      assertEquals(0, x.exceptAll(y).count(), "rows of " + stage + " only in " + a);
      assertEquals(0, y.exceptAll(x).count(), "rows of " + stage + " only in " + b);
    }
    assertShardsEqual(a, b);
  }

  /** Rows with {@code meta} as its sorted entries: Spark's set operations refuse map columns. */
  static Dataset<Row> comparable(Dataset<Row> rows) {
    return rows.withColumn("meta", org.apache.spark.sql.functions.array_sort(
        org.apache.spark.sql.functions.map_entries(org.apache.spark.sql.functions.col("meta"))));
  }

  /** Every shard file of one run equals the other's byte for byte (none when tokenize skipped). */
  static void assertShardsEqual(Path a, Path b) throws Exception {
    assertShardsEqual(a, t -> t.replace(a.toString(), "<run>"), b,
        t -> t.replace(b.toString(), "<run>"));
  }

  /**
   * As {@link #assertShardsEqual(Path, Path)}, where {@code normA} and {@code normB} make the paths
   * that blend.txt and manifest.json name comparable (a run on s3a:// copied here to compare).
   */
  static void assertShardsEqual(Path a, java.util.function.UnaryOperator<String> normA, Path b,
      java.util.function.UnaryOperator<String> normB) throws Exception {
    Path sa = a.resolve("shards");
    if (!Files.isDirectory(sa)) return;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sa)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".crc"))
          .sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no shard written");
    for (Path f : files) {
      Path other = b.resolve("shards").resolve(sa.relativize(f));
      assertTrue(Files.isRegularFile(other), "missing in second run: " + other);
      String name = f.getFileName().toString();
      if (name.endsWith(".bin") || name.endsWith(".idx")) {
        assertEquals(-1L, Files.mismatch(f, other), "differs: " + sa.relativize(f));
      } else {
        // blend.txt and manifest.json name the shards by path: equal up to the run's root
        assertEquals(normA.apply(Files.readString(f)), normB.apply(Files.readString(other)),
            "differs: " + name);
      }
    }
  }
}
