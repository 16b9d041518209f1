package org.flmdata.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * A local S3-compatible server for tests: S3Proxy (filesystem backend) as its own JVM on
 * 127.0.0.1 and a free port, with one bucket created. Its Jetty, Jackson and Guava clash with
 * Spark's, so it never shares the test classpath: tests/pom.xml copies S3Proxy's
 * jar-with-dependencies from Maven Central to {@code tests/target/s3proxy/s3proxy.jar}.
 *
 * <p>Requests are signature-checked (SigV4) against fixed fake keys, so a client with wrong
 * settings fails here as it would on AWS. Give a client {@link #hadoopConf()} (Hadoop {@code
 * Configuration}, {@code fs.s3a.*}) or {@link #sparkConf()} ({@code spark.hadoop.fs.s3a.*}, for
 * {@code --conf} or a SparkSession builder). The server's log is {@link #logFile()}; {@link
 * #close()} (or JVM exit) ends the process and deletes the stored objects.
 *
 * <pre>{@code
 * try (S3Server s3 = S3Server.start()) {
 *   Configuration conf = s3.newHadoopConfiguration();
 *   FileSystem fs = FileSystem.get(URI.create(s3.uri("")), conf);
 * }
 * }</pre>
 */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "flmdata-access";
  static final String SECRET_KEY = "flmdata-secret";
  /** Any name works with S3Proxy; the SDK just needs one. */
  static final String REGION = "us-east-1";

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final int PORT_ATTEMPTS = 3;

  private final ChildProcess process;
  private final int port;
  private final String bucket;
  private final Path home;
  private final Path dataDir;
  private final Path logFile;

  private S3Server(ChildProcess process, int port, String bucket, Path home, Path dataDir, Path logFile) {
    this.process = process;
    this.port = port;
    this.bucket = bucket;
    this.home = home;
    this.dataDir = dataDir;
    this.logFile = logFile;
  }

  /** Starts a server with one bucket named {@code flmdata-<random>}. */
  static S3Server start() throws IOException, InterruptedException {
    return start("flmdata-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
  }

  /**
   * Starts a server with the bucket {@code bucket}. A name unique per server also keeps Hadoop's
   * FileSystem cache (keyed by scheme and bucket, not by endpoint) from handing out a client of an
   * earlier, closed server.
   */
  static S3Server start(String bucket) throws IOException, InterruptedException {
    Path jar = ProjectLayout.s3proxyJar();
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = LoopbackPort.free();
      Path home = ProjectLayout.scratch("s3proxy/" + bucket + "-" + port);
      Path data = Files.createDirectories(home.resolve("data"));
      Path log = home.resolve("s3proxy.log");
      Path props = home.resolve("s3proxy.properties");
      Files.writeString(props, properties(port, data));
      // The filesystem backend serves each folder of its base directory as a bucket.
      Files.createDirectories(data.resolve(bucket));
      ProcessBuilder pb = new ProcessBuilder(List.of(
              ProjectLayout.javaBinary().toString(), "-Xmx256m", "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", props.toString()))
          .directory(home.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      ChildProcess child = ChildProcess.start("s3proxy:" + port, pb);
      S3Server server = new S3Server(child, port, bucket, home, data, log);
      try {
        server.awaitReady();
        return server;
      } catch (IllegalStateException e) {
        server.close();
        last = e; // most likely the port was taken between LoopbackPort.free() and bind: try another
      }
    }
    throw last;
  }

  private static String properties(int port, Path data) {
    return String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + data,
        "");
  }

  /** Polls until the server answers HTTP (any status: unsigned requests get 403). */
  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited with code " + process.exitCode()
            + " before answering on port " + port + "; log " + logFile + ":\n" + logTail());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int status = c.getResponseCode();
        c.disconnect();
        if (status > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("s3proxy did not answer on port " + port + " within "
        + STARTUP.toSeconds() + " s; log " + logFile + ":\n" + logTail());
  }

  int port() {
    return port;
  }

  String bucket() {
    return bucket;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** {@code s3a://<bucket>/<key>}. */
  String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  Path logFile() {
    return logFile;
  }

  /** Adds another bucket (a folder of the filesystem backend); visible at once. */
  void createBucket(String name) throws IOException {
    Files.createDirectories(dataDir.resolve(name));
  }

  /**
   * The s3a settings for this server, {@code fs.s3a.*}: endpoint, path-style access (no bucket
   * DNS names on 127.0.0.1), fake keys through SimpleAWSCredentialsProvider, plain HTTP, an
   * explicit region (so nothing is derived from the endpoint or the environment) and no bucket
   * probe. hadoop-aws 3.4.1's default change detection (server-side ETag) works with S3Proxy.
   */
  Map<String, String> hadoopConf() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
    m.put("fs.s3a.endpoint.region", REGION);
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    m.put("fs.s3a.access.key", ACCESS_KEY);
    m.put("fs.s3a.secret.key", SECRET_KEY);
    m.put("fs.s3a.bucket.probe", "0");
    return m;
  }

  /** {@link #hadoopConf()} with Spark's {@code spark.hadoop.} prefix. */
  Map<String, String> sparkConf() {
    Map<String, String> m = new LinkedHashMap<>();
    hadoopConf().forEach((k, v) -> m.put("spark.hadoop." + k, v));
    return m;
  }

  /** A new Hadoop {@code Configuration} with {@link #hadoopConf()} set. */
  Configuration newHadoopConfiguration() {
    Configuration conf = new Configuration();
    hadoopConf().forEach(conf::set);
    return conf;
  }

  /** The last lines of the server's log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Ends the server and deletes its stored objects; the log stays for inspection. */
  @Override
  public void close() {
    process.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dataDir + " (server home " + home + ")", e);
    }
  }
}
