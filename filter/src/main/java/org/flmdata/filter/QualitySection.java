package org.flmdata.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.pipeline.report.Fmt;
import org.flmdata.pipeline.report.Html;
import org.flmdata.pipeline.report.ReportSection;
import org.flmdata.pipeline.report.Svg;
import org.jsoup.nodes.Element;

/**
 * The report's quality section, from this stage's {@code extra.quality} in stats.json ({@link
 * QualityStats}): per domain and language, the quality scores of kept and rejected documents as
 * grouped bars over equal bins of [0, 1] with their counts, and the lowest-scored documents the
 * quality rule rejected, with their scores. Absent when no document was scored.
 */
final class QualitySection {
  /** The section ({@code #quality}, "Quality" in the navigation). */
  static final ReportSection SECTION = ReportSection.of("quality", "Quality", QualitySection::fill);

  private QualitySection() {}

  /** The filter stage's quality figures, or null. */
  static JsonNode of(JsonNode stats) {
    for (JsonNode s : stats.path("stages")) {
      JsonNode q = s.path("extra").path("quality");
      if (q.has("rows")) return q;
    }
    return null;
  }

  static boolean fill(Element h, JsonNode stats) {
    JsonNode q = of(stats);
    if (q == null) return false;
    int bins = q.path("bins").asInt(20);
    Html.heading(h, "Quality scores");
    h.appendChild(Html.muted("Scores of the filter stage's fastText quality models (meta.quality)"
        + " per domain and language, over " + bins + " equal bins of [0, 1]: kept and rejected"
        + " documents."));
    List<List<String>> table = new ArrayList<>();
    for (JsonNode r : q.path("rows")) {
      String name = r.path("domain").asText() + " " + r.path("lang").asText();
      double[] kept = values(r.path("kept"), bins);
      double[] rejected = values(r.path("rejected"), bins);
      List<String> cats = new ArrayList<>();
      for (int i = 0; i < bins; i++) cats.add(Fmt.of("%.2f", (double) i / bins));
      h.appendChild(Html.text("h3", name));
      h.appendChild(Html.figure(Svg.groupedBars("quality scores, " + name, cats,
          List.of(new Svg.Series("kept", kept), new Svg.Series("rejected", rejected))), null));
      long k = sum(kept);
      long x = sum(rejected);
      table.add(List.of(r.path("domain").asText(), r.path("lang").asText(), Fmt.count(k + x),
          Fmt.count(k), Fmt.count(x), Fmt.of("%.1f%%", k + x == 0 ? 0.0 : 100.0 * x / (k + x))));
    }
    h.appendChild(Html.table("quality", List.of("domain", "lang", "scored", "kept", "rejected",
        "rejected share"), table));
    JsonNode samples = q.path("rejected_samples");
    if (!samples.isEmpty()) {
      h.appendChild(Html.text("h3", "Lowest-scored rejections"));
      for (JsonNode x : samples) {
        String where = x.path("url").asText().isEmpty() ? x.path("id").asText()
            : x.path("url").asText();
        h.appendChild(Html.quote(List.of(x.path("domain").asText(), x.path("lang").asText(),
            "score " + Fmt.of("%.4f", x.path("score").asDouble()), x.path("rule").asText(),
            where), x.path("text").asText()));
      }
    }
    return true;
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
