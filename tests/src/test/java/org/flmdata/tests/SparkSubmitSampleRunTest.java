package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run of the sample pipeline through the shaded jar under SparkSubmit on local[2], to a
 * local folder and to s3a:// on a local S3 server; every stats.json row must account for every
 * document.
 */
class SparkSubmitSampleRunTest {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  @BeforeAll
  static void writeSampleCorpus() throws Exception {
    SampleRun.ensureCorpusWritten();
    assertTrue(Files.isRegularFile(SampleRun.pipelineYaml()), "missing " + SampleRun.pipelineYaml());
  }

  @Test
  void sampleRunWritesExtractMarkerAndBalancedStatsLocally(@TempDir Path out) throws Exception {
    SubmitResult r = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).label("sample-local")
        .run("run", "-c", SampleRun.pipelineYaml().toString(), "--output", out.toString());

    assertEquals(0, r.exitCode(), r::describe);
    assertTrue(Files.isRegularFile(out.resolve("extract/_SUCCESS")), r::describe);
    Path stats = out.resolve("report/stats.json");
    assertTrue(Files.isRegularFile(stats), r::describe);
    JsonNode json = StatsJson.parse(Files.readAllBytes(stats));
    assertTrue(StatsJson.stageNames(json).contains("extract"), () -> "no extract stage in " + json);
    StatsJson.assertEveryRowBalanced(json);
  }

  @Test
  void sampleRunWritesToS3aWithConfFlagsAndBalancedStats() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      String out = s3.uri("run");
      SubmitResult r = SparkSubmitRunner.pipeline().timeout(RUN_TIMEOUT).conf(s3.sparkConf()).label("sample-s3a")
          .run("run", "-c", SampleRun.pipelineYaml().toString(), "--output", out);

      assertEquals(0, r.exitCode(), () -> r.describe() + "\ns3proxy log tail:\n" + s3.logTail());
      try (FileSystem fs = FileSystem.newInstance(URI.create(out), s3.newHadoopConfiguration())) {
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/extract/_SUCCESS")), r::describe);
        JsonNode json;
        try (FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(out + "/report/stats.json"))) {
          json = StatsJson.parse(in.readAllBytes());
        }
        assertTrue(StatsJson.stageNames(json).contains("extract"), () -> "no extract stage in " + json);
        StatsJson.assertEveryRowBalanced(json);
      }
    }
  }
}
