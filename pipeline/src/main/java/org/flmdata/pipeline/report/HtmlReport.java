package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Stage;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * {@code report/index.html}: one self-contained page (inline CSS and SVG, no script, no font or
 * image files, no link that leaves the page) rendered from stats.json alone, so it can be rebuilt
 * or compared without Spark. Sections, each a {@link ReportSection}: run facts, the funnel per
 * domain with the ledger's reconciliation, removals per rule, distributions, then every stage's
 * own sections in stage order ({@link Stage#reportSections}: quality scores, duplicates, the
 * mixture, tokenizer compression), stage counters, rejected samples and, given another run, the
 * differences. The markup is built as jsoup elements, so every text is escaped by construction;
 * the style sheet is the resource {@code report.css}.
 */
public final class HtmlReport {
  private static final String CSS = css();

  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param stats this run's stats.json
   * @param other another run's stats.json to compare with, or null
   * @param stages the pipeline's stages, in order: their report sections go on the page
   */
  public static String render(JsonNode stats, JsonNode other, List<Stage> stages) {
    Map<String, Map<String, Long>> tokens = new LinkedHashMap<>();
    List<ReportSection> stageSections = new ArrayList<>();
    for (Stage s : stages) {
      for (ReportSection r : s.reportSections()) {
        stageSections.add(r);
        Map<String, Long> t = r.funnelTokens().apply(stats);
        if (!t.isEmpty()) tokens.computeIfAbsent(s.name(), k -> new LinkedHashMap<>()).putAll(t);
      }
    }
    List<ReportSection> sections = new ArrayList<>(List.of(
        ReportSection.of("run", "Run", RunSection::fill),
        ReportSection.of("funnel", "Funnel", (h, st) -> FunnelSection.fill(h, st, tokens)),
        ReportSection.of("rules", "Rules", RulesSection::fill),
        ReportSection.of("distributions", "Distributions", DistributionsSection::fill)));
    sections.addAll(stageSections);
    sections.add(ReportSection.of("counters", "Counters", CountersSection::fill));
    sections.add(ReportSection.of("samples", "Rejected samples", SamplesSection::fill));
    if (other != null) {
      sections.add(ReportSection.of("compare", "Compare",
          (h, st) -> ComparisonSection.fill(h, st, other)));
    }

    String output = stats.path("run").path("output").asText();
    Document doc = new Document("");
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    doc.appendChild(new DocumentType("html", "", ""));
    Element html = doc.appendElement("html").attr("lang", "en");
    Element head = html.appendElement("head");
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta").attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    head.appendChild(Html.text("title", "flmdata report: " + output));
    head.appendElement("style").appendChild(new DataNode(CSS));
    Element body = html.appendElement("body");
    Element header = body.appendElement("header");
    header.appendChild(Html.text("h1", "Data run report"));
    header.appendChild(Html.muted(output + " \u00b7 written "
        + stats.path("run").path("written_at").asText()));
    Element nav = header.appendElement("nav");
    Element main = body.appendElement("main");
    for (ReportSection s : sections) {
      Element rendered = s.render(stats);
      if (rendered == null) continue;
      nav.appendChild(Html.text("a", s.title()).attr("href", "#" + s.id()));
      nav.appendText(" ");
      main.appendChild(rendered);
    }
    return doc.outerHtml() + "\n";
  }

  private static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) throw new IllegalStateException("report.css missing from the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
