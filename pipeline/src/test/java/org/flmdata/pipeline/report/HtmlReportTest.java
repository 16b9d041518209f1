package org.flmdata.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.SettingsSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A stage whose page section shows its {@code extra.note} and reports 77 tokens for domain A. */
  static final class Noting implements Stage {
    @Override
    public String name() {
      return "noting";
    }

    @Override
    public SettingsSpec section() {
      return new SettingsSpec(name(), List.of());
    }

    @Override
    public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
      throw new UnsupportedOperationException("report only");
    }

    @Override
    public List<ReportSection> reportSections() {
      return List.of(ReportSection.of("note", "Note", (section, stats) -> {
        JsonNode note = stats.path("stages").path(0).path("extra").path("note");
        if (note.isMissingNode()) return false;
        Html.heading(section, "Note").appendChild(Html.text("p", note.asText()));
        return true;
      }).withFunnelTokens(stats -> Map.of("A", 77L)));
    }
  }

  /** stats.json with one stage "noting", one domain A, one rejected sample of hostile text. */
  static ObjectNode stats(String sampleText, String note) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", 2);
    root.putObject("run").put("output", "out/<run>").put("written_at", "now")
        .putArray("domains").add("A");
    ObjectNode st = root.putArray("stages").addObject().put("name", "noting");
    st.putObject("total").put("docs_in", 2).put("docs_kept", 1).put("docs_rejected", 1)
        .putObject("rejected").put("rule/why", 1);
    st.putArray("rows").addObject().put("domain", "A").put("lang", "en").put("docs_in", 2)
        .put("docs_kept", 1).put("docs_rejected", 1).put("bytes_in", 10).put("bytes_out", 5);
    ArrayNode samples = st.putArray("samples");
    samples.addObject().put("rule", "rule/why").put("domain", "A").put("lang", "en")
        .put("id", "d&1").put("text", sampleText);
    if (note != null) st.putObject("extra").put("note", note);
    return root;
  }

  @Test
  void textIsEscapedByConstructionAndControlCharactersReplaced() {
    String hostile = "<script>alert(1)</script> & \u0000 \"quoted\"";
    String html = HtmlReport.render(stats(hostile, null), null, List.of(new Noting()));
    assertFalse(html.contains("<script"), "no markup from data");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \uFFFD"), html);
    assertFalse(html.contains("\u0000"));
    // the page parsed back holds the sample's text as text, the NUL replaced
    String pre = Jsoup.parse(html).selectFirst("#samples pre").text();
    assertEquals(hostile.replace('\u0000', '\uFFFD'), pre);
    assertTrue(html.startsWith("<!doctype html>"), html.substring(0, 40));
    assertTrue(html.contains(":root{--fg:"), "the style sheet inlined from report.css");
  }

  @Test
  void aStageSectionIsListedOnlyWhenItRendersAndFillsTheFunnelsTokens() {
    String without = HtmlReport.render(stats("x", null), null, List.of(new Noting()));
    assertNull(Jsoup.parse(without).getElementById("note"));
    assertFalse(without.contains("href=\"#note\""));

    String with = HtmlReport.render(stats("x", "a <b>note</b>"), null, List.of(new Noting()));
    org.jsoup.nodes.Document page = Jsoup.parse(with);
    Element note = page.getElementById("note");
    assertNotNull(note);
    assertEquals("a <b>note</b>", note.selectFirst("p").text());
    List<String> nav = page.select("nav a").eachAttr("href");
    // the report's own sections, the stage's after the distributions, then counters and samples
    assertEquals(List.of("#run", "#funnel", "#rules", "#distributions", "#note", "#counters",
        "#samples"), nav);
    Element row = page.selectFirst("#funnel table.funnel tbody tr");
    assertEquals(Svg.num(77), row.child(7).text(), "tokens column of the stage's row");
  }
}
