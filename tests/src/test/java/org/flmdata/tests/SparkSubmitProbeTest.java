package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded pipeline.jar under org.apache.spark.deploy.SparkSubmit on local[2], as a user's
 * spark-submit calls it, with a probe main from a side jar ({@code --jars}) so this works
 * independently of the CLI: Spark's classpath has no project class, so the probe's Documents can
 * only come from the shaded jar.
 */
class SparkSubmitProbeTest {
  private static final int DOCS = 300;
  private static Path probeJar;

  @BeforeAll
  static void buildProbeJar() throws IOException {
    probeJar = ProbeJar.build();
  }

  private static SparkSubmitRunner probe() {
    return SparkSubmitRunner.app(ProjectLayout.pipelineJar(), SubmitProbe.class.getName()).jar(probeJar);
  }

  private static String expectedSummary() {
    long chars = IntStream.range(0, DOCS).mapToLong(i -> SubmitProbe.text(i).length()).sum();
    return "master=local[2] docs=" + DOCS + " chars=" + chars
        + " document_class_from=" + ProjectLayout.pipelineJar().toUri().getPath();
  }

  @Test
  void shadedJarRunsUnderSparkSubmitOnLocal2(@TempDir Path out) throws Exception {
    SubmitResult r = probe().label("probe-local").run(out.toString(), String.valueOf(DOCS));

    assertEquals(0, r.exitCode(), r::describe);
    assertEquals(List.of("probe " + expectedSummary()), r.stdoutLines(), r::describe);
    assertTrue(Files.isRegularFile(out.resolve("docs/_SUCCESS")), r::describe);
    try (var parts = Files.list(out.resolve("summary"))) {
      Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      assertEquals(expectedSummary(), Files.readString(part, StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void submittedJobWritesS3aWithConfFlagsOnly() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      String out = s3.uri("probe");
      SubmitResult r = probe().conf(s3.sparkConf()).label("probe-s3a").run(out, String.valueOf(DOCS));

      assertEquals(0, r.exitCode(), () -> r.describe() + "\ns3proxy log tail:\n" + s3.logTail());
      assertEquals(List.of("probe " + expectedSummary()), r.stdoutLines(), r::describe);
      try (FileSystem fs = FileSystem.newInstance(URI.create(out), s3.newHadoopConfiguration())) {
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/docs/_SUCCESS")), r::describe);
        FileStatus[] summary = fs.globStatus(new org.apache.hadoop.fs.Path(out + "/summary/part-*"));
        assertEquals(1, summary.length, r::describe);
        try (FSDataInputStream in = fs.open(summary[0].getPath())) {
          assertEquals(expectedSummary(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
      }
    }
  }
}
