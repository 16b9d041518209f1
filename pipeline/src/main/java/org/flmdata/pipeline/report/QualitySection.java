package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's quality section, from the filter stage's {@code extra.quality} in stats.json: per
 * domain and language, the quality scores of kept and rejected documents as grouped bars over
 * equal bins of [0, 1] with their counts, and the lowest-scored documents the quality rule
 * rejected, with their scores. Absent when no document was scored.
 */
final class QualitySection {
  private QualitySection() {}

  /** The filter stage's quality figures, or null. */
  static JsonNode of(JsonNode stats) {
    for (JsonNode s : stats.path("stages")) {
      JsonNode q = s.path("extra").path("quality");
      if (q.has("rows")) return q;
    }
    return null;
  }

  static void render(StringBuilder h, JsonNode stats) {
    JsonNode q = of(stats);
    if (q == null) return;
    int bins = q.path("bins").asInt(20);
    h.append("<section id=\"quality\"><h2>Quality scores</h2><p class=\"muted\">Scores of the "
        + "filter stage's fastText quality models (meta.quality) per domain and language, over "
        + bins + " equal bins of [0, 1]: kept and rejected documents.</p>");
    List<List<String>> table = new ArrayList<>();
    for (JsonNode r : q.path("rows")) {
      String name = r.path("domain").asText() + " " + r.path("lang").asText();
      double[] kept = values(r.path("kept"), bins);
      double[] rejected = values(r.path("rejected"), bins);
      List<String> cats = new ArrayList<>();
      for (int i = 0; i < bins; i++) {
        cats.add(String.format(Locale.ROOT, "%.2f", (double) i / bins));
      }
      h.append("<h3>").append(Html.esc(name)).append("</h3><figure>")
          .append(Svg.groupedBars("quality scores, " + name, cats,
              List.of(new Svg.Series("kept", kept), new Svg.Series("rejected", rejected))))
          .append("</figure>");
      long k = sum(kept);
      long x = sum(rejected);
      table.add(List.of(r.path("domain").asText(), r.path("lang").asText(),
          HtmlReport.fmt(k + x), HtmlReport.fmt(k), HtmlReport.fmt(x),
          String.format(Locale.ROOT, "%.1f%%", k + x == 0 ? 0.0 : 100.0 * x / (k + x))));
    }
    h.append(Html.table("quality", List.of("domain", "lang", "scored", "kept", "rejected",
        "rejected share"), table));
    JsonNode samples = q.path("rejected_samples");
    if (!samples.isEmpty()) {
      h.append("<h3>Lowest-scored rejections</h3>");
      for (JsonNode x : samples) {
        h.append("<blockquote><p class=\"muted\">").append(Html.esc(x.path("domain").asText()))
            .append(" &middot; ").append(Html.esc(x.path("lang").asText())).append(" &middot; ")
            .append("score ").append(Html.esc(String.format(Locale.ROOT, "%.4f",
                x.path("score").asDouble()))).append(" &middot; ")
            .append(Html.esc(x.path("rule").asText())).append(" &middot; ")
            .append(Html.esc(x.path("url").asText().isEmpty() ? x.path("id").asText()
                : x.path("url").asText()))
            .append("</p><pre>").append(Html.esc(x.path("text").asText())).append("</pre>")
            .append("</blockquote>");
      }
    }
    h.append("</section>");
  }

  private static double[] values(JsonNode a, int bins) {
    double[] v = new double[bins];
    for (int i = 0; i < bins && i < a.size(); i++) v[i] = a.get(i).asDouble();
    return v;
  }

  private static long sum(double[] v) {
    long s = 0;
    for (double d : v) s += (long) d;
    return s;
  }
}
