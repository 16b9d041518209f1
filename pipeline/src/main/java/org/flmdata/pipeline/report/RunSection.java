package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Run facts: config, output, seed and versions; the stages with their inputs, hashes and times. */
final class RunSection {
  private RunSection() {}

  static boolean fill(Element h, JsonNode stats) {
    JsonNode run = stats.path("run");
    Html.heading(h, "Run");
    List<List<String>> rows = new ArrayList<>();
    for (String k : List.of("config", "output", "seed", "flmdata_version", "spark_version",
        "java_version", "written_at")) {
      if (run.has(k)) rows.add(List.of(k, run.path(k).asText()));
    }
    rows.add(List.of("schema_version", stats.path("schema_version").asText()));
    h.appendChild(Html.table("facts", List.of("fact", "value"), rows));
    List<List<String>> st = new ArrayList<>();
    for (JsonNode s : stats.path("stages")) {
      st.add(List.of(s.path("name").asText(), s.path("input_stage").asText("(inputs)"),
          s.path("config_hash").asText(), Fmt.duration(s.path("millis").asLong())));
    }
    h.appendChild(Html.text("h3", "Stages"));
    h.appendChild(Html.table("stages", List.of("stage", "reads", "config hash", "time"), st));
    List<List<String>> in = new ArrayList<>();
    for (JsonNode i : run.path("inputs")) {
      in.add(List.of(i.path("domain").asText(), i.path("source").asText(),
          i.path("format").asText(), i.path("path").asText()));
    }
    if (!in.isEmpty()) {
      h.appendChild(Html.text("h3", "Inputs"));
      h.appendChild(Html.table("inputs", List.of("domain", "source", "format", "path"), in));
    }
    return true;
  }
}
