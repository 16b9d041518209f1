package org.flmdata.tokenize.stage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.report.Fmt;
import org.flmdata.pipeline.report.Html;
import org.flmdata.pipeline.report.ReportSection;
import org.jsoup.nodes.Element;

/**
 * The report's tokenizer compression per domain, language and split (stats.json's {@code
 * compression}, from the shard manifest), Tele-FLM Table 3's layout: bytes per token turn a
 * model's loss on a split into bits per byte. Its tokens per domain fill the funnel's column.
 */
final class CompressionSection {
  static final String KEY = "compression";

  /** The section ({@code #compression}, "Compression" in the navigation). */
  static final ReportSection SECTION =
      ReportSection.of(KEY, "Compression", CompressionSection::fill)
          .withFunnelTokens(CompressionSection::funnelTokens);

  private CompressionSection() {}

  static boolean fill(Element h, JsonNode stats) {
    JsonNode c = stats.path(KEY);
    if (!c.isArray()) return false;
    Html.heading(h, "Tokenizer compression");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : c) {
      rows.add(List.of(r.path("domain").asText(), r.path("lang").asText(),
          r.path("split").asText("train"), Fmt.count(r.path("docs").asLong()),
          Fmt.bytes(r.path("bytes").asLong()), Fmt.count(r.path("tokens").asLong()),
          Fmt.of("%.4f", r.path("tokens_per_byte").asDouble()),
          Fmt.of("%.3f", r.path("bytes_per_token").asDouble())));
    }
    h.appendChild(Html.table("compression", List.of("domain", "lang", "split", "docs",
        "bytes", "tokens", "tokens per byte", "bytes per token"), rows));
    return true;
  }

  static Map<String, Long> funnelTokens(JsonNode stats) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JsonNode r : stats.path(KEY)) {
      m.merge(r.path("domain").asText(), r.path("tokens").asLong(), Long::sum);
    }
    return m;
  }
}
