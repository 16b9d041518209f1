package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMemoryTest {
  @TempDir Path dir;

  @Test
  void peaksComeFromRollingEventLogsAndGcLogs() throws Exception {
    Path events = Files.createDirectories(dir.resolve("events/eventlog_v2_app-1"));
    Files.write(events.resolve("events_1_app-1"), List.of(
        "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}",
        "{\"Event\":\"SparkListenerStageExecutorMetrics\",\"Executor ID\":\"driver\",\"Stage ID\":0,"
            + "\"Executor Metrics\":{\"JVMHeapMemory\":100,\"ProcessTreeJVMRSSMemory\":900}}",
        "{\"Event\":\"SparkListenerStageExecutorMetrics\",\"Executor ID\":\"driver\",\"Stage ID\":1,"
            + "\"Executor Metrics\":{\"JVMHeapMemory\":300,\"ProcessTreeJVMRSSMemory\":800}}",
        "{\"Event\":\"SparkListenerStageExecutorMetrics\",\"Executor ID\":\"0\",\"Stage ID\":1,"
            + "\"Executor Metrics\":{\"JVMHeapMemory\":5000,\"ProcessTreeJVMRSSMemory\":7000}}",
        "{\"Event\":\"SparkListenerTaskEnd\",\"Task Info\":{\"Executor ID\":\"0\"},"
            + "\"Task Executor Metrics\":{\"JVMHeapMemory\":6000,\"ProcessTreeJVMRSSMemory\":6500},"
            + "\"Task Metrics\":{\"Executor CPU Time\":1500000000}}",
        "{\"Event\":\"SparkListenerTaskEnd\",\"Task Info\":{\"Executor ID\":\"0\"},"
            + "\"Task Executor Metrics\":{\"JVMHeapMemory\":10,\"ProcessTreeJVMRSSMemory\":10},"
            + "\"Task Metrics\":{\"Executor CPU Time\":250000000}}"));
    Path gc = Files.createDirectories(dir.resolve("gc"));
    Files.write(gc.resolve("driver-gc.log"), List.of(
        "[0.010s][info][gc] Using G1",
        "[1.500s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.1ms",
        "[9.200s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M) 9.0ms",
        "[9.300s][info][gc] GC(2) Pause Remark 90M->90M(256M) 3.0ms",
        "[9.400s][info][gc] GC(2) Pause Cleanup 95M->95M(256M) 0.1ms"));
    Files.write(gc.resolve("executor-gc-17.log"), List.of(
        "[2.000s][info][gc] GC(0) Pause Young (Concurrent Start) (G1 Humongous Allocation)"
            + " 1G->700M(2048M) 20.1ms",
        "[3.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 900M->512000K(2048M) 8ms"));

    PeakMemory p = PeakMemory.read(dir.resolve("events"), gc.resolve("driver-gc.log"), gc);

    assertEquals(new PeakMemory(300, 900, 41L << 20, 6000, 7000, 700L << 20, 1_750_000_000L), p);
  }

  @Test
  void missingGcLogIsUnknownNotZero() throws Exception {
    assertEquals(-1, PeakMemory.maxAfterGc(dir.resolve("absent.log")));
  }
}
