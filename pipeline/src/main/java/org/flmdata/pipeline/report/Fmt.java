package org.flmdata.pipeline.report;

import java.util.Locale;

/** How the report writes numbers: counts, shares, byte sizes, durations. */
public final class Fmt {
  private Fmt() {}

  /** A count with thousands separators. */
  public static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** {@code part} as a percentage of {@code whole} with one decimal, "-" for a whole of 0. */
  public static String pct(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** A byte size in binary units. */
  public static String bytes(long b) {
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

  /** A duration: seconds, minutes and seconds, or hours and minutes; "-" when unknown. */
  public static String duration(long millis) {
    if (millis <= 0) return "-";
    long s = millis / 1000;
    if (s < 60) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** {@code String.format} in the root locale. */
  public static String of(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
