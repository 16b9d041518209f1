package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** The differences against another run per stage, domain and figure ({@link RunComparison}). */
final class ComparisonSection extends ReportSection {
  private final JsonNode other;

  ComparisonSection(JsonNode other) {
    super("compare", "Compare");
    this.other = other;
  }

  @Override
  public Element render(JsonNode stats) {
    Element h = Html.section(id(), "Compared with " + other.path("run").path("output").asText());
    List<RunComparison.Diff> diffs = RunComparison.of(stats, other);
    if (diffs.isEmpty()) {
      return h.appendChild(Html.text("p", "No difference in any stage, domain or rule."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (RunComparison.Diff d : diffs) {
      Long delta = d.delta();
      rows.add(List.of(d.stage(), d.domain(), d.what(), d.other(), d.current(),
          delta == null ? "" : Fmt.of("%+d", delta)));
    }
    return h.appendChild(Html.table("compare", List.of("stage", "domain", "figure", "other run",
        "this run", "change"), rows));
  }
}
