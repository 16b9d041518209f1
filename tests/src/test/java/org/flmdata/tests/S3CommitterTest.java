package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes to s3a:// (a real local S3 server) under spark-submit with the committer the pipeline
 * chooses for s3a output (S3A's magic committer through Spark's PathOutputCommitProtocol), while
 * tasks fail midway with several MB of their files uploaded ({@link CommitProbe}): a task retried
 * after a failure leaves no file and no row of its failed attempt, and a job that fails leaves
 * nothing visible at all.
 */
class S3CommitterTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static S3Server s3;
  private static String root;
  private static SubmitResult run;
  private static FileSystem fs;

  @BeforeAll
  static void runProbe() throws Exception {
    s3 = S3Server.start();
    root = s3.uri("commit");
    run = SparkSubmitRunner.app(ProjectLayout.pipelineJar(), CommitProbe.class.getName())
        .jar(ProbeJar.build(CommitProbe.class))
        .master("local[2,2]") // two attempts per task
        .conf(s3.sparkConf())
        .conf("spark.hadoop.fs.s3a.multipart.size", "5M")
        .timeout(TIMEOUT)
        .label("commit-probe")
        .run(root);
    assertEquals(0, run.exitCode(), () -> run.describe() + "\ns3proxy log tail:\n" + s3.logTail());
    fs = FileSystem.newInstance(URI.create(root), s3.newHadoopConfiguration());
  }

  @AfterAll
  static void stop() throws Exception {
    if (fs != null) fs.close();
    if (s3 != null) s3.close();
  }

  private static List<String> files(String dir) throws Exception {
    List<String> out = new ArrayList<>();
    Path p = new Path(dir);
    if (!fs.exists(p)) return out;
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
    while (it.hasNext()) {
      out.add(it.next().getPath().toUri().getPath().substring(p.toUri().getPath().length() + 1));
    }
    out.sort(null);
    return out;
  }

  private static String line(String prefix) {
    return run.stdoutLines().stream().filter(l -> l.startsWith(prefix + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" line: " + run.describe()));
  }

  @Test
  void theMagicCommitterIsChosenForS3aOutput() throws Exception {
    assertTrue(line("committer").contains("S3A committer \"magic\" through "
        + "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol"), line("committer"));
    JsonNode success;
    try (FSDataInputStream in = fs.open(new Path(root + "/retried/_SUCCESS"))) {
      success = new ObjectMapper().readTree(in.readAllBytes());
    }
    // S3A's committers write a JSON _SUCCESS naming themselves; the classic committer an empty one
    assertEquals("magic", success.path("committer").asText(), success.toString());
  }

  @Test
  void aRetriedTaskLeavesNoFileOrRowOfItsFailedAttempt() throws Exception {
    int rows = CommitProbe.PARTITIONS * CommitProbe.ROWS_PER_PARTITION;
    assertEquals("retried rows=" + rows + " distinct=" + rows, line("retried"));
    List<String> files = files(root + "/retried");
    List<String> data = files.stream().filter(f -> !f.equals("_SUCCESS")).toList();
    // one file per task and domain, each under its domain folder; no __magic or _temporary left
    assertEquals(CommitProbe.PARTITIONS * CommitProbe.DOMAINS, data.size(), files.toString());
    assertTrue(data.stream().allMatch(f -> f.matches("domain=d[0-9]+/part-[^/]+\\.parquet")),
        files.toString());
    assertEquals(files.size(), data.size() + 1, files.toString());
  }

  @Test
  void aFailedJobLeavesNothingVisible() throws Exception {
    assertEquals("failed SparkException", line("failed"));
    assertEquals(List.of(), files(root + "/failed"));
    List<String> all = files(root);
    assertTrue(all.stream().noneMatch(f -> f.startsWith("failed/") || f.contains("__magic")),
        all.toString());
  }
}
