package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** A few rejected documents per stage and rule (first characters), as the run kept their text. */
final class SamplesSection {
  private SamplesSection() {}

  static boolean fill(Element h, JsonNode stats) {
    Html.heading(h, "Rejected samples");
    h.appendChild(Html.muted("A few rejected documents per rule (first characters), among those"
        + " whose text the run kept."));
    for (JsonNode s : stats.path("stages")) {
      JsonNode list = s.path("samples");
      if (list.isEmpty()) continue;
      h.appendChild(Html.text("h3", s.path("name").asText()));
      String rule = null;
      Element div = null;
      for (JsonNode x : list) {
        if (!x.path("rule").asText().equals(rule)) {
          rule = x.path("rule").asText();
          div = h.appendElement("div").addClass("rule");
          div.appendChild(Html.text("h4", rule));
        }
        List<String> facts = new ArrayList<>(List.of(x.path("domain").asText(),
            x.path("lang").asText(), x.path("id").asText()));
        if (!x.path("detail").asText().isEmpty()) facts.add(x.path("detail").asText());
        div.appendChild(Html.quote(facts, x.path("text").asText()));
      }
    }
    return true;
  }
}
