package org.flmdata.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Peak memory of a Spark application's driver and executors, from two records the JVMs leave:
 *
 * <ul>
 *   <li>Spark's event log with stage executor metrics ({@code spark.eventLog.enabled},
 *       {@code spark.eventLog.logStageExecutorMetrics}, {@code
 *       spark.executor.processTreeMetrics.enabled}): per stage and executor (the driver is
 *       executor {@code driver}) the peak {@code JVMHeapMemory} (used heap, live and garbage) and
 *       {@code ProcessTreeJVMRSSMemory} (resident set of the JVM's process tree, from procfs), as
 *       Spark's history server shows them;
 *   <li>the JVMs' GC logs ({@code -Xlog:gc:file=...}): the largest heap occupancy right after a
 *       collection, i.e. the live set plus not-yet-collected old objects. Unlike used heap sampled
 *       at an arbitrary moment it does not depend on how much garbage the young generation held
 *       when the sampler looked, so it is the figure to compare across input sizes.
 * </ul>
 *
 * All figures in bytes; -1 when the source had none. Besides memory, {@code taskCpuNanos} sums the
 * tasks' {@code Executor CPU Time} from the same event log: the CPU the executors spent on the
 * run's work, which, unlike wall time, other processes on a shared machine do not inflate.
 */
record PeakMemory(long driverHeap, long driverRss, long driverAfterGc, long executorHeap,
    long executorRss, long executorAfterGc, long taskCpuNanos) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code 120M->30M(512M)} in a unified-logging gc line. */
  private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /**
   * Reads every event log under {@code eventLogDir}, the driver's GC log {@code driverGcLog} and
   * every file under {@code gcDir} named {@code executor-gc*}.
   */
  static PeakMemory read(Path eventLogDir, Path driverGcLog, Path gcDir) throws IOException {
    long[] peaks = {-1, -1, -1, -1};
    long cpu = 0;
    List<Path> logs;
    // Spark 4 writes rolling event logs by default: a folder eventlog_v2_<app>/events_<n>_<app>
    try (Stream<Path> s = Files.walk(eventLogDir)) {
      logs = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("appstatus")).sorted().toList();
    }
    for (Path log : logs) {
      try (BufferedReader r = Files.newBufferedReader(log)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (!line.contains("Executor Metrics")) continue;
          JsonNode e = JSON.readTree(line);
          cpu += e.path("Task Metrics").path("Executor CPU Time").asLong(0);
          String event = e.path("Event").asText();
          JsonNode m;
          boolean driver;
          if (event.equals("SparkListenerStageExecutorMetrics")) {
            m = e.path("Executor Metrics");
            driver = e.path("Executor ID").asText().equals("driver");
          } else if (event.equals("SparkListenerTaskEnd")) {
            m = e.path("Task Executor Metrics");
            driver = e.path("Task Info").path("Executor ID").asText().equals("driver");
          } else {
            continue;
          }
          int at = driver ? 0 : 2;
          peaks[at] = Math.max(peaks[at], m.path("JVMHeapMemory").asLong(-1));
          peaks[at + 1] = Math.max(peaks[at + 1], m.path("ProcessTreeJVMRSSMemory").asLong(-1));
        }
      }
    }
    long executorGc = -1;
    try (Stream<Path> s = Files.list(gcDir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("executor-gc")).toList()) {
        executorGc = Math.max(executorGc, maxAfterGc(p));
      }
    }
    return new PeakMemory(peaks[0], peaks[1], maxAfterGc(driverGcLog), peaks[2], peaks[3],
        executorGc, cpu);
  }

  /** The largest heap occupancy after a collection in a {@code -Xlog:gc} file; -1 if none. */
  static long maxAfterGc(Path gcLog) throws IOException {
    if (!Files.isRegularFile(gcLog)) return -1;
    long max = -1;
    try (BufferedReader r = Files.newBufferedReader(gcLog)) {
      for (String line; (line = r.readLine()) != null; ) {
        // evacuating pauses only: Remark and Cleanup print the heap mid-cycle, nothing collected
        if (!line.contains("Pause Young") && !line.contains("Pause Full")) continue;
        Matcher m = GC.matcher(line);
        if (m.find()) max = Math.max(max, bytes(m.group(3), m.group(4)));
      }
    }
    return max;
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }

  /** MB with one decimal, or "-" when unknown. */
  static String mb(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
  }
}
