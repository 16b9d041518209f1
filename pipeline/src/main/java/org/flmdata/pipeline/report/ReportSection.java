package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * One section of {@code report/index.html}, rendered from stats.json alone so the page can be
 * rebuilt or compared without Spark. The report's own sections (run, funnel, rules, ...) and the
 * stages' ({@link org.flmdata.pipeline.Stage#reportSections}) are all of this kind; the page lists
 * in its navigation every section that has content.
 *
 * @param id the section's anchor ({@code <section id>}); stable, pages link to it
 * @param title the section's name in the navigation
 * @param body fills the section from stats.json
 * @param funnelTokens tokens per domain the section's stage wrote, for the funnel's {@code tokens}
 *     column on that stage's row (the tokenize stage's shards); empty for most sections
 */
public record ReportSection(String id, String title, Body body,
    Function<JsonNode, Map<String, Long>> funnelTokens) {

  /** What a section holds. */
  @FunctionalInterface
  public interface Body {
    /**
     * Appends the section's heading and content to {@code section} (text through {@link Html},
     * so it is escaped by construction); false when {@code stats} holds nothing for it.
     */
    boolean fill(Element section, JsonNode stats);
  }

  /** A section without funnel tokens. */
  public static ReportSection of(String id, String title, Body body) {
    return new ReportSection(id, title, body, stats -> Map.of());
  }

  /** This section, reporting {@code tokens} in the funnel. */
  public ReportSection withFunnelTokens(Function<JsonNode, Map<String, Long>> tokens) {
    return new ReportSection(id, title, body, tokens);
  }

  /** The section element, or null when it has no content. */
  public Element render(JsonNode stats) {
    Element section = new Element("section").attr("id", id);
    return body.fill(section, stats) ? section : null;
  }
}
