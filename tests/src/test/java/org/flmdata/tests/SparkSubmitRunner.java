package org.flmdata.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an application jar as a user's {@code spark-submit} does, in a child JVM: {@code java
 * <Spark's module flags> -Xmx<driver memory> -cp <Spark's classpath>
 * org.apache.spark.deploy.SparkSubmit --master local[2] --class <main> [--conf k=v]... <jar>
 * <args>}. The project's own classes reach the child only through the jar (and {@code --jars}),
 * never through the classpath, so a class missing from the shaded jar fails here as on a cluster.
 *
 * <p>Defaults: {@code local[2]}, loopback driver, UI off, 1 GB driver heap, 3 minute timeout,
 * the project root as working directory. stdout and stderr go to {@code
 * tests/target/spark-submit/<label>-<n>.stdout|.stderr} and come back in the {@link SubmitResult}.
 *
 * <pre>{@code
 * SubmitResult r = SparkSubmitRunner.pipeline().label("help").run("--help");
 * assertEquals(0, r.exitCode(), r::describe);
 * }</pre>
 */
final class SparkSubmitRunner {
  /** The CLI entry point of the shaded jar. */
  static final String PIPELINE_MAIN = "org.flmdata.jobs.Main";

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final SparkJvm jvm;
  private final Path appJar;
  private final String mainClass;
  private final Map<String, String> conf = new LinkedHashMap<>();
  private final List<Path> jars = new ArrayList<>();
  private String master = "local[2]";
  private String driverMemory = "1g";
  private final List<String> driverJvmOptions = new ArrayList<>();
  private Duration timeout = Duration.ofMinutes(3);
  private Path workDir = ProjectLayout.root();
  private String label = "submit";

  private SparkSubmitRunner(SparkJvm jvm, Path appJar, String mainClass) {
    this.jvm = jvm;
    this.appJar = appJar.toAbsolutePath();
    this.mainClass = mainClass;
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.ui.enabled", "false");
  }

  /** The shaded {@code jobs/target/pipeline.jar} with its CLI main class. */
  static SparkSubmitRunner pipeline() {
    return new SparkSubmitRunner(SparkJvm.fromBuild(), ProjectLayout.pipelineJar(), PIPELINE_MAIN);
  }

  /** Any application jar and main class. */
  static SparkSubmitRunner app(Path jar, String mainClass) {
    return new SparkSubmitRunner(SparkJvm.fromBuild(), jar, mainClass);
  }

  SparkSubmitRunner master(String value) {
    this.master = value;
    return this;
  }

  SparkSubmitRunner conf(String key, String value) {
    conf.put(key, value);
    return this;
  }

  SparkSubmitRunner conf(Map<String, String> entries) {
    conf.putAll(entries);
    return this;
  }

  /** Adds a jar to {@code --jars}. */
  SparkSubmitRunner jar(Path extra) {
    jars.add(extra.toAbsolutePath());
    return this;
  }

  SparkSubmitRunner driverMemory(String value) {
    this.driverMemory = value;
    return this;
  }

  /** Adds a flag to the driver JVM's command line (client mode), e.g. {@code -Xlog:gc:file=F}. */
  SparkSubmitRunner driverJvmOption(String flag) {
    driverJvmOptions.add(flag);
    return this;
  }

  SparkSubmitRunner timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  SparkSubmitRunner workDir(Path dir) {
    this.workDir = dir;
    return this;
  }

  /** Names the log files of the next runs. */
  SparkSubmitRunner label(String value) {
    this.label = value.replaceAll("[^A-Za-z0-9._-]", "_");
    return this;
  }

  /** The spark-submit arguments (after the JVM's main class) for {@code appArgs}. */
  List<String> submitArgs(List<String> appArgs) {
    List<String> a = new ArrayList<>(List.of("--master", master, "--class", mainClass));
    conf.forEach((k, v) -> a.addAll(List.of("--conf", k + "=" + v)));
    if (!jars.isEmpty()) {
      a.add("--jars");
      a.add(String.join(",", jars.stream().map(Path::toString).toList()));
    }
    a.add(appJar.toString());
    a.addAll(appArgs);
    return a;
  }

  /**
   * Runs to completion and returns the result whatever the exit code.
   *
   * @throws IllegalStateException if the run outlives the timeout (the child is then killed)
   */
  SubmitResult run(String... appArgs) throws IOException, InterruptedException {
    try (Running r = start(appArgs)) {
      return r.await();
    }
  }

  /** Starts the run and returns at once; {@link Running#await} or {@link Running#kill} it. */
  Running start(String... appArgs) throws IOException {
    Path logs = ProjectLayout.scratch("spark-submit");
    String name = label + "-" + RUNS.incrementAndGet();
    Path out = logs.resolve(name + ".stdout");
    Path err = logs.resolve(name + ".stderr");
    List<String> jvmArgs = new ArrayList<>(driverJvmOptions);
    jvmArgs.add("-Xmx" + driverMemory);
    ProcessBuilder pb = jvm.processBuilder(
            jvmArgs, "org.apache.spark.deploy.SparkSubmit",
            submitArgs(Arrays.asList(appArgs)))
        .directory(workDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    return new Running(name, pb, ChildProcess.start("spark-submit " + name, pb), out, err,
        timeout);
  }

  /** A spark-submit child in flight. */
  static final class Running implements AutoCloseable {
    private final String name;
    private final ProcessBuilder pb;
    private final ChildProcess child;
    private final Path out;
    private final Path err;
    private final Duration timeout;
    private final long start = System.nanoTime();

    private Running(String name, ProcessBuilder pb, ChildProcess child, Path out, Path err,
        Duration timeout) {
      this.name = name;
      this.pb = pb;
      this.child = child;
      this.out = out;
      this.err = err;
      this.timeout = timeout;
    }

    boolean isAlive() {
      return child.isAlive();
    }

    /** SIGKILL to the driver JVM and everything it started: no shutdown hook runs. */
    void kill() throws InterruptedException {
      child.kill();
    }

    /** Waits for the end (up to the timeout) and returns the result whatever the exit code. */
    SubmitResult await() throws IOException, InterruptedException {
      if (!child.waitFor(timeout)) {
        child.close();
        throw new IllegalStateException("spark-submit " + name + " still running after "
            + timeout.toSeconds() + " s, killed; logs: " + out + ", " + err);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new SubmitResult(pb.command(), child.exitCode(), read(out), read(err), out, err,
          elapsed);
    }

    @Override
    public void close() {
      child.close();
    }
  }

  /** Lenient: a stray non-UTF-8 byte in a log must not hide the result. */
  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
