package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The sample pipeline, unchanged, on a real Spark standalone cluster (a master and two workers on
 * 127.0.0.1, one core each, executors on both) through {@code SparkSubmit --master spark://...}:
 * every stage's written documents, every ledger row and every shard equal those of a
 * {@code local[2]} run of the same jar.
 */
class ClusterRunTest {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Shuffles sized for a 400-document sample (Spark's default of 200 partitions is for data). */
  private static final java.util.Map<String, String> SMALL =
      java.util.Map.of("spark.sql.shuffle.partitions", "4", "spark.default.parallelism", "4");

  @TempDir static Path out;

  @BeforeAll
  static void writeSampleCorpus() throws Exception {
    SampleRun.ensureCorpusWritten();
  }

  @Test
  void sampleRunOnAStandaloneClusterEqualsALocalRun() throws Exception {
    Path local = out.resolve("local");
    Path cluster = out.resolve("cluster");
    SubmitResult l = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).label("cluster-ref-local")
        .conf(SMALL)
        .run("run", "-c", SampleRun.pipelineYaml().toString(), "--output", local.toString());
    assertEquals(0, l.exitCode(), l::describe);
    String app;
    try (StandaloneCluster c = StandaloneCluster.start(2, 1, "1536m")) {
      SubmitResult r = SparkSubmitRunner.pipeline().master(c.masterUrl()).timeout(RUN_TIMEOUT)
          .conf("spark.executor.memory", "1g").conf("spark.cores.max", "2").conf(SMALL)
          .label("cluster-standalone")
          .run("run", "-c", SampleRun.pipelineYaml().toString(), "--output", cluster.toString());
      assertEquals(0, r.exitCode(), r::describe);
      JsonNode status = c.status();
      assertEquals(1, status.path("completedapps").size(), status::toString);
      app = status.path("completedapps").get(0).path("id").asText();
    }
    // both workers ran executors of the application
    for (int w = 0; w < 2; w++) {
      Path appDir = ProjectLayout.testsTarget().resolve("standalone/worker-" + w + "/" + app);
      assertTrue(Files.isDirectory(appDir), "no executor of " + app + " on worker " + w);
    }
    JsonNode statsLocal = JSON.readTree(local.resolve("report/stats.json").toFile());
    JsonNode statsCluster = JSON.readTree(cluster.resolve("report/stats.json").toFile());
    List<String> stages = new ArrayList<>();
    for (JsonNode s : statsLocal.path("stages")) stages.add(s.path("name").asText());
    assertTrue(stages.size() >= 4, "stages run: " + stages);
    SparkSession spark = SparkTestSession.get();
    for (int i = 0; i < stages.size(); i++) {
      String stage = stages.get(i);
      assertEquals(statsLocal.path("stages").get(i).path("rows"),
          statsCluster.path("stages").get(i).path("rows"), "ledger of " + stage);
      Dataset<Row> a = StageOutput.readAll(spark, local.resolve(stage).toString());
      Dataset<Row> b = StageOutput.readAll(spark, cluster.resolve(stage).toString());
      assertEquals(a.count(), b.count(), stage);
      assertEquals(0, a.exceptAll(b).count(), "rows of " + stage + " only in the local run");
      assertEquals(0, b.exceptAll(a).count(), "rows of " + stage + " only in the cluster run");
    }
    assertShardsEqual(local, cluster);
  }

  /** Every shard file of one run equals the other's byte for byte (none when tokenize skipped). */
  static void assertShardsEqual(Path a, Path b) throws Exception {
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
      assertEquals(-1L, Files.mismatch(f, other), "differs: " + sa.relativize(f));
    }
  }
}
