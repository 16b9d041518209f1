package org.flmdata.mix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.pipeline.report.Fmt;
import org.flmdata.pipeline.report.Html;
import org.flmdata.pipeline.report.ReportSection;
import org.flmdata.pipeline.report.Svg;
import org.jsoup.nodes.Element;

/** The report's mixture: the plan in Tele-FLM Table 1's layout, achieved shares beside targets. */
final class MixSection {
  /** The section ({@code #mix}, "Mixture" in the navigation). */
  static final ReportSection SECTION = ReportSection.of("mix", "Mixture", MixSection::fill);

  private MixSection() {}

  static boolean fill(Element h, JsonNode stats) {
    JsonNode mix = stats.path("mix");
    if (!mix.isArray()) return false;
    Html.heading(h, "Mixture");
    List<List<String>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    double[] target = new double[mix.size()];
    double[] achieved = new double[mix.size()];
    int i = 0;
    for (JsonNode d : mix) {
      names.add(d.path("domain").asText());
      target[i] = d.path("target_share").asDouble() * 100;
      achieved[i] = d.path("achieved_share").asDouble() * 100;
      rows.add(List.of(d.path("domain").asText(), Svg.num(d.path("available_tokens").asDouble()),
          Fmt.of("%.2f%%", target[i]), Fmt.of("%.2f%%", achieved[i]),
          Fmt.of("%.2f", d.path("epochs").asDouble())));
      i++;
    }
    h.appendChild(Html.figure(Svg.groupedBars("Target and achieved share of training tokens (%)",
        names, List.of(new Svg.Series("target %", target),
            new Svg.Series("achieved %", achieved))), null));
    h.appendChild(Html.table("mix", List.of("domain", "available tokens", "target share",
        "achieved share", "epochs"), rows));
    return true;
  }
}
