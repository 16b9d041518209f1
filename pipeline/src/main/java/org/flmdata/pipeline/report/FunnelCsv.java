package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The funnel as CSV for spreadsheets, from stats.json: one row per stage, domain, language and
 * outcome ({@code kept}, or a rejection key {@code rule/reason}) with documents and bytes, so a
 * pivot table rebuilds every view of the report. RFC 4180 quoting.
 */
public final class FunnelCsv {
  public static final String HEADER = "stage,domain,lang,outcome,docs,bytes";

  private FunnelCsv() {}

  public static String of(JsonNode stats) {
    StringBuilder s = new StringBuilder(HEADER).append("\r\n");
    for (JsonNode st : stats.path("stages")) {
      String stage = st.path("name").asText();
      for (JsonNode r : st.path("rows")) {
        String prefix = cell(stage) + "," + cell(r.path("domain").asText()) + ","
            + cell(r.path("lang").asText()) + ",";
        s.append(prefix).append("kept,").append(r.path("docs_kept").asLong()).append(',')
            .append(r.path("bytes_kept").asLong()).append("\r\n");
        JsonNode bytes = r.path("rejected_bytes");
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("rejected").fields();
            it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          s.append(prefix).append(cell(e.getKey())).append(',').append(e.getValue().asLong())
              .append(',').append(bytes.path(e.getKey()).asLong()).append("\r\n");
        }
      }
    }
    return s.toString();
  }

  static String cell(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
