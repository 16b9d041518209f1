package org.flmdata.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.report.Fmt;
import org.flmdata.pipeline.report.Html;
import org.flmdata.pipeline.report.ReportSection;
import org.flmdata.pipeline.report.Svg;
import org.jsoup.nodes.Element;

/**
 * The report's duplicates section, from this stage's {@code extra} in stats.json ({@link
 * DedupReport}): removals per domain and source, cluster sizes, distinct shingles before and
 * after, and sample clusters with their survivor. Absent without the dedup stage's figures.
 */
final class DuplicatesSection {
  /** The section ({@code #duplicates}, "Duplicates" in the navigation). */
  static final ReportSection SECTION =
      ReportSection.of("duplicates", "Duplicates", DuplicatesSection::fill);

  private DuplicatesSection() {}

  /** The dedup stage's statistics ({@code stages[].extra}), or null when it has none. */
  static JsonNode of(JsonNode stats) {
    for (JsonNode s : stats.path("stages")) {
      JsonNode x = s.path("extra");
      if (x.has("clusters")) return x;
    }
    return null;
  }

  static boolean fill(Element h, JsonNode stats) {
    JsonNode x = of(stats);
    if (x == null) return false;
    Html.heading(h, "Duplicates");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : x.path("removed")) {
      rows.add(List.of(r.path("domain").asText(), r.path("source").asText(),
          Fmt.count(r.path("docs_in").asLong()), Fmt.count(r.path("kept").asLong()),
          Fmt.count(r.path("exact_dup").asLong()), Fmt.count(r.path("near_dup").asLong()),
          Fmt.count(r.path("exact_indexed").asLong()),
          Fmt.count(r.path("near_indexed").asLong())));
    }
    h.appendChild(Html.table("removed", List.of("domain", "source", "docs in", "kept",
        "exact dups", "near dups", "exact in index", "near in index"), rows));
    JsonNode c = x.path("clusters");
    h.appendChild(Html.text("h3", "Duplicate clusters"));
    h.appendChild(Html.text("p", Fmt.count(c.path("count").asLong()) + " clusters holding "
        + Fmt.count(c.path("documents").asLong()) + " documents."));
    List<Svg.Bar> bars = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("size_histogram").fields();
        it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      bars.add(new Svg.Bar("size " + e.getKey(), e.getValue().asLong(),
          Fmt.count(e.getValue().asLong())));
    }
    if (!bars.isEmpty()) h.appendChild(Html.figure(Svg.hbars("Clusters by size", bars), null));
    List<List<String>> q = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("size_quantiles").fields();
        it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      q.add(List.of(e.getKey(), Fmt.count(e.getValue().asLong())));
    }
    if (!q.isEmpty()) h.appendChild(Html.table("quantiles", List.of("cluster size", "docs"), q));
    List<List<String>> sh = new ArrayList<>();
    for (JsonNode d : x.path("distinct_shingles")) {
      sh.add(List.of(d.path("lang").asText(), d.path("shingles").asText(),
          d.has("input") ? Fmt.count(d.path("input").asLong()) : "",
          Fmt.count(d.path("kept").asLong())));
    }
    if (!sh.isEmpty()) {
      h.appendChild(Html.text("h3", "Distinct shingles (CPC sketches)"));
      h.appendChild(Html.table("shingles", List.of("lang", "shingles", "before", "after"), sh));
    }
    for (JsonNode cl : x.path("sample_clusters")) {
      Element div = h.appendElement("div").addClass("rule");
      div.appendChild(Html.text("h4", "Cluster of " + cl.path("size").asLong() + " ("
          + cl.path("chosen").asText() + ")"));
      JsonNode sv = cl.path("survivor");
      StringBuilder pre = new StringBuilder("kept     ").append(sv.path("id").asText())
          .append("  ").append(sv.path("first_line").asText());
      for (JsonNode m : cl.path("members")) {
        pre.append("\nremoved  ").append(m.path("id").asText()).append("  ")
            .append(m.path("first_line").asText());
      }
      div.appendChild(Html.text("pre", pre.toString()));
    }
    return true;
  }
}
