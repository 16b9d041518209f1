package org.flmdata.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.LogCapture;
import org.flmdata.pipeline.testing.SparkTestSession;

/**
 * {@code run -c DIR/conf/pipeline.yaml --stages extract} on the shared test session, with the log
 * captured: what the bad-input tests run and then read back.
 *
 * @param code the command's exit code
 * @param err what it printed on stderr
 * @param log the captured log lines
 * @param extract the extract stage's entry of {@code report/stats.json}, or null when the run
 *     wrote none
 */
record ExtractOnlyRun(int code, String err, List<String> log, JsonNode extract) {

  /** Runs the extract stage of the config under {@code dir/conf} (output under {@code dir/out}). */
  static ExtractOnlyRun of(Path dir) throws IOException {
    SparkTestSession.get();
    StringWriter err = new StringWriter();
    int code;
    List<String> log;
    try (LogCapture capture = new LogCapture()) {
      code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
          "run", "-c", dir.resolve("conf/pipeline.yaml").toString(), "--stages", "extract");
      log = capture.lines();
    }
    Path stats = dir.resolve("out/report/stats.json");
    JsonNode extract =
        Files.exists(stats) ? StatsJson.stage(StatsJson.parse(Files.readAllBytes(stats)), "extract")
            : null;
    return new ExtractOnlyRun(code, err.toString(), log, extract);
  }
}
