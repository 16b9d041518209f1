package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on a run's {@code report/stats.json} (DESIGN.md "stats.json"): {@code {"stages": [{"name",
 * "rows": [{"domain", "lang", "docs_in", "docs_kept", "rejected": {"rule/reason": n}}]}]}}.
 */
final class StatsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatsJson() {}

  static JsonNode parse(byte[] json) throws IOException {
    return JSON.readTree(json);
  }

  /** The stage names, in file order. */
  static List<String> stageNames(JsonNode stats) {
    List<String> names = new ArrayList<>();
    stats.path("stages").forEach(s -> names.add(s.path("name").asText()));
    return names;
  }

  /** The entry of stage {@code name}, or null when the run has none. */
  static JsonNode stage(JsonNode stats, String name) {
    for (JsonNode s : stats.path("stages")) {
      if (s.path("name").asText().equals(name)) return s;
    }
    return null;
  }

  /** A stage's rejections by {@code rule/reason} for one domain, languages summed. */
  static Map<String, Long> rejected(JsonNode stage, String domain) {
    Map<String, Long> m = new HashMap<>();
    for (JsonNode row : stage.path("rows")) {
      if (!row.path("domain").asText().equals(domain)) continue;
      row.path("rejected").properties()
          .forEach(e -> m.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    return m;
  }

  /** A stage's kept documents of one domain, languages summed. */
  static long kept(JsonNode stage, String domain) {
    long n = 0;
    for (JsonNode row : stage.path("rows")) {
      if (row.path("domain").asText().equals(domain)) n += row.path("docs_kept").asLong();
    }
    return n;
  }

  /**
   * Asserts "nothing is lost" on every row of every stage: {@code docs_in == docs_kept +
   * sum(rejected)}; also that there is at least one row, so the check cannot pass vacuously.
   */
  static void assertEveryRowBalanced(JsonNode stats) {
    JsonNode stages = stats.path("stages");
    assertTrue(stages.isArray() && stages.size() > 0, () -> "no stages in stats.json: " + stats);
    int rows = 0;
    for (JsonNode stage : stages) {
      String name = stage.path("name").asText();
      for (JsonNode row : stage.path("rows")) {
        rows++;
        assertTrue(row.path("docs_in").isIntegralNumber() && row.path("docs_kept").isIntegralNumber(),
            () -> "stage " + name + ": docs_in/docs_kept missing in " + row);
        long rejected = 0;
        for (Map.Entry<String, JsonNode> e : row.path("rejected").properties()) {
          assertTrue(e.getValue().isIntegralNumber(), () -> "stage " + name + ": rejected count not a number in " + row);
          rejected += e.getValue().asLong();
        }
        assertEquals(row.path("docs_in").asLong(), row.path("docs_kept").asLong() + rejected,
            "stage " + name + ": docs_in != docs_kept + sum(rejected) in " + row);
      }
    }
    assertTrue(rows > 0, () -> "no rows in any stage of stats.json: " + stats);
  }

  /**
   * Asserts one stage's ledger reconciles in documents and bytes on every row: {@code docs_in ==
   * docs_kept + sum(rejected)} and {@code bytes_in == bytes_kept + sum(rejected_bytes)}.
   */
  static void assertStageRowsReconcile(JsonNode stage) {
    for (JsonNode row : stage.get("rows")) {
      long rejected = 0;
      for (JsonNode v : row.get("rejected")) rejected += v.asLong();
      assertEquals(row.get("docs_in").asLong(), row.get("docs_kept").asLong() + rejected,
          row.toString());
      long rejectedBytes = 0;
      for (JsonNode v : row.get("rejected_bytes")) rejectedBytes += v.asLong();
      assertEquals(row.get("bytes_in").asLong(), row.get("bytes_kept").asLong() + rejectedBytes,
          row.toString());
    }
  }
}
