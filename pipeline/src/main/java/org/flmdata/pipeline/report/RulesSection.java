package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;

/** Removals per rule: per stage a bar chart and a table of documents, share and bytes. */
final class RulesSection {
  private RulesSection() {}

  static boolean fill(Element h, JsonNode stats) {
    Html.heading(h, "Removed by rule");
    for (JsonNode s : stats.path("stages")) {
      JsonNode total = s.path("total");
      Map<String, long[]> rules = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = total.path("rejected").fields();
          it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        rules.put(e.getKey(), new long[] {e.getValue().asLong(),
            total.path("rejected_bytes").path(e.getKey()).asLong()});
      }
      h.appendChild(Html.text("h3", s.path("name").asText()));
      if (rules.isEmpty()) {
        h.appendChild(Html.muted("No document removed."));
        continue;
      }
      long in = total.path("docs_in").asLong();
      List<Svg.Bar> bars = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      rules.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .forEach(e -> {
            long docs = e.getValue()[0];
            bars.add(new Svg.Bar(e.getKey(), docs,
                Fmt.count(docs) + " (" + Fmt.pct(docs, in) + ")"));
            rows.add(List.of(e.getKey(), Fmt.count(docs), Fmt.pct(docs, in),
                Fmt.bytes(e.getValue()[1])));
          });
      h.appendChild(Html.figure(
          Svg.hbars("Documents removed per rule in " + s.path("name").asText(), bars), null));
      h.appendChild(Html.table("rules",
          List.of("rule/reason", "docs", "share of docs in", "bytes"), rows));
    }
    return true;
  }
}
