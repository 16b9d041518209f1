package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's first command as a user runs it (issue 18): {@code jobs/pipeline run -c
 * jobs/conf/sample/pipeline.yaml} through the local launcher, after the build and after the
 * sample corpus is written, timed from the launcher's start to its exit (JVM and Spark start, the
 * six stages and the report). Asserted: at most {@value #MAX_SECONDS} s of wall time, and no Spark
 * stage of this small input runs more than {@value #MAX_TASKS} tasks (Spark's event log). Printed:
 * wall and CPU time of the launcher's process tree (bash's {@code times}), each stage's time from
 * stats.json, the Spark jobs, stages and tasks per pipeline stage, and the load average.
 *
 * <pre>mvn -B verify -Pbench -pl tests -am -Dtest=ReadmeRunBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class ReadmeRunBenchmark {
  static final double MAX_SECONDS = 20.0;
  static final int MAX_TASKS = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readmeRunTakesAtMostTwentySecondsAndNoStageRunsHundredsOfTasks() throws Exception {
    SampleRun.ensureCorpusWritten();
    Path root = ProjectLayout.root();
    Path dir = ProjectLayout.scratch("readme-run");
    SampleRunTest.deleteRecursively(dir);
    Path out = dir.resolve("run");
    Path events = Files.createDirectories(dir.resolve("eventlog"));
    // once untimed: the launcher rebuilds the jar here if a source is newer than it
    exec(root, dir.resolve("validate.log"), "jobs/pipeline validate -c "
        + SampleRun.pipelineYaml());
    String load = LoadAverage.now();
    long t0 = System.nanoTime();
    String times = exec(root, dir.resolve("run.log"), "jobs/pipeline run -c "
        + SampleRun.pipelineYaml() + " --output " + out
        + " --conf spark.eventLog.enabled=true --conf spark.eventLog.compress=false"
        + " --conf spark.eventLog.dir=" + events.toUri());
    double wall = (System.nanoTime() - t0) / 1e9;
    JsonNode stats = JSON.readTree(out.resolve("report/stats.json").toFile());
    StatsJson.assertEveryRowBalanced(stats);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%nREADME run (jobs/pipeline run, sample corpus): %.1f s wall; CPU of the process tree"
            + " (user, system) %s; load average %s -> %s%n", wall, times.strip(), load,
        LoadAverage.now()));
    Map<String, int[]> perStage = tasksPerPipelineStage(events);
    int maxTasks = 0;
    b.append(String.format(Locale.ROOT, "%-9s %8s %6s %7s %7s %9s%n", "stage", "s", "jobs",
        "stages", "tasks", "max tasks"));
    for (JsonNode s : stats.path("stages")) {
      String name = s.path("name").asText();
      int[] t = perStage.getOrDefault(name, new int[4]);
      maxTasks = Math.max(maxTasks, t[3]);
      b.append(String.format(Locale.ROOT, "%-9s %8.1f %6d %7d %7d %9d%n", name,
          s.path("millis").asLong() / 1000.0, t[0], t[1], t[2], t[3]));
    }
    for (Map.Entry<String, int[]> e : new java.util.TreeMap<>(perStage).entrySet()) {
      if (StatsJson.stageNames(stats).contains(e.getKey())) continue;
      int[] t = e.getValue();
      maxTasks = Math.max(maxTasks, t[3]);
      b.append(String.format(Locale.ROOT, "%-9s %8s %6d %7d %7d %9d%n",
          e.getKey().isEmpty() ? "(none)" : e.getKey(), "-", t[0], t[1], t[2], t[3]));
    }
    System.out.print(b);
    assertTrue(maxTasks <= MAX_TASKS, "a Spark stage of the sample run ran " + maxTasks
        + " tasks");
    assertTrue(wall <= MAX_SECONDS, String.format(Locale.ROOT,
        "the README's run took %.1f s, above %.0f s (load average %s)", wall, MAX_SECONDS,
        LoadAverage.now()));
  }

  /** Runs {@code command} under bash in {@code cwd}; returns the children's CPU times. */
  private static String exec(Path cwd, Path log, String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command + " && times")
        .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), command);
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), () -> command + ":\n" + String.join("\n", lines));
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /**
   * Per job description (the pipeline stage's name, as the runner sets it; "" for the rest):
   * jobs, Spark stages, tasks, and the most tasks of one Spark stage.
   */
  private static Map<String, int[]> tasksPerPipelineStage(Path events) throws IOException {
    Map<Integer, String> stageOwner = new HashMap<>();
    Map<String, int[]> out = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(events)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")).toList());
    }
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("{\"Event\":\"SparkListenerJobStart\"")) {
            JsonNode e = JSON.readTree(line);
            String d = e.path("Properties").path("spark.job.description").asText("");
            String stage = d.contains(":") ? d.substring(0, d.indexOf(':')) : d;
            out.computeIfAbsent(stage, k -> new int[4])[0]++;
            for (JsonNode id : e.path("Stage IDs")) stageOwner.put(id.asInt(), stage);
          } else if (line.startsWith("{\"Event\":\"SparkListenerStageCompleted\"")) {
            JsonNode info = JSON.readTree(line).path("Stage Info");
            String stage = stageOwner.getOrDefault(info.path("Stage ID").asInt(), "");
            int[] t = out.computeIfAbsent(stage, k -> new int[4]);
            int n = info.path("Number of Tasks").asInt();
            t[1]++;
            t[2] += n;
            t[3] = Math.max(t[3], n);
          }
        }
      }
    }
    return out;
  }
}
