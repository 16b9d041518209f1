package org.flmdata.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on 127.0.0.1: one {@code org.apache.spark.deploy.master.Master}
 * and {@code n} {@code org.apache.spark.deploy.worker.Worker} JVMs, started from the Maven-resolved
 * Spark jars (no download). A Worker launches executors from {@code $SPARK_HOME/jars}, so the
 * cluster gets a SPARK_HOME made of links to those jars plus the {@code RELEASE} file Spark's
 * launcher looks for. Logs: {@code tests/target/standalone/<name>.log}.
 *
 * <pre>{@code
 * try (StandaloneCluster c = StandaloneCluster.start(2, 1, "1g")) {
 *   SparkSubmitRunner.pipeline().master(c.masterUrl()).run(...);
 * }
 * }</pre>
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final List<ChildProcess> processes = new ArrayList<>();
  private final String masterUrl;
  private final int masterUiPort;

  private StandaloneCluster(String masterUrl, int masterUiPort) {
    this.masterUrl = masterUrl;
    this.masterUiPort = masterUiPort;
  }

  /**
   * Starts a master and {@code workers} workers and waits until all of them are registered.
   *
   * @param coresPerWorker cores each worker offers
   * @param memoryPerWorker memory each worker offers, e.g. {@code "1g"}
   */
  static StandaloneCluster start(int workers, int coresPerWorker, String memoryPerWorker)
      throws IOException, InterruptedException {
    SparkJvm jvm = SparkJvm.fromBuild();
    Path home = sparkHome(jvm);
    Path logs = ProjectLayout.scratch("standalone");
    int port = LoopbackPort.free();
    int ui = LoopbackPort.free();
    StandaloneCluster c = new StandaloneCluster("spark://127.0.0.1:" + port, ui);
    try {
      c.launch(jvm, home, logs.resolve("master.log"), "org.apache.spark.deploy.master.Master",
          List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
              Integer.toString(ui)));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(logs.resolve("worker-" + i));
        c.launch(jvm, home, logs.resolve("worker-" + i + ".log"),
            "org.apache.spark.deploy.worker.Worker",
            List.of("--host", "127.0.0.1", "--cores", Integer.toString(coresPerWorker),
                "--memory", memoryPerWorker, "--webui-port", Integer.toString(LoopbackPort.free()),
                "--work-dir", work.toString(), c.masterUrl));
      }
      c.awaitWorkers(workers);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:PORT}, for {@code --master}. */
  String masterUrl() {
    return masterUrl;
  }

  /** The master's JSON status ({@code /json/} of its web UI): workers, applications. */
  JsonNode status() throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  private void launch(SparkJvm jvm, Path home, Path log, String main, List<String> args)
      throws IOException {
    ProcessBuilder pb = jvm.processBuilder(List.of("-Xmx512m"), main, args)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_NO_DAEMONIZE", "1");
    // the launcher otherwise looks for a source build (launcher/target/scala-2.13) to name it
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    processes.add(ChildProcess.start(main.substring(main.lastIndexOf('.') + 1), pb));
  }

  private void awaitWorkers(int n) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (ChildProcess p : processes) {
        if (!p.isAlive()) {
          throw new IOException(p.name() + " exited " + p.exitCode() + "; see "
              + ProjectLayout.testsTarget().resolve("standalone"));
        }
      }
      try {
        JsonNode s = status();
        int alive = 0;
        for (JsonNode w : s.path("workers")) if ("ALIVE".equals(w.path("state").asText())) alive++;
        if (alive == n) return;
        last = alive + " of " + n + " workers alive";
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IOException("standalone cluster not up in " + START_TIMEOUT.toSeconds() + " s: "
        + last + "; logs in " + ProjectLayout.testsTarget().resolve("standalone"));
  }

  /**
   * {@code tests/target/spark-home}: {@code jars/} with a link per Spark classpath entry and an
   * empty {@code RELEASE}, which tells Spark's launcher to take {@code jars/} as the classpath.
   */
  static synchronized Path sparkHome(SparkJvm jvm) throws IOException {
    Path home = ProjectLayout.testsTarget().resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : jvm.classpath().split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) continue;
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    Path release = home.resolve("RELEASE");
    if (!Files.exists(release)) Files.writeString(release, "flmdata test SPARK_HOME\n");
    return home;
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) processes.get(i).close();
  }
}
