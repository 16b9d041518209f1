package org.flmdata.dedup;

import java.util.Locale;

/** The LSH S-curve of {@code bands x rows}, as the stage prints it. */
final class SCurve {
  private SCurve() {}

  static final double[] POINTS = {0.5, 0.7, 0.8, 0.9};

  /** One line, e.g. {@code 14x8 (5-word shingles): P(candidate) J=0.5 0.043 ...}. */
  static String describe(int bands, int rows, String what) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%dx%d (%s): P(candidate)", bands, rows, what));
    for (double s : POINTS) {
      sb.append(String.format(Locale.ROOT, " J=%.1f %.3f", s,
          MinHasher.candidateProbability(s, bands, rows)));
    }
    sb.append(String.format(Locale.ROOT, "; threshold ~%.2f", Math.pow(1.0 / bands, 1.0 / rows)));
    return sb.toString();
  }
}
