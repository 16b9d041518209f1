package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** The differences against another run per stage, domain and figure ({@link RunComparison}). */
final class ComparisonSection {
  private ComparisonSection() {}

  static boolean fill(Element h, JsonNode stats, JsonNode other) {
    Html.heading(h, "Compared with " + other.path("run").path("output").asText());
    List<RunComparison.Diff> diffs = RunComparison.of(stats, other);
    if (diffs.isEmpty()) {
      h.appendChild(Html.text("p", "No difference in any stage, domain or rule."));
      return true;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RunComparison.Diff d : diffs) {
      Long delta = d.delta();
      rows.add(List.of(d.stage(), d.domain(), d.what(), d.other(), d.current(),
          delta == null ? "" : Fmt.of("%+d", delta)));
    }
    h.appendChild(Html.table("compare", List.of("stage", "domain", "figure", "other run",
        "this run", "change"), rows));
    return true;
  }
}
