package org.flmdata.pipeline.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: no script, no font files, nothing fetched; they scale with
 * the page, print, and carry a {@code <title>} so a screen reader and a tooltip name each bar.
 */
final class Svg {
  private static final String[] PALETTE = {
    "#3b6ea8", "#e08a2c", "#4c9a5b", "#c4473d", "#7d5ba6", "#8c6d46", "#d16fa8", "#6f7378",
    "#a8a83b", "#3ba8a3", "#2c4f7c"
  };

  private Svg() {}

  /** One labelled value of a bar chart. */
  record Bar(String label, double value, String text) {}

  /** One series of a grouped bar chart. */
  record Series(String name, double[] values) {}

  static String color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Horizontal bars, one per label, scaled to the largest value; {@code text} is printed. */
  static String hbars(String title, List<Bar> bars) {
    int labelW = 260;
    int barW = 420;
    int rowH = 22;
    int h = rowH * bars.size() + 30;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    StringBuilder s = open(title, labelW + barW + 140, h);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 24 + i * rowH;
      double w = max > 0 ? Math.max(1, b.value() / max * barW) : 0;
      s.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6,
          y + 14, Html.esc(cut(b.label(), 40))));
      s.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
          + "<title>%s: %s</title></rect>", labelW, y + 2, w, rowH - 6, color(0),
          Html.esc(b.label()), Html.esc(b.text())));
      s.append(fmt("<text x=\"%.1f\" y=\"%d\">%s</text>", labelW + w + 6, y + 14,
          Html.esc(b.text())));
    }
    return s.append("</svg>").toString();
  }

  /** Vertical grouped bars: one group per category, one bar per series, with a legend. */
  static String groupedBars(String title, List<String> categories, List<Series> series) {
    int groupW = Math.max(60, 18 * series.size() + 20);
    int plotH = 200;
    int left = 70;
    int w = left + groupW * categories.size() + 20;
    int h = plotH + 90 + 18 * ((series.size() + 3) / 4);
    double max = 0;
    for (Series se : series) for (double v : se.values()) max = Math.max(max, v);
    StringBuilder s = open(title, Math.max(w, 420), h);
    axis(s, left, 30, plotH, max, w - 10);
    int barW = Math.max(4, (groupW - 16) / Math.max(1, series.size()));
    for (int c = 0; c < categories.size(); c++) {
      int gx = left + c * groupW + 8;
      for (int k = 0; k < series.size(); k++) {
        double v = series.get(k).values()[c];
        double bh = max > 0 ? v / max * plotH : 0;
        s.append(fmt("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
            + "<title>%s, %s: %s</title></rect>", gx + k * barW, 30 + plotH - bh, barW - 1, bh,
            color(k), Html.esc(categories.get(c)), Html.esc(series.get(k).name()), num(v)));
      }
      s.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          gx + groupW / 2 - 8, 30 + plotH + 16, Html.esc(cut(categories.get(c), 12))));
    }
    legend(s, series.stream().map(Series::name).toList(), left, 30 + plotH + 36);
    return s.append("</svg>").toString();
  }

  /** A histogram over {@code edges} (n+1 bin edges, n counts). */
  static String histogram(String title, double[] edges, long[] counts, boolean logBins) {
    int plotW = 480;
    int plotH = 160;
    int left = 70;
    long max = 0;
    for (long c : counts) max = Math.max(max, c);
    StringBuilder s = open(title, left + plotW + 30, plotH + 70);
    axis(s, left, 20, plotH, max, left + plotW);
    double bw = (double) plotW / Math.max(1, counts.length);
    for (int i = 0; i < counts.length; i++) {
      double bh = max > 0 ? (double) counts[i] / max * plotH : 0;
      s.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
          + "<title>%s to %s: %d</title></rect>", left + i * bw, 20 + plotH - bh,
          Math.max(1, bw - 1), bh, color(0), num(edges[i]), num(edges[i + 1]), counts[i]));
    }
    s.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>", left, 20 + plotH + 16, num(edges[0])));
    s.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left + plotW,
        20 + plotH + 16, num(edges[edges.length - 1])));
    s.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"muted\">%s</text>",
        left + plotW / 2, 20 + plotH + 34, logBins ? "log-spaced bins" : "linear bins"));
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int w, int h) {
    StringBuilder s = new StringBuilder();
    s.append(fmt("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\"><title>%s</title>", w, h, w, h,
        Html.esc(title)));
    return s;
  }

  private static void axis(StringBuilder s, int left, int top, int plotH, double max, int right) {
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4.0;
      s.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", left, y,
          right, y));
      s.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, y + 4,
          num(max * t / 4.0)));
    }
  }

  private static void legend(StringBuilder s, List<String> names, int x, int y) {
    for (int i = 0; i < names.size(); i++) {
      int lx = x + (i % 4) * 150;
      int ly = y + (i / 4) * 18;
      s.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, ly,
          color(i)));
      s.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>", lx + 16, ly + 10,
          Html.esc(cut(names.get(i), 20))));
    }
  }

  /** A compact number: 1234567 -> 1.23M, 0.123 -> 0.123. */
  static String num(double v) {
    double a = Math.abs(v);
    if (a >= 1e12) return fmt("%.2fT", v / 1e12);
    if (a >= 1e9) return fmt("%.2fG", v / 1e9);
    if (a >= 1e6) return fmt("%.2fM", v / 1e6);
    if (a >= 1e4) return fmt("%.1fk", v / 1e3);
    if (a == Math.rint(a)) return fmt("%.0f", v);
    if (a >= 10) return fmt("%.1f", v);
    return fmt("%.3g", v);
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
