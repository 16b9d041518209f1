package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.nodes.Element;

/**
 * The funnel: a chart of kept documents per stage and domain, then per domain a table of every
 * stage's documents and bytes in and out with the ledger's reconciliation (in = kept + rejected),
 * and, with more than one language, the same by language.
 */
final class FunnelSection {
  private FunnelSection() {}

  static boolean fill(Element h, JsonNode stats, Map<String, Map<String, Long>> tokens) {
    Html.heading(h, "Funnel");
    List<String> stageNames = new ArrayList<>();
    Map<String, Map<String, long[]>> byDomain = new TreeMap<>();
    for (JsonNode s : stats.path("stages")) {
      String name = s.path("name").asText();
      stageNames.add(name);
      for (JsonNode r : s.path("rows")) {
        long[] f = byDomain.computeIfAbsent(r.path("domain").asText(), k -> new TreeMap<>())
            .computeIfAbsent(name, k -> new long[5]);
        f[0] += r.path("docs_in").asLong();
        f[1] += r.path("docs_kept").asLong();
        f[2] += r.path("docs_rejected").asLong();
        f[3] += r.path("bytes_in").asLong();
        f[4] += r.path("bytes_out").asLong();
      }
    }
    if (stageNames.isEmpty()) {
      h.appendChild(Html.text("p", "No stage has complete output yet."));
      return true;
    }
    List<Svg.Series> series = new ArrayList<>();
    for (String stage : stageNames) {
      double[] v = new double[byDomain.size()];
      int i = 0;
      for (Map<String, long[]> f : byDomain.values()) {
        long[] x = f.get(stage);
        v[i++] = x == null ? 0 : x[1];
      }
      series.add(new Svg.Series(stage + " kept", v));
    }
    String caption = "Documents kept after each stage, per domain";
    h.appendChild(Html.figure(Svg.groupedBars(caption, new ArrayList<>(byDomain.keySet()), series),
        caption));
    for (Map.Entry<String, Map<String, long[]>> d : byDomain.entrySet()) {
      List<List<String>> rows = new ArrayList<>();
      for (String stage : stageNames) {
        long[] f = d.getValue().get(stage);
        if (f == null) {
          rows.add(List.of(stage, "0", "0", "0", "-", "0", "0", "", "no documents"));
          continue;
        }
        boolean ok = f[0] == f[1] + f[2];
        Long tok = tokens.getOrDefault(stage, Map.of()).get(d.getKey());
        rows.add(List.of(stage, Fmt.count(f[0]), Fmt.count(f[1]), Fmt.count(f[2]),
            Fmt.pct(f[1], f[0]), Fmt.bytes(f[3]), Fmt.bytes(f[4]),
            tok == null ? "" : Svg.num(tok), ok ? "in = kept + rejected" : "DOES NOT RECONCILE"));
      }
      h.appendChild(Html.text("h3", d.getKey()));
      h.appendChild(Html.table("funnel", List.of("stage", "docs in", "kept", "rejected",
          "kept share", "bytes in", "bytes out", "tokens", "ledger"), rows));
      Element langs = langTable(stats, d.getKey());
      if (langs != null) h.appendChild(langs);
    }
    return true;
  }

  private static Element langTable(JsonNode stats, String domain) {
    TreeSet<String> langs = new TreeSet<>();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode s : stats.path("stages")) {
      for (JsonNode r : s.path("rows")) {
        if (!r.path("domain").asText().equals(domain)) continue;
        langs.add(r.path("lang").asText());
        rows.add(List.of(s.path("name").asText(), r.path("lang").asText(),
            Fmt.count(r.path("docs_in").asLong()), Fmt.count(r.path("docs_kept").asLong()),
            Fmt.bytes(r.path("bytes_out").asLong())));
      }
    }
    if (langs.size() < 2) return null;
    Element details = Html.el("details");
    details.appendChild(Html.text("summary", "By language"));
    details.appendChild(Html.table("langs",
        List.of("stage", "lang", "docs in", "kept", "bytes out"), rows));
    return details;
  }
}
