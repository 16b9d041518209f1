package org.flmdata.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code report/index.html}: one self-contained page (inline CSS and SVG, no script, no font or
 * image files, no link that leaves the page) rendered from stats.json alone, so it can be rebuilt
 * or compared without Spark. Sections: run facts, the funnel per domain with the ledger's
 * reconciliation, removals per rule, distributions, quality scores ({@link QualitySection}),
 * hosts, the mixture plan (Table 1 layout),
 * tokenizer compression (Table 3 layout), stage counters, rejected samples, and, given another
 * run, the differences.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param stats this run's stats.json
   * @param other another run's stats.json to compare with, or null
   */
  public static String render(JsonNode stats, JsonNode other) {
    StringBuilder h = new StringBuilder(64 * 1024);
    JsonNode run = stats.path("run");
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>flmdata report: ").append(Html.esc(run.path("output").asText()))
        .append("</title><style>").append(CSS).append("</style></head><body>");
    h.append("<header><h1>Data run report</h1><p class=\"muted\">")
        .append(Html.esc(run.path("output").asText())).append(" &middot; written ")
        .append(Html.esc(run.path("written_at").asText())).append("</p>").append(nav(stats, other))
        .append("</header><main>");
    runFacts(h, stats);
    funnel(h, stats);
    rejections(h, stats);
    distributions(h, stats);
    QualitySection.render(h, stats);
    duplicates(h, stats);
    mix(h, stats);
    compression(h, stats);
    counters(h, stats);
    samples(h, stats);
    if (other != null) comparison(h, stats, other);
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static String nav(JsonNode stats, JsonNode other) {
    StringBuilder n = new StringBuilder("<nav>");
    String[][] items = {{"run", "Run"}, {"funnel", "Funnel"}, {"rules", "Rules"},
        {"distributions", "Distributions"}, {"quality", "Quality"},
        {"duplicates", "Duplicates"}, {"mix", "Mixture"}, {"compression", "Compression"},
        {"counters", "Counters"}, {"samples", "Rejected samples"}, {"compare", "Compare"}};
    for (String[] it : items) {
      if (it[0].equals("mix") && !stats.has("mix")) continue;
      if (it[0].equals("duplicates") && dedupExtra(stats) == null) continue;
      if (it[0].equals("quality") && QualitySection.of(stats) == null) continue;
      if (it[0].equals("compression") && !stats.has("compression")) continue;
      if (it[0].equals("compare") && other == null) continue;
      n.append("<a href=\"#").append(it[0]).append("\">").append(it[1]).append("</a> ");
    }
    return n.append("</nav>").toString();
  }

  private static void runFacts(StringBuilder h, JsonNode stats) {
    JsonNode run = stats.path("run");
    h.append("<section id=\"run\"><h2>Run</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (String k : List.of("config", "output", "seed", "flmdata_version", "spark_version",
        "java_version", "written_at")) {
      if (run.has(k)) rows.add(List.of(k, run.path(k).asText()));
    }
    rows.add(List.of("schema_version", stats.path("schema_version").asText()));
    h.append(Html.table("facts", List.of("fact", "value"), rows));
    List<List<String>> st = new ArrayList<>();
    for (JsonNode s : stats.path("stages")) {
      st.add(List.of(s.path("name").asText(), s.path("input_stage").asText("(inputs)"),
          s.path("config_hash").asText(), duration(s.path("millis").asLong())));
    }
    h.append("<h3>Stages</h3>")
        .append(Html.table("stages", List.of("stage", "reads", "config hash", "time"), st));
    List<List<String>> in = new ArrayList<>();
    for (JsonNode i : run.path("inputs")) {
      in.add(List.of(i.path("domain").asText(), i.path("source").asText(),
          i.path("format").asText(), i.path("path").asText()));
    }
    if (!in.isEmpty()) {
      h.append("<h3>Inputs</h3>")
          .append(Html.table("inputs", List.of("domain", "source", "format", "path"), in));
    }
    h.append("</section>");
  }

  /** Funnel: overall chart of kept docs per stage and domain, then a table per domain. */
  private static void funnel(StringBuilder h, JsonNode stats) {
    h.append("<section id=\"funnel\"><h2>Funnel</h2>");
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
      h.append("<p>No stage has complete output yet.</p></section>");
      return;
    }
    Map<String, Long> tokens = tokensByDomain(stats);
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
    h.append("<figure>").append(Svg.groupedBars("Documents kept after each stage, per domain",
        new ArrayList<>(byDomain.keySet()), series))
        .append("<figcaption>Documents kept after each stage, per domain</figcaption></figure>");
    for (Map.Entry<String, Map<String, long[]>> d : byDomain.entrySet()) {
      List<List<String>> rows = new ArrayList<>();
      for (String stage : stageNames) {
        long[] f = d.getValue().get(stage);
        if (f == null) {
          rows.add(List.of(stage, "0", "0", "0", "-", "0", "0", "", "no documents"));
          continue;
        }
        boolean ok = f[0] == f[1] + f[2];
        String tok = stage.equals("tokenize") && tokens.containsKey(d.getKey())
            ? Svg.num(tokens.get(d.getKey())) : "";
        rows.add(List.of(stage, fmt(f[0]), fmt(f[1]), fmt(f[2]), pct(f[1], f[0]), bytes(f[3]),
            bytes(f[4]), tok, ok ? "in = kept + rejected" : "DOES NOT RECONCILE"));
      }
      h.append("<h3>").append(Html.esc(d.getKey())).append("</h3>")
          .append(Html.table("funnel", List.of("stage", "docs in", "kept", "rejected",
              "kept share", "bytes in", "bytes out", "tokens", "ledger"), rows));
      h.append(langTable(stats, d.getKey()));
    }
    h.append("</section>");
  }

  private static String langTable(JsonNode stats, String domain) {
    TreeSet<String> langs = new TreeSet<>();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode s : stats.path("stages")) {
      for (JsonNode r : s.path("rows")) {
        if (!r.path("domain").asText().equals(domain)) continue;
        langs.add(r.path("lang").asText());
        rows.add(List.of(s.path("name").asText(), r.path("lang").asText(),
            fmt(r.path("docs_in").asLong()), fmt(r.path("docs_kept").asLong()),
            bytes(r.path("bytes_out").asLong())));
      }
    }
    if (langs.size() < 2) return "";
    return "<details><summary>By language</summary>" + Html.table("langs",
        List.of("stage", "lang", "docs in", "kept", "bytes out"), rows) + "</details>";
  }

  /** Removals per rule: a bar chart per stage and the table with documents and bytes. */
  private static void rejections(StringBuilder h, JsonNode stats) {
    h.append("<section id=\"rules\"><h2>Removed by rule</h2>");
    for (JsonNode s : stats.path("stages")) {
      JsonNode total = s.path("total");
      Map<String, long[]> rules = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = total.path("rejected").fields();
          it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        rules.put(e.getKey(), new long[] {e.getValue().asLong(),
            total.path("rejected_bytes").path(e.getKey()).asLong()});
      }
      h.append("<h3>").append(Html.esc(s.path("name").asText())).append("</h3>");
      if (rules.isEmpty()) {
        h.append("<p class=\"muted\">No document removed.</p>");
        continue;
      }
      long in = total.path("docs_in").asLong();
      List<Svg.Bar> bars = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      rules.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .forEach(e -> {
            bars.add(new Svg.Bar(e.getKey(), e.getValue()[0],
                fmt(e.getValue()[0]) + " (" + pct(e.getValue()[0], in) + ")"));
            rows.add(List.of(e.getKey(), fmt(e.getValue()[0]), pct(e.getValue()[0], in),
                bytes(e.getValue()[1])));
          });
      h.append("<figure>").append(Svg.hbars("Documents removed per rule in "
          + s.path("name").asText(), bars)).append("</figure>");
      h.append(Html.table("rules", List.of("rule/reason", "docs", "share of docs in", "bytes"),
          rows));
    }
    h.append("</section>");
  }

  private static void distributions(StringBuilder h, JsonNode stats) {
    JsonNode dist = stats.path("distributions");
    h.append("<section id=\"distributions\"><h2>Distributions</h2>");
    if (dist.isMissingNode()) {
      h.append("<p class=\"muted\">No documents.</p></section>");
      return;
    }
    h.append("<p class=\"muted\">Kept documents after <b>")
        .append(Html.esc(dist.path("stage").asText()))
        .append("</b>; quantiles and histograms from KLL sketches, distinct counts from HLL "
            + "sketches, top hosts from a frequent-items sketch (Apache DataSketches), merged "
            + "across partitions.</p>");
    JsonNode labels = dist.path("labels");
    JsonNode overall = null;
    for (JsonNode d : dist.path("domains")) overall = d;
    TreeSet<String> metrics = new TreeSet<>();
    for (JsonNode d : dist.path("domains")) d.path("metrics").fieldNames().forEachRemaining(
        metrics::add);
    for (String m : metrics) {
      String label = m.equals(Distributions.CHARS) ? "length in characters"
          : labels.path(m).asText(m);
      h.append("<h3>").append(Html.esc(label)).append("</h3>");
      JsonNode om = overall == null ? null : overall.path("metrics").path(m);
      if (om != null && om.has("histogram")) {
        h.append("<figure>").append(Svg.histogram(label + ", " + overall.path("domain").asText()
            .replace("*", "all domains"), doubles(om.path("histogram").path("edges")),
            longs(om.path("histogram").path("counts")), om.path("log_bins").asBoolean()))
            .append("</figure>");
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode d : dist.path("domains")) {
        JsonNode x = d.path("metrics").path(m);
        if (x.isMissingNode()) continue;
        List<String> r = new ArrayList<>(List.of(d.path("domain").asText().replace("*", "all"),
            fmt(x.path("n").asLong()), Svg.num(x.path("min").asDouble())));
        for (double q : Distributions.RANKS) {
          r.add(Svg.num(x.path("quantiles").path(String.format(Locale.ROOT, "p%02d",
              Math.round(q * 100))).asDouble()));
        }
        r.add(Svg.num(x.path("max").asDouble()));
        rows.add(r);
      }
      h.append(Html.table("quantiles", List.of("domain", "n", "min", "p1", "p10", "p25",
          "median", "p75", "p90", "p99", "max"), rows));
    }
    h.append("<h3>Distinct counts and top hosts</h3>");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode d : dist.path("domains")) {
      JsonNode x = d.path("distinct");
      StringBuilder hosts = new StringBuilder();
      for (JsonNode t : d.path("top_hosts")) {
        if (hosts.length() > 0) hosts.append(", ");
        hosts.append(t.path("host").asText()).append(" (").append(t.path("docs").asLong())
            .append(')');
      }
      rows.add(List.of(d.path("domain").asText().replace("*", "all"),
          fmt(x.path("urls").asLong()), fmt(x.path("hosts").asLong()),
          fmt(x.path("paragraphs").asLong()), hosts.toString()));
    }
    h.append(Html.table("hosts", List.of("domain", "distinct URLs", "distinct hosts",
        "distinct paragraphs", "top hosts (docs)"), rows));
    h.append("</section>");
  }

  /** The dedup stage's statistics ({@code stages[].extra}), or null when it has none. */
  private static JsonNode dedupExtra(JsonNode stats) {
    for (JsonNode s : stats.path("stages")) {
      JsonNode x = s.path("extra");
      if (x.has("clusters")) return x;
    }
    return null;
  }

  /** Duplicates: removals per domain and source, cluster sizes, distinct shingles, samples. */
  private static void duplicates(StringBuilder h, JsonNode stats) {
    JsonNode x = dedupExtra(stats);
    if (x == null) return;
    h.append("<section id=\"duplicates\"><h2>Duplicates</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : x.path("removed")) {
      rows.add(List.of(r.path("domain").asText(), r.path("source").asText(),
          fmt(r.path("docs_in").asLong()), fmt(r.path("kept").asLong()),
          fmt(r.path("exact_dup").asLong()), fmt(r.path("near_dup").asLong()),
          fmt(r.path("exact_indexed").asLong()), fmt(r.path("near_indexed").asLong())));
    }
    h.append(Html.table("removed", List.of("domain", "source", "docs in", "kept", "exact dups",
        "near dups", "exact in index", "near in index"), rows));
    JsonNode c = x.path("clusters");
    h.append("<h3>Duplicate clusters</h3><p>").append(fmt(c.path("count").asLong()))
        .append(" clusters holding ").append(fmt(c.path("documents").asLong()))
        .append(" documents.</p>");
    List<Svg.Bar> bars = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("size_histogram").fields();
        it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      bars.add(new Svg.Bar("size " + e.getKey(), e.getValue().asLong(),
          fmt(e.getValue().asLong())));
    }
    if (!bars.isEmpty()) {
      h.append("<figure>").append(Svg.hbars("Clusters by size", bars)).append("</figure>");
    }
    List<List<String>> q = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("size_quantiles").fields();
        it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      q.add(List.of(e.getKey(), fmt(e.getValue().asLong())));
    }
    if (!q.isEmpty()) h.append(Html.table("quantiles", List.of("cluster size", "docs"), q));
    List<List<String>> sh = new ArrayList<>();
    for (JsonNode d : x.path("distinct_shingles")) {
      sh.add(List.of(d.path("lang").asText(), d.path("shingles").asText(),
          d.has("input") ? fmt(d.path("input").asLong()) : "", fmt(d.path("kept").asLong())));
    }
    if (!sh.isEmpty()) {
      h.append("<h3>Distinct shingles (CPC sketches)</h3>").append(Html.table("shingles",
          List.of("lang", "shingles", "before", "after"), sh));
    }
    for (JsonNode cl : x.path("sample_clusters")) {
      h.append("<div class=\"rule\"><h4>Cluster of ").append(cl.path("size").asLong())
          .append(" (").append(Html.esc(cl.path("chosen").asText())).append(")</h4><pre>");
      JsonNode sv = cl.path("survivor");
      h.append("kept     ").append(Html.esc(sv.path("id").asText())).append("  ")
          .append(Html.esc(sv.path("first_line").asText()));
      for (JsonNode m : cl.path("members")) {
        h.append("\nremoved  ").append(Html.esc(m.path("id").asText())).append("  ")
            .append(Html.esc(m.path("first_line").asText()));
      }
      h.append("</pre></div>");
    }
    h.append("</section>");
  }

  /** The mixture plan in Table 1's layout, with the achieved shares beside the targets. */
  private static void mix(StringBuilder h, JsonNode stats) {
    JsonNode mix = stats.path("mix");
    if (!mix.isArray()) return;
    h.append("<section id=\"mix\"><h2>Mixture</h2>");
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
          String.format(Locale.ROOT, "%.2f%%", target[i]),
          String.format(Locale.ROOT, "%.2f%%", achieved[i]),
          String.format(Locale.ROOT, "%.2f", d.path("epochs").asDouble())));
      i++;
    }
    h.append("<figure>").append(Svg.groupedBars("Target and achieved share of training tokens (%)",
        names, List.of(new Svg.Series("target %", target), new Svg.Series("achieved %",
            achieved)))).append("</figure>");
    h.append(Html.table("mix", List.of("domain", "available tokens", "target share",
        "achieved share", "epochs"), rows)).append("</section>");
  }

  /**
   * Tokenizer compression per domain, language and split (train, valid, test: bytes per token
   * turn a model's loss on that split into bits per byte), Table 3's layout.
   */
  private static void compression(StringBuilder h, JsonNode stats) {
    JsonNode c = stats.path("compression");
    if (!c.isArray()) return;
    h.append("<section id=\"compression\"><h2>Tokenizer compression</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode r : c) {
      rows.add(List.of(r.path("domain").asText(), r.path("lang").asText(),
          r.path("split").asText("train"), fmt(r.path("docs").asLong()), bytes(r.path("bytes").asLong()),
          fmt(r.path("tokens").asLong()),
          String.format(Locale.ROOT, "%.4f", r.path("tokens_per_byte").asDouble()),
          String.format(Locale.ROOT, "%.3f", r.path("bytes_per_token").asDouble())));
    }
    h.append(Html.table("compression", List.of("domain", "lang", "split", "docs", "bytes",
        "tokens", "tokens per byte", "bytes per token"), rows)).append("</section>");
  }

  private static void counters(StringBuilder h, JsonNode stats) {
    h.append("<section id=\"counters\"><h2>Stage counters</h2>");
    boolean any = false;
    for (JsonNode s : stats.path("stages")) {
      Map<String, Long> sum = new TreeMap<>();
      for (JsonNode c : s.path("counters")) {
        sum.merge(c.path("key").asText(), c.path("value").asLong(), Long::sum);
      }
      if (sum.isEmpty()) continue;
      any = true;
      List<List<String>> rows = new ArrayList<>();
      sum.forEach((k, v) -> rows.add(List.of(k, fmt(v))));
      h.append("<h3>").append(Html.esc(s.path("name").asText())).append("</h3>")
          .append(Html.table("counters", List.of("counter", "total"), rows));
    }
    if (!any) h.append("<p class=\"muted\">No counters.</p>");
    h.append("</section>");
  }

  private static void samples(StringBuilder h, JsonNode stats) {
    h.append("<section id=\"samples\"><h2>Rejected samples</h2><p class=\"muted\">A few "
        + "rejected documents per rule (first characters), among those whose text the run "
        + "kept.</p>");
    for (JsonNode s : stats.path("stages")) {
      JsonNode list = s.path("samples");
      if (list.isEmpty()) continue;
      h.append("<h3>").append(Html.esc(s.path("name").asText())).append("</h3>");
      String rule = null;
      for (JsonNode x : list) {
        if (!x.path("rule").asText().equals(rule)) {
          if (rule != null) h.append("</div>");
          rule = x.path("rule").asText();
          h.append("<div class=\"rule\"><h4>").append(Html.esc(rule)).append("</h4>");
        }
        h.append("<blockquote><p class=\"muted\">").append(Html.esc(x.path("domain").asText()))
            .append(" &middot; ").append(Html.esc(x.path("lang").asText())).append(" &middot; ")
            .append(Html.esc(x.path("id").asText()));
        if (!x.path("detail").asText().isEmpty()) {
          h.append(" &middot; ").append(Html.esc(x.path("detail").asText()));
        }
        h.append("</p><pre>").append(Html.esc(x.path("text").asText())).append("</pre>")
            .append("</blockquote>");
      }
      if (rule != null) h.append("</div>");
    }
    h.append("</section>");
  }

  private static void comparison(StringBuilder h, JsonNode stats, JsonNode other) {
    h.append("<section id=\"compare\"><h2>Compared with ")
        .append(Html.esc(other.path("run").path("output").asText())).append("</h2>");
    List<RunComparison.Diff> diffs = RunComparison.of(stats, other);
    if (diffs.isEmpty()) {
      h.append("<p>No difference in any stage, domain or rule.</p></section>");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RunComparison.Diff d : diffs) {
      Long delta = d.delta();
      rows.add(List.of(d.stage(), d.domain(), d.what(), d.other(), d.current(),
          delta == null ? "" : String.format(Locale.ROOT, "%+d", delta)));
    }
    h.append(Html.table("compare", List.of("stage", "domain", "figure", "other run", "this run",
        "change"), rows)).append("</section>");
  }

  private static Map<String, Long> tokensByDomain(JsonNode stats) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (JsonNode r : stats.path("compression")) {
      m.merge(r.path("domain").asText(), r.path("tokens").asLong(), Long::sum);
    }
    return m;
  }

  private static double[] doubles(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
    return v;
  }

  private static long[] longs(JsonNode a) {
    long[] v = new long[a.size()];
    for (int i = 0; i < v.length; i++) v[i] = a.get(i).asLong();
    return v;
  }

  static String fmt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String pct(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  static String bytes(long b) {
    if (b < 1024) return b + " B";
    String[] u = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int i = -1;
    while (v >= 1024 && i < u.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, u[i]);
  }

  static String duration(long millis) {
    if (millis <= 0) return "-";
    long s = millis / 1000;
    if (s < 60) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static final String CSS = """
      :root{--fg:#1d2125;--muted:#5f6b76;--line:#d9dee3;--bg:#fff;--accent:#3b6ea8}
      *{box-sizing:border-box}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
        color:var(--fg);background:var(--bg);margin:0}
      header{padding:16px 28px;border-bottom:1px solid var(--line);position:sticky;top:0;
        background:var(--bg);z-index:1}
      h1{margin:0;font-size:22px}h2{margin-top:36px;border-bottom:2px solid var(--accent);
        padding-bottom:4px}h3{margin-top:22px}h4{margin:12px 0 4px}
      nav a{margin-right:12px;color:var(--accent);text-decoration:none}
      main{padding:0 28px 40px;max-width:1200px}
      .muted{color:var(--muted)}
      table{border-collapse:collapse;margin:8px 0 12px;font-variant-numeric:tabular-nums}
      th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:right;
        vertical-align:top}
      th{background:#f3f5f7;font-weight:600}
      th:first-child,td:first-child{text-align:left}
      table.facts td,table.inputs td,table.stages td,table.hosts td:last-child{text-align:left}
      figure{margin:10px 0}figcaption{color:var(--muted);font-size:12px}
      svg.chart{max-width:100%;height:auto;font-size:11px;font-family:inherit}
      svg.chart text{fill:var(--fg)}svg.chart .muted{fill:var(--muted)}
      svg.chart line.grid{stroke:var(--line);stroke-width:1}
      blockquote{margin:6px 0 10px;padding:4px 12px;border-left:3px solid var(--line)}
      pre{white-space:pre-wrap;word-break:break-word;margin:4px 0;font-size:12px}
      details{margin:4px 0 12px}
      @media print{header{position:static}nav{display:none}section{break-inside:avoid-page}
        h2{break-after:avoid}}
      """;
}
