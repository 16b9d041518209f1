package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark reads and writes s3a:// against a real local S3 server (S3Proxy in its own JVM), through
 * the shared test SparkSession. The s3a settings go into that session's Hadoop configuration for
 * this class only and are restored afterwards, since the session is shared by the whole JVM.
 */
class S3RoundTripTest {
  private static S3Server s3;
  private static SparkSession spark;
  private static final Map<String, String> previous = new HashMap<>();

  @BeforeAll
  static void startServerAndPointSparkAtIt() throws Exception {
    s3 = S3Server.start();
    spark = SparkTestSession.get();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    s3.hadoopConf().forEach((k, v) -> {
      previous.put(k, conf.get(k));
      conf.set(k, v);
    });
  }

  @AfterAll
  static void restoreSparkAndStopServer() throws IOException {
    if (spark != null) {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      // Drop the cached client of this bucket before its server goes away.
      FileSystem.get(URI.create(s3.uri("")), conf).close();
      previous.forEach((k, v) -> {
        if (v == null) {
          conf.unset(k);
        } else {
          conf.set(k, v);
        }
      });
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void parquetRowsComeBackExactlyFromS3a() {
    String dir = s3.uri("roundtrip/numbers");
    int n = 500;
    spark.range(0, n).repartition(3)
        .selectExpr("id", "concat('doc-', id) AS text", "CAST(id % 7 AS INT) AS bucket")
        .write().parquet(dir);

    List<String> expected = LongStream.range(0, n)
        .mapToObj(i -> i + "|doc-" + i + "|" + (i % 7))
        .collect(Collectors.toList());
    List<String> actual = spark.read().parquet(dir).orderBy("id").collectAsList().stream()
        .map(r -> r.getLong(0) + "|" + r.getString(1) + "|" + r.getInt(2))
        .collect(Collectors.toList());
    assertEquals(expected, actual);
  }

  @Test
  void utf8TextLinesComeBackExactlyFromS3a() {
    String dir = s3.uri("roundtrip/lines");
    List<String> lines = IntStream.range(0, 200)
        .mapToObj(i -> "line " + i + " naïve café 中文 " + "x".repeat(i))
        .collect(Collectors.toList());
    spark.createDataset(lines, Encoders.STRING()).repartition(2).write().text(dir);

    List<String> back = new ArrayList<>(spark.read().textFile(dir).collectAsList());
    back.sort(null);
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(null);
    assertEquals(sorted, back);
  }

  @Test
  void hadoopFileSystemListsCommittedSparkOutput() throws IOException {
    String dir = s3.uri("roundtrip/listed");
    int partitions = 4;
    spark.range(0, 100).repartition(partitions).write().parquet(dir);

    FileSystem fs = FileSystem.get(URI.create(dir), spark.sparkContext().hadoopConfiguration());
    FileStatus[] listed = fs.listStatus(new Path(dir));
    List<String> names = Arrays.stream(listed).map(s -> s.getPath().getName()).sorted()
        .collect(Collectors.toList());
    assertTrue(names.contains("_SUCCESS"), () -> "no _SUCCESS in " + names);
    long parts = names.stream().filter(name -> name.startsWith("part-") && name.endsWith(".parquet")).count();
    assertEquals(partitions, parts, () -> "part files in " + names);
    assertEquals(names.size(), parts + 1, () -> "only parts and _SUCCESS expected (no _temporary left) in " + names);
    for (FileStatus s : listed) {
      if (s.getPath().getName().startsWith("part-")) {
        assertTrue(s.isFile() && s.getLen() > 0, () -> "empty or not a file: " + s);
      }
    }
  }

  @Test
  void hadoopFileSystemWritesAndReadsOneObject() throws IOException {
    Path file = new Path(s3.uri("roundtrip/single/hello.txt"));
    byte[] body = "hello s3a – ünïcödé\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    FileSystem fs = FileSystem.get(file.toUri(), spark.sparkContext().hadoopConfiguration());
    try (FSDataOutputStream out = fs.create(file, true)) {
      out.write(body);
    }
    assertEquals(body.length, fs.getFileStatus(file).getLen());
    byte[] back;
    try (FSDataInputStream in = fs.open(file)) {
      back = in.readAllBytes();
    }
    assertEquals(new String(body, StandardCharsets.UTF_8), new String(back, StandardCharsets.UTF_8));
    assertTrue(fs.delete(file, false));
    assertTrue(!fs.exists(file), "deleted object still visible");
  }

  @Test
  void wrongSecretKeyIsRejectedByTheServer() throws IOException {
    Configuration conf = s3.newHadoopConfiguration();
    conf.set("fs.s3a.secret.key", "not-" + S3Server.SECRET_KEY);
    conf.set("fs.s3a.attempts.maximum", "1");
    conf.set("fs.s3a.retry.limit", "1");
    Path root = new Path(s3.uri(""));
    // newInstance: an uncached client, so the wrong key cannot leak to other tests.
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      assertThrows(java.nio.file.AccessDeniedException.class, () -> fs.listStatus(root));
    }
  }

}
