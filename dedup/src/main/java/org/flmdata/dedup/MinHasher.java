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
  /** {@code 2 * a[i]}, the operand of {@link #signature}'s scaled product. */
  private final long[] a2;
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
    a2 = new long[k];
    for (int i = 0; i < k; i++) a2[i] = a[i] << 1;
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
   *
   * <p>Same values as {@link #permute} (and as every earlier version: indexes hold band keys of
   * them), computed with fewer operations: with {@code a2 = 2a} and {@code x4 = 4x} (both below
   * 2^63, so the signed {@link Math#multiplyHigh} is exact) the 128-bit product is {@code 8ax},
   * whose high word is {@code ax >> 61} and whose low word shifted right by 3 is {@code ax mod
   * 2^61}; their sum plus {@code b} (below 3 * 2^61) folds once to [0, p + 2] and one conditional
   * subtraction ends in [0, p). Four permutations share each pass over the shingles.
   */
  public void signature(long[] shingles, int count, long[] sig) {
    int k = a.length;
    long[] x = scaled(shingles, count);
    int i = 0;
    for (; i + 4 <= k; i += 4) {
      long a0 = a2[i];
      long a1 = a2[i + 1];
      long a2i = a2[i + 2];
      long a3 = a2[i + 3];
      long b0 = b[i];
      long b1 = b[i + 1];
      long b2 = b[i + 2];
      long b3 = b[i + 3];
      long m0 = Long.MAX_VALUE;
      long m1 = Long.MAX_VALUE;
      long m2 = Long.MAX_VALUE;
      long m3 = Long.MAX_VALUE;
      for (int s = 0; s < count; s++) {
        long xs = x[s];
        m0 = Math.min(m0, permuteScaled(a0, b0, xs));
        m1 = Math.min(m1, permuteScaled(a1, b1, xs));
        m2 = Math.min(m2, permuteScaled(a2i, b2, xs));
        m3 = Math.min(m3, permuteScaled(a3, b3, xs));
      }
      sig[i] = m0;
      sig[i + 1] = m1;
      sig[i + 2] = m2;
      sig[i + 3] = m3;
    }
    for (; i < k; i++) {
      long ai = a2[i];
      long bi = b[i];
      long min = Long.MAX_VALUE;
      for (int s = 0; s < count; s++) min = Math.min(min, permuteScaled(ai, bi, x[s]));
      sig[i] = min;
    }
  }

  /** {@code (a * x + b) mod p} from {@code a2 = 2a}, {@code x4 = 4x}, for {@code a, x, b} in [0, p). */
  private static long permuteScaled(long a2, long b, long x4) {
    long r = ((a2 * x4) >>> 3) + Math.multiplyHigh(a2, x4) + b;
    r = (r & P) + (r >>> 61);
    return r >= P ? r - P : r;
  }

  private transient long[] scratch;

  /** Shingle hashes reduced mod p and times 4, in a reused buffer. */
  private long[] scaled(long[] shingles, int count) {
    long[] x = scratch;
    if (x == null || x.length < count) x = scratch = new long[Math.max(count, 256)];
    for (int s = 0; s < count; s++) x[s] = mod(shingles[s]) << 2;
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
