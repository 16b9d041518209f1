package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * One section of {@code report/index.html}, rendered from stats.json alone so the page can be
 * rebuilt or compared without Spark. The report's own sections (run, funnel, rules, ...) and the
 * stages' ({@link org.flmdata.pipeline.Stage#reportSections}) are all of this kind; the page lists
 * in its navigation every section that renders.
 */
public abstract class ReportSection {
  private final String id;
  private final String title;

  /**
   * @param id the section's anchor ({@code <section id>}); stable, pages link to it
   * @param title the section's name in the navigation
   */
  protected ReportSection(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public final String id() {
    return id;
  }

  public final String title() {
    return title;
  }

  /**
   * The section ({@link Html#section} is the usual start), or null when {@code stats} holds
   * nothing for it; text goes in as text ({@link Html}), so it is escaped by construction.
   */
  public abstract Element render(JsonNode stats);

  /**
   * Tokens per domain this section's stage wrote, for the funnel's {@code tokens} column on the
   * stage's row (the tokenize stage's shards); empty by default.
   */
  public Map<String, Long> funnelTokens(JsonNode stats) {
    return Map.of();
  }
}
