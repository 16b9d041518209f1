package org.flmdata.pipeline.report;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The report's charts as inline SVG elements: no script, no font files, nothing fetched; they
 * scale with the page, print, and carry a {@code <title>} so a screen reader and a tooltip name
 * each bar. Labels go in as text nodes, escaped by construction.
 */
public final class Svg {
  private static final String[] PALETTE = {
    "#3b6ea8", "#e08a2c", "#4c9a5b", "#c4473d", "#7d5ba6", "#8c6d46", "#d16fa8", "#6f7378",
    "#a8a83b", "#3ba8a3", "#2c4f7c"
  };

  private Svg() {}

  /** One labelled value of a bar chart. */
  public record Bar(String label, double value, String text) {}

  /** One series of a grouped bar chart. */
  public record Series(String name, double[] values) {}

  static String color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Horizontal bars, one per label, scaled to the largest value; {@code text} is printed. */
  public static Element hbars(String title, List<Bar> bars) {
    int labelW = 260;
    int barW = 420;
    int rowH = 22;
    int h = rowH * bars.size() + 30;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    Element s = open(title, labelW + barW + 140, h);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 24 + i * rowH;
      double w = max > 0 ? Math.max(1, b.value() / max * barW) : 0;
      s.appendChild(label(labelW - 6, y + 14, cut(b.label(), 40)).attr("text-anchor", "end"));
      s.appendChild(rect(Fmt.of("%d", labelW), Fmt.of("%d", y + 2), Fmt.of("%.1f", w),
          Fmt.of("%d", rowH - 6), color(0), b.label() + ": " + b.text()));
      s.appendChild(label(Fmt.of("%.1f", labelW + w + 6), Fmt.of("%d", y + 14), b.text()));
    }
    return s;
  }

  /** Vertical grouped bars: one group per category, one bar per series, with a legend. */
  public static Element groupedBars(String title, List<String> categories, List<Series> series) {
    int groupW = Math.max(60, 18 * series.size() + 20);
    int plotH = 200;
    int left = 70;
    int w = left + groupW * categories.size() + 20;
    int h = plotH + 90 + 18 * ((series.size() + 3) / 4);
    double max = 0;
    for (Series se : series) for (double v : se.values()) max = Math.max(max, v);
    Element s = open(title, Math.max(w, 420), h);
    axis(s, left, 30, plotH, max, w - 10);
    int barW = Math.max(4, (groupW - 16) / Math.max(1, series.size()));
    for (int c = 0; c < categories.size(); c++) {
      int gx = left + c * groupW + 8;
      for (int k = 0; k < series.size(); k++) {
        double v = series.get(k).values()[c];
        double bh = max > 0 ? v / max * plotH : 0;
        s.appendChild(rect(Fmt.of("%d", gx + k * barW), Fmt.of("%.1f", 30 + plotH - bh),
            Fmt.of("%d", barW - 1), Fmt.of("%.1f", bh), color(k),
            categories.get(c) + ", " + series.get(k).name() + ": " + num(v)));
      }
      s.appendChild(label(gx + groupW / 2 - 8, 30 + plotH + 16, cut(categories.get(c), 12))
          .attr("text-anchor", "middle"));
    }
    legend(s, series.stream().map(Series::name).toList(), left, 30 + plotH + 36);
    return s;
  }

  /** A histogram over {@code edges} (n+1 bin edges, n counts). */
  public static Element histogram(String title, double[] edges, long[] counts, boolean logBins) {
    int plotW = 480;
    int plotH = 160;
    int left = 70;
    long max = 0;
    for (long c : counts) max = Math.max(max, c);
    Element s = open(title, left + plotW + 30, plotH + 70);
    axis(s, left, 20, plotH, max, left + plotW);
    double bw = (double) plotW / Math.max(1, counts.length);
    for (int i = 0; i < counts.length; i++) {
      double bh = max > 0 ? (double) counts[i] / max * plotH : 0;
      s.appendChild(rect(Fmt.of("%.1f", left + i * bw), Fmt.of("%.1f", 20 + plotH - bh),
          Fmt.of("%.1f", Math.max(1, bw - 1)), Fmt.of("%.1f", bh), color(0),
          num(edges[i]) + " to " + num(edges[i + 1]) + ": " + counts[i]));
    }
    s.appendChild(label(left, 20 + plotH + 16, num(edges[0])));
    s.appendChild(label(left + plotW, 20 + plotH + 16, num(edges[edges.length - 1]))
        .attr("text-anchor", "end"));
    s.appendChild(label(left + plotW / 2, 20 + plotH + 34,
        logBins ? "log-spaced bins" : "linear bins").attr("text-anchor", "middle")
        .addClass("muted"));
    return s;
  }

  private static Element open(String title, int w, int h) {
    Element s = new Element("svg").addClass("chart").attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("role", "img").attr("viewBox", Fmt.of("0 0 %d %d", w, h))
        .attr("width", Integer.toString(w)).attr("height", Integer.toString(h));
    s.appendChild(Html.text("title", title));
    return s;
  }

  private static Element rect(String x, String y, String w, String h, String fill, String title) {
    Element r = new Element("rect").attr("x", x).attr("y", y).attr("width", w).attr("height", h)
        .attr("fill", fill);
    if (title != null) r.appendChild(Html.text("title", title));
    return r;
  }

  private static Element label(int x, int y, String text) {
    return label(Integer.toString(x), Integer.toString(y), text);
  }

  private static Element label(String x, String y, String text) {
    return Html.text("text", text).attr("x", x).attr("y", y);
  }

  private static void axis(Element s, int left, int top, int plotH, double max, int right) {
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4.0;
      s.appendChild(new Element("line").attr("x1", Integer.toString(left))
          .attr("y1", Fmt.of("%.1f", y)).attr("x2", Integer.toString(right))
          .attr("y2", Fmt.of("%.1f", y)).addClass("grid"));
      s.appendChild(label(Integer.toString(left - 4), Fmt.of("%.1f", y + 4), num(max * t / 4.0))
          .attr("text-anchor", "end"));
    }
  }

  private static void legend(Element s, List<String> names, int x, int y) {
    for (int i = 0; i < names.size(); i++) {
      int lx = x + (i % 4) * 150;
      int ly = y + (i / 4) * 18;
      s.appendChild(rect(Integer.toString(lx), Integer.toString(ly), "12", "12", color(i), null));
      s.appendChild(label(lx + 16, ly + 10, cut(names.get(i), 20)));
    }
  }

  /** A compact number: 1234567 -> 1.23M, 0.123 -> 0.123. */
  public static String num(double v) {
    double a = Math.abs(v);
    if (a >= 1e12) return Fmt.of("%.2fT", v / 1e12);
    if (a >= 1e9) return Fmt.of("%.2fG", v / 1e9);
    if (a >= 1e6) return Fmt.of("%.2fM", v / 1e6);
    if (a >= 1e4) return Fmt.of("%.1fk", v / 1e3);
    if (a == Math.rint(a)) return Fmt.of("%.0f", v);
    if (a >= 10) return Fmt.of("%.1f", v);
    return Fmt.of("%.3g", v);
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
