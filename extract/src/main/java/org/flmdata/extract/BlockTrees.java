package org.flmdata.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

/**
 * Gradient-boosted regression trees over the dense features of text blocks ({@link
 * BlockFeatures#dense}): the second stage of {@link BlockModel}. The trees start from the linear
 * model's log-odds and correct them with what a sum of weights cannot say: interactions of
 * length, link density, the rules' decision and the decisions around the block. Logistic loss
 * with soft labels, second-order leaf values (as in XGBoost, Chen and Guestrin 2016), histograms
 * over at most {@value #BINS} quantile bins per feature, level-wise growth to a fixed depth, rows
 * subsampled per tree with a seeded generator. Single-threaded and deterministic: the same
 * examples and seed give the same trees, bit for bit.
 */
final class BlockTrees {

  static final int BINS = 32;

  /** Per node: the feature split on (-1 for a leaf), its threshold, children, and leaf value. */
  private final int[] feature;
  private final float[] threshold;
  private final int[] left;
  private final int[] right;
  private final float[] value;
  /** The index of each tree's root. */
  private final int[] roots;

  /**
   * The nodes packed for {@link #score}, four ints each (feature, threshold's bits, left and right
   * child's offset in this array): one array walked instead of four.
   */
  private final int[] packed;

  BlockTrees(int[] feature, float[] threshold, int[] left, int[] right, float[] value, int[] roots) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
    this.roots = roots;
    this.packed = new int[feature.length * 4];
    for (int i = 0; i < feature.length; i++) {
      packed[4 * i] = feature[i];
      packed[4 * i + 1] = Float.floatToRawIntBits(threshold[i]);
      packed[4 * i + 2] = feature[i] < 0 ? 0 : 4 * left[i];
      packed[4 * i + 3] = feature[i] < 0 ? 0 : 4 * right[i];
    }
  }

  int size() {
    return roots.length;
  }

  /** The sum of the trees' values for features {@code x}. */
  double score(float[] x) {
    int[] t = packed;
    double sum = 0;
    for (int root : roots) {
      int k = 4 * root;
      int f;
      while ((f = t[k]) >= 0) k = x[f] <= Float.intBitsToFloat(t[k + 1]) ? t[k + 2] : t[k + 3];
      sum += value[k >> 2];
    }
    return sum;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(roots.length);
    for (int r : roots) out.writeInt(r);
    out.writeInt(feature.length);
    for (int i = 0; i < feature.length; i++) {
      out.writeInt(feature[i]);
      out.writeFloat(threshold[i]);
      out.writeInt(left[i]);
      out.writeInt(right[i]);
      out.writeFloat(value[i]);
    }
  }

  static BlockTrees read(DataInputStream in, int width) throws IOException {
    int trees = in.readInt();
    if (trees < 0 || trees > 100_000) throw new IOException("trees " + trees);
    int[] roots = new int[trees];
    for (int i = 0; i < trees; i++) roots[i] = in.readInt();
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) throw new IOException("nodes " + n);
    int[] feature = new int[n];
    float[] threshold = new float[n];
    int[] left = new int[n];
    int[] right = new int[n];
    float[] value = new float[n];
    for (int i = 0; i < n; i++) {
      feature[i] = in.readInt();
      threshold[i] = in.readFloat();
      left[i] = in.readInt();
      right[i] = in.readInt();
      value[i] = in.readFloat();
      if (feature[i] >= width || (feature[i] >= 0 && (left[i] <= i || right[i] <= i
          || left[i] >= n || right[i] >= n))) {
        throw new IOException("node " + i + " out of range");
      }
    }
    for (int r : roots) if (r < 0 || r >= n) throw new IOException("root " + r);
    return new BlockTrees(feature, threshold, left, right, value, roots);
  }

  /**
   * Training settings: {@code colsample} is the share of the features each tree may split on
   * (drawn per tree with the seed; 1 for all).
   */
  record Settings(int trees, int depth, double rate, double lambda, double minHessian,
      double subsample, double colsample, long seed) {
    Settings(int trees, int depth, double rate, double lambda, double minHessian,
        double subsample, long seed) {
      this(trees, depth, rate, lambda, minHessian, subsample, 1.0, seed);
    }
  }

  /** The first {@code m} trees (all when {@code m} is at least their number). */
  BlockTrees prefix(int m) {
    if (m >= roots.length) return this;
    return new BlockTrees(feature, threshold, left, right, value, Arrays.copyOf(roots, m));
  }

  /**
   * Trains on examples {@code x} with soft labels {@code y}, weights {@code w} and starting
   * log-odds {@code base}.
   */
  static BlockTrees train(float[][] x, float[] y, float[] w, double[] base, Settings s) {
    int n = x.length;
    int width = n == 0 ? 0 : x[0].length;
    float[][] cuts = new float[width][];
    byte[][] bins = new byte[width][n];
    for (int f = 0; f < width; f++) {
      float[] v = new float[n];
      for (int i = 0; i < n; i++) v[i] = x[i][f];
      Arrays.sort(v);
      float[] c = new float[BINS - 1];
      int m = 0;
      for (int b = 1; b < BINS && n > 0; b++) {
        float q = v[(int) ((long) b * (n - 1) / BINS)];
        if (m == 0 || q > c[m - 1]) c[m++] = q;
      }
      cuts[f] = Arrays.copyOf(c, m);
      for (int i = 0; i < n; i++) {
        int b = Arrays.binarySearch(cuts[f], x[i][f]);
        bins[f][i] = (byte) (b >= 0 ? b : -b - 1);
      }
    }
    double[] margin = base.clone();
    double[] g = new double[n];
    double[] h = new double[n];
    int[] node = new int[n];
    boolean[] in = new boolean[n];
    Random random = new Random(s.seed());
    Growing out = new Growing();
    int[] roots = new int[s.trees()];
    for (int t = 0; t < s.trees(); t++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-margin[i]));
        g[i] = w[i] * (p - y[i]);
        h[i] = w[i] * Math.max(p * (1 - p), 1e-6);
        in[i] = random.nextDouble() < s.subsample();
      }
      boolean[] allowed = new boolean[width];
      int allowedCount = 0;
      for (int f = 0; f < width; f++) {
        allowed[f] = s.colsample() >= 1 || random.nextDouble() < s.colsample();
        if (allowed[f]) allowedCount++;
      }
      if (allowedCount == 0) Arrays.fill(allowed, true);
      roots[t] = grow(x, bins, cuts, g, h, in, allowed, node, s, out);
      for (int i = 0; i < n; i++) margin[i] += out.leafOf(x[i], roots[t]);
    }
    return out.build(roots);
  }

  /** Nodes as they are made. */
  private static final class Growing {
    int[] feature = new int[1024];
    float[] threshold = new float[1024];
    int[] left = new int[1024];
    int[] right = new int[1024];
    float[] value = new float[1024];
    int n;

    int add() {
      if (n == feature.length) {
        feature = Arrays.copyOf(feature, n * 2);
        threshold = Arrays.copyOf(threshold, n * 2);
        left = Arrays.copyOf(left, n * 2);
        right = Arrays.copyOf(right, n * 2);
        value = Arrays.copyOf(value, n * 2);
      }
      feature[n] = -1;
      return n++;
    }

    double leafOf(float[] x, int root) {
      int k = root;
      while (feature[k] >= 0) k = x[feature[k]] <= threshold[k] ? left[k] : right[k];
      return value[k];
    }

    BlockTrees build(int[] roots) {
      return new BlockTrees(Arrays.copyOf(feature, n), Arrays.copyOf(threshold, n),
          Arrays.copyOf(left, n), Arrays.copyOf(right, n), Arrays.copyOf(value, n), roots);
    }
  }

  /** Grows one tree level by level; returns its root. */
  private static int grow(float[][] x, byte[][] bins, float[][] cuts, double[] g, double[] h,
      boolean[] in, boolean[] allowed, int[] node, Settings s, Growing out) {
    int n = x.length;
    int width = cuts.length;
    int root = out.add();
    Arrays.fill(node, root);
    int[] level = {root};
    for (int d = 0; d <= s.depth() && level.length > 0; d++) {
      int slots = level.length;
      int[] slotOf = new int[out.n];
      Arrays.fill(slotOf, -1);
      for (int k = 0; k < slots; k++) slotOf[level[k]] = k;
      double[][] hg = new double[slots][width * BINS];
      double[][] hh = new double[slots][width * BINS];
      double[] sg = new double[slots];
      double[] sh = new double[slots];
      for (int i = 0; i < n; i++) {
        if (!in[i] || node[i] >= slotOf.length) continue;
        int k = slotOf[node[i]];
        if (k < 0) continue;
        sg[k] += g[i];
        sh[k] += h[i];
        double[] a = hg[k];
        double[] b = hh[k];
        for (int f = 0; f < width; f++) {
          int j = f * BINS + bins[f][i];
          a[j] += g[i];
          b[j] += h[i];
        }
      }
      int[] next = new int[slots * 2];
      int m = 0;
      for (int k = 0; k < slots; k++) {
        int id = level[k];
        out.value[id] = (float) (-s.rate() * sg[k] / (sh[k] + s.lambda()));
        if (d == s.depth()) continue;
        double parent = sg[k] * sg[k] / (sh[k] + s.lambda());
        double best = 1e-12;
        int bestF = -1;
        int bestB = -1;
        for (int f = 0; f < width; f++) {
          if (!allowed[f]) continue;
          double gl = 0;
          double hl = 0;
          for (int b = 0; b < cuts[f].length; b++) {
            gl += hg[k][f * BINS + b];
            hl += hh[k][f * BINS + b];
            double gr = sg[k] - gl;
            double hr = sh[k] - hl;
            if (hl < s.minHessian() || hr < s.minHessian()) continue;
            double gain = gl * gl / (hl + s.lambda()) + gr * gr / (hr + s.lambda()) - parent;
            if (gain > best) {
              best = gain;
              bestF = f;
              bestB = b;
            }
          }
        }
        if (bestF < 0) continue;
        int l = out.add();
        int r = out.add();
        out.feature[id] = bestF;
        out.threshold[id] = cuts[bestF][bestB];
        out.left[id] = l;
        out.right[id] = r;
        next[m++] = l;
        next[m++] = r;
      }
      for (int i = 0; i < n; i++) {
        int k = node[i];
        int f = out.feature[k];
        if (f >= 0) node[i] = bins[f][i] <= bins(cuts[f], out.threshold[k]) ? out.left[k] : out.right[k];
      }
      level = Arrays.copyOf(next, m);
    }
    return root;
  }

  /** The bin of threshold {@code t} among {@code cuts} (it is one of them). */
  private static int bins(float[] cuts, float t) {
    int b = Arrays.binarySearch(cuts, t);
    return b >= 0 ? b : -b - 1;
  }
}
