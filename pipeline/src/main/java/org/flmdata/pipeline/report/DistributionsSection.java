package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jsoup.nodes.Element;

/**
 * Distributions of the last stage's kept documents: per metric (length, the stages' reported
 * meta) a histogram over all domains and quantiles per domain; distinct counts and top hosts.
 */
final class DistributionsSection {
  private DistributionsSection() {}

  static boolean fill(Element h, JsonNode stats) {
    JsonNode dist = stats.path("distributions");
    Html.heading(h, "Distributions");
    if (dist.isMissingNode()) {
      h.appendChild(Html.muted("No documents."));
      return true;
    }
    Element intro = Html.muted("Kept documents after ");
    intro.appendChild(Html.text("b", dist.path("stage").asText()));
    intro.appendText("; quantiles and histograms from KLL sketches, distinct counts from HLL "
        + "sketches, top hosts from a frequent-items sketch (Apache DataSketches), merged "
        + "across partitions.");
    h.appendChild(intro);
    JsonNode labels = dist.path("labels");
    JsonNode overall = null;
    for (JsonNode d : dist.path("domains")) overall = d;
    TreeSet<String> metrics = new TreeSet<>();
    for (JsonNode d : dist.path("domains")) {
      d.path("metrics").fieldNames().forEachRemaining(metrics::add);
    }
    for (String m : metrics) {
      String label = m.equals(Distributions.CHARS) ? "length in characters"
          : labels.path(m).asText(m);
      h.appendChild(Html.text("h3", label));
      JsonNode om = overall == null ? null : overall.path("metrics").path(m);
      if (om != null && om.has("histogram")) {
        h.appendChild(Html.figure(Svg.histogram(label + ", "
            + overall.path("domain").asText().replace("*", "all domains"),
            doubles(om.path("histogram").path("edges")),
            longs(om.path("histogram").path("counts")), om.path("log_bins").asBoolean()), null));
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode d : dist.path("domains")) {
        JsonNode x = d.path("metrics").path(m);
        if (x.isMissingNode()) continue;
        List<String> r = new ArrayList<>(List.of(d.path("domain").asText().replace("*", "all"),
            Fmt.count(x.path("n").asLong()), Svg.num(x.path("min").asDouble())));
        for (double q : Distributions.RANKS) {
          r.add(Svg.num(x.path("quantiles").path(Fmt.of("p%02d", Math.round(q * 100)))
              .asDouble()));
        }
        r.add(Svg.num(x.path("max").asDouble()));
        rows.add(r);
      }
      h.appendChild(Html.table("quantiles", List.of("domain", "n", "min", "p1", "p10", "p25",
          "median", "p75", "p90", "p99", "max"), rows));
    }
    h.appendChild(Html.text("h3", "Distinct counts and top hosts"));
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode d : dist.path("domains")) {
      JsonNode x = d.path("distinct");
      StringBuilder hosts = new StringBuilder();
      for (JsonNode t : d.path("top_hosts")) {
        if (hosts.length() > 0) hosts.append(", ");
        hosts.append(t.path("host").asText()).append(" (").append(t.path("docs").asLong())
            .append(')');
      }
      rows.add(List.of(d.path("domain").asText().replace("*", "all"),
          Fmt.count(x.path("urls").asLong()), Fmt.count(x.path("hosts").asLong()),
          Fmt.count(x.path("paragraphs").asLong()), hosts.toString()));
    }
    h.appendChild(Html.table("hosts", List.of("domain", "distinct URLs", "distinct hosts",
        "distinct paragraphs", "top hosts (docs)"), rows));
    return true;
  }

  private static double[] doubles(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
    return v;
  }

  private static long[] longs(JsonNode a) {
    long[] v = new long[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).asLong();
    return v;
  }
}
