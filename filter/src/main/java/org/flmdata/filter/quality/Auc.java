package org.flmdata.filter.quality;

import java.util.Arrays;

/**
 * Area under the ROC curve of a score that should rank positives above negatives: the share of
 * (positive, negative) pairs the score orders right, ties counting one half (the Mann-Whitney U
 * statistic divided by the number of pairs). 0.5 is chance, 1 a perfect ranking.
 */
public final class Auc {
  private Auc() {}

  /** AUC of {@code positives} over {@code negatives}; NaN when either is empty. */
  public static double of(double[] positives, double[] negatives) {
    if (positives.length == 0 || negatives.length == 0) return Double.NaN;
    double[] neg = negatives.clone();
    Arrays.sort(neg);
    double pairs = 0;
    for (double p : positives) {
      int below = lowerBound(neg, p);
      int notAbove = upperBound(neg, p);
      pairs += below + 0.5 * (notAbove - below);
    }
    return pairs / ((double) positives.length * neg.length);
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] <= v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
}
