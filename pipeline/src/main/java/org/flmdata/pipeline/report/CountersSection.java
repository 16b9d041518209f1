package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;

/** Stage counters ({@code stages[].counters}) summed over domains and languages, per stage. */
final class CountersSection {
  private CountersSection() {}

  static boolean fill(Element h, JsonNode stats) {
    Html.heading(h, "Stage counters");
    boolean any = false;
    for (JsonNode s : stats.path("stages")) {
      Map<String, Long> sum = new TreeMap<>();
      for (JsonNode c : s.path("counters")) {
        sum.merge(c.path("key").asText(), c.path("value").asLong(), Long::sum);
      }
      if (sum.isEmpty()) continue;
      any = true;
      List<List<String>> rows = new ArrayList<>();
      sum.forEach((k, v) -> rows.add(List.of(k, Fmt.count(v))));
      h.appendChild(Html.text("h3", s.path("name").asText()));
      h.appendChild(Html.table("counters", List.of("counter", "total"), rows));
    }
    if (!any) h.appendChild(Html.muted("No counters."));
    return true;
  }
}
