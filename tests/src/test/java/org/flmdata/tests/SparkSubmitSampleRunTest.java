package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sample pipeline (six stages) through the shaded jar under SparkSubmit on local[2],
 * once on local folders and once entirely on s3a:// (a local S3 server): config, domain files,
 * inputs and tokenizer read from the bucket, every stage's output, the shards and the report
 * written to it. Every stats.json row accounts for every document, and the s3a run's ledger and
 * shards equal the local run's.
 */
class SparkSubmitSampleRunTest {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> STAGES =
      List.of("extract", "clean", "filter", "dedup", "mix", "tokenize");

  @TempDir static Path local;
  private static SubmitResult localRun;

  @BeforeAll
  static void runLocally() throws Exception {
    SampleRun.ensureCorpusWritten();
    assertTrue(Files.isRegularFile(SampleRun.pipelineYaml()), "missing " + SampleRun.pipelineYaml());
    localRun = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).label("sample-local")
        .run("run", "-c", SampleRun.pipelineYaml().toString(), "--output", local.toString());
  }

  @Test
  void sampleRunWritesEveryStageAndBalancedStatsLocally() throws Exception {
    assertEquals(0, localRun.exitCode(), localRun::describe);
    for (String stage : STAGES) {
      assertTrue(Files.isRegularFile(local.resolve(stage + "/_SUCCESS")), stage);
    }
    JsonNode json = StatsJson.parse(Files.readAllBytes(local.resolve("report/stats.json")));
    assertEquals(STAGES, StatsJson.stageNames(json));
    StatsJson.assertEveryRowBalanced(json);
  }

  @Test
  void sampleRunReadsAndWritesOnlyS3aAndMatchesTheLocalRun(@TempDir Path copy) throws Exception {
    assertEquals(0, localRun.exitCode(), localRun::describe);
    Path root = ProjectLayout.root();
    try (S3Server s3 = S3Server.start();
        FileSystem fs = FileSystem.newInstance(URI.create(s3.uri("")), s3.newHadoopConfiguration())) {
      // the same relative layout in the bucket, so the config's relative paths resolve there
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(root.resolve("jobs/conf/sample").toUri()),
          new org.apache.hadoop.fs.Path(s3.uri("jobs/conf/sample")));
      fs.copyFromLocalFile(
          new org.apache.hadoop.fs.Path(root.resolve("jobs/target/sample-corpus").toUri()),
          new org.apache.hadoop.fs.Path(s3.uri("jobs/target/sample-corpus")));
      String out = s3.uri("run");
      SubmitResult r = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).conf(s3.sparkConf())
          .label("sample-s3a")
          .run("run", "-c", s3.uri("jobs/conf/sample/pipeline.yaml"), "--output", out);

      assertEquals(0, r.exitCode(), () -> r.describe() + "\ns3proxy log tail:\n" + s3.logTail());
      for (String stage : STAGES) {
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/" + stage + "/_SUCCESS")), stage);
      }
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/report/index.html")));
      JsonNode json;
      try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(out + "/report/stats.json"))) {
        json = StatsJson.parse(in.readAllBytes());
      }
      assertEquals(STAGES, StatsJson.stageNames(json));
      StatsJson.assertEveryRowBalanced(json);
      JsonNode localJson = StatsJson.parse(Files.readAllBytes(local.resolve("report/stats.json")));
      for (int i = 0; i < STAGES.size(); i++) {
        assertEquals(localJson.path("stages").get(i).path("rows"),
            json.path("stages").get(i).path("rows"), "ledger of " + STAGES.get(i));
      }
      fs.copyToLocalFile(new org.apache.hadoop.fs.Path(out + "/shards"),
          new org.apache.hadoop.fs.Path(copy.resolve("shards").toUri()));
      // the blend files name the shards as Megatron-Core opens object storage: s3://, same
      // bucket and key (the local run's name absolute paths)
      String s3Out = "s3" + out.substring("s3a".length());
      assertBlendsName(copy.resolve("shards"), s3Out + "/shards/");
      assertBlendsName(local.resolve("shards"), local.toAbsolutePath() + "/shards/");
      // manifest.json and blend.txt name the run's root and the tokenizer's path: local ones here
      String bucket = s3.uri("").replaceAll("/$", "");
      ScaleOutTest.assertShardsEqual(local,
          t -> t.replace(local.toString(), "<run>").replace(root.toString(), "<root>"), copy,
          t -> t.replace(out, "<run>").replace(s3Out, "<run>").replace(bucket, "<root>"));
    }
  }

  /** Every prefix of blend.txt and blend_per_split.json starts with {@code root}. */
  private static void assertBlendsName(Path shards, String root) throws Exception {
    List<String> prefixes = new java.util.ArrayList<>();
    for (String line : Files.readString(shards.resolve("blend.txt")).strip().split("\n")) {
      prefixes.add(line.split(" ", 2)[1]);
    }
    JsonNode perSplit = StatsJson.parse(Files.readAllBytes(shards.resolve("blend_per_split.json")));
    for (String split : List.of("train", "valid", "test")) {
      JsonNode list = perSplit.get(split);
      assertTrue(list.isArray() && list.size() > 0, split + ": " + perSplit);
      for (int i = 1; i < list.size(); i += 2) prefixes.add(list.get(i).asText());
    }
    for (String p : prefixes) assertTrue(p.startsWith(root), p + " does not start with " + root);
  }
}
