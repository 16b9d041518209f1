package org.flmdata.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.flmdata.pipeline.hash.XxHash64;

/**
 * MinHash signatures and LSH band keys over shingle hashes. Permutation {@code i} is the universal
 * hash {@code h_i(x) = (a_i * x + b_i) mod p} with the Mersenne prime {@code p = 2^61 - 1}, exact
 * 122-bit products ({@link Math#multiplyHigh}) folded without division; {@code a_i} in [1, p),
 * {@code b_i} in [0, p) drawn from {@code seed}. Signatures are primitive {@code long[]}.
 *
 * <p>Serializable, with immutable permutations; {@link #signature} writes into a caller's array
 * and reuses a scratch buffer, so one instance serves one thread (one per partition).
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The Mersenne prime 2^61 - 1. */
  public static final long P = (1L << 61) - 1;

  private final int bands;
  private final int rows;
  private final long[] a;
  private final long[] b;
  private final long bandSeed;

  public MinHasher(int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be >= 1, got " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
    int k = bands * rows;
    a = new long[k];
    b = new long[k];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      a[i] = 1 + rnd.nextLong(P - 1);
      b[i] = rnd.nextLong(P);
    }
    bandSeed = XxHash64.hashLong(seed, 0xBA4DL);
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** Number of permutations, {@code bands * rows}. */
  public int size() {
    return a.length;
  }

  /** {@code x mod p} for any 64-bit {@code x} taken as unsigned. */
  static long mod(long x) {
    long r = (x & P) + (x >>> 61);
    return r >= P ? r - P : r;
  }

  /** {@code (a * x) mod p} for {@code a, x} in [0, p). */
  static long mulMod(long a, long x) {
    long lo = a * x;
    long hi = Math.multiplyHigh(a, x);
    long r = (lo & P) + ((lo >>> 61) | (hi << 3));
    r = (r & P) + (r >>> 61);
    return r >= P ? r - P : r;
  }

  /** Permutation {@code i} applied to shingle hash {@code x}. */
  long permute(int i, long x) {
    long r = mulMod(a[i], mod(x)) + b[i];
    return r >= P ? r - P : r;
  }

  /**
   * Writes the signature of {@code shingles[0..count)} into {@code sig} (length {@link #size()});
   * with no shingles every slot is {@code Long.MAX_VALUE}.
   */
  public void signature(long[] shingles, int count, long[] sig) {
    int k = a.length;
    long[] x = reduced(shingles, count);
    // permutation-major: a_i, b_i and the running minimum stay in registers over the shingles
    for (int i = 0; i < k; i++) {
      long ai = a[i];
      long bi = b[i];
      long min = Long.MAX_VALUE;
      for (int s = 0; s < count; s++) {
        long xs = x[s];
        long lo = ai * xs;
        long hi = Math.multiplyHigh(ai, xs);
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61) + bi;
        // r < 2^61 + p: fold once more, result in [0, p]
        r = (r & P) + (r >>> 61);
        if (r >= P) r -= P;
        if (r < min) min = r;
      }
      sig[i] = min;
    }
  }

  private transient long[] scratch;

  /** Shingle hashes reduced mod p, in a reused buffer. */
  private long[] reduced(long[] shingles, int count) {
    long[] x = scratch;
    if (x == null || x.length < count) x = scratch = new long[Math.max(count, 256)];
    for (int s = 0; s < count; s++) x[s] = mod(shingles[s]);
    return x;
  }

  /** The signature of a shingle set, allocated (for tests and tools). */
  public long[] signature(long[] shingles, int count) {
    long[] sig = new long[a.length];
    signature(shingles, count, sig);
    return sig;
  }

  /** The key of band {@code band}: a hash of its {@code rows} signature values and its index. */
  public long bandKey(long[] sig, int band) {
    long h = XxHash64.hashLong(band, bandSeed);
    int from = band * rows;
    for (int j = from; j < from + rows; j++) h = XxHash64.hashLong(sig[j], h);
    return h;
  }

  /** All band keys of {@code sig}. */
  public long[] bandKeys(long[] sig) {
    long[] keys = new long[bands];
    for (int i = 0; i < bands; i++) keys[i] = bandKey(sig, i);
    return keys;
  }

  /** Share of equal slots of two signatures: the MinHash estimate of their Jaccard similarity. */
  public static double agreement(long[] x, long[] y) {
    int n = Math.min(x.length, y.length);
    if (n == 0) return 0;
    int eq = 0;
    for (int i = 0; i < n; i++) if (x[i] == y[i]) eq++;
    return eq / (double) n;
  }

  /** Probability that a pair at Jaccard {@code s} shares at least one band: 1 - (1 - s^r)^b. */
  public static double candidateProbability(double s, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }
}
