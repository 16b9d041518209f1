package org.flmdata.extract;

import java.util.Arrays;

/**
 * What the first stage of {@link BlockModel} decided around each text block, as dense features of
 * the second ({@link BlockTrees}): the linear log-odds of the block, of its two neighbours on each
 * side and a window of five blocks, of the blocks sharing its parent (mean, max, min, how many),
 * its grandparent (mean, how many) and its item container (the nearest ancestor with at least
 * three same-shaped siblings: forum posts, listing items, product cards: mean and how many, so
 * the items are decided together; the share of the page's blocks in its container and in any),
 * of the page (mean, max, share of blocks above even odds), the
 * block's rank in its page and its distance to the page's densest stretch of content (the window
 * with the highest mean). Stacking, as in Wolpert 1992: the trees see the first stage's decisions
 * around a block and smooth them over the page. Linear in the page's blocks but for the rank (one
 * sort).
 */
final class BlockContext {
  private BlockContext() {}

  /** Where the features go in {@link BlockFeatures#dense}: the first five, then from {@link #AT}. */
  static final int HEAD = 5;

  /** The index of the first of the {@link #TAIL} further features. */
  static final int AT = 36;

  static final int TAIL = 16;

  /** Half the width of the smoothing window. */
  static final int WINDOW = 2;

  /**
   * The context features of every block, {@code HEAD + TAIL} per block in a row, from the linear
   * log-odds {@code z} and the blocks' {@code groups} (rows: parent, grandparent, item container;
   * -1 for none) as {@link BlockFeatures#groups()} gives them.
   */
  static float[] of(double[] z, int[][] groups) {
    int n = z.length;
    int w = HEAD + TAIL;
    float[] out = new float[n * w];
    if (n == 0) return out;
    double[][] mean = new double[3][];
    int[][] count = new int[3][];
    for (int r = 0; r < 3; r++) {
      int g = 0;
      for (int id : groups[r]) g = Math.max(g, id + 1);
      double[] sum = new double[g];
      int[] c = new int[g];
      for (int i = 0; i < n; i++) {
        int id = groups[r][i];
        if (id < 0) continue;
        sum[id] += z[i];
        c[id]++;
      }
      for (int k = 0; k < g; k++) if (c[k] > 0) sum[k] /= c[k];
      mean[r] = sum;
      count[r] = c;
    }
    int g0 = mean[0].length;
    double[] max = new double[g0];
    double[] min = new double[g0];
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    double all = 0;
    double top = Double.NEGATIVE_INFINITY;
    int positive = 0;
    for (int i = 0; i < n; i++) {
      int id = groups[0][i];
      max[id] = Math.max(max[id], z[i]);
      min[id] = Math.min(min[id], z[i]);
      all += z[i];
      top = Math.max(top, z[i]);
      if (z[i] > 0) positive++;
    }
    // windowed means by prefix sums; the densest stretch is the window with the highest mean
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + z[i];
    double[] smooth = new double[n];
    int densest = 0;
    for (int i = 0; i < n; i++) {
      int lo = Math.max(0, i - WINDOW);
      int hi = Math.min(n, i + WINDOW + 1);
      smooth[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
      if (smooth[i] > smooth[densest]) densest = i;
    }
    int inItems = 0;
    for (int i = 0; i < n; i++) if (groups[2][i] >= 0) inItems++;
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      int o = i * w;
      int p = groups[0][i];
      int gp = groups[1][i];
      int item = groups[2][i];
      out[o] = (float) z[i];
      out[o + 1] = i > 0 ? (float) z[i - 1] : 0f;
      out[o + 2] = i + 1 < n ? (float) z[i + 1] : 0f;
      out[o + 3] = (float) (all / n);
      out[o + 4] = (float) mean[0][p];
      out[o + 5] = i > 1 ? (float) z[i - 2] : 0f;
      out[o + 6] = i + 2 < n ? (float) z[i + 2] : 0f;
      out[o + 7] = (float) max[p];
      out[o + 8] = (float) min[p];
      out[o + 9] = (float) Math.log1p(count[0][p]);
      out[o + 10] = gp < 0 ? (float) z[i] : (float) mean[1][gp];
      out[o + 11] = gp < 0 ? 0f : (float) Math.log1p(count[1][gp]);
      out[o + 12] = item < 0 ? (float) z[i] : (float) mean[2][item];
      out[o + 13] = item < 0 ? 0f : (float) Math.log1p(count[2][item]);
      out[o + 14] = (float) top;
      out[o + 15] = (float) positive / n;
      out[o + 16] = (float) smooth[i];
      out[o + 17] = (float) (i - densest) / n;
      out[o + 18] = (float) lowerCount(sorted, z[i]) / n;
      out[o + 19] = (float) inItems / n;
      out[o + 20] = item < 0 ? 0f : (float) count[2][item] / n;
    }
    return out;
  }

  /** How many values of sorted {@code a} are below {@code v}. */
  private static int lowerCount(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Copies block {@code i}'s context features from {@code ctx} ({@link #of}) into {@code x}. */
  static void put(float[] ctx, int i, float[] x) {
    int o = i * (HEAD + TAIL);
    System.arraycopy(ctx, o, x, 0, HEAD);
    System.arraycopy(ctx, o + HEAD, x, AT, TAIL);
  }
}
