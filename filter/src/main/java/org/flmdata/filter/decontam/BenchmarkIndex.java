package org.flmdata.filter.decontam;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.hash.Hash64;

/**
 * The n-grams of benchmark test sets: sorted 64-bit hashes, each with a bit mask of the
 * benchmarks (at most 63) that contain it. About 12 bytes an n-gram: GSM8K + HumanEval + MMLU
 * test at n = 13 is well under a million n-grams, ~10 MB, broadcast to every executor.
 */
public final class BenchmarkIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Benchmarks one index can tell apart (one bit each). */
  public static final int MAX_BENCHMARKS = 63;

  private final List<String> names;
  private final int n;
  private final long[] hashes;
  private final long[] masks;

  private BenchmarkIndex(List<String> names, int n, long[] hashes, long[] masks) {
    this.names = List.copyOf(names);
    this.n = n;
    this.hashes = hashes;
    this.masks = masks;
  }

  /** Builds the index of {@code items} (benchmark name -> texts), in the map's order. */
  public static BenchmarkIndex build(Map<String, List<String>> items, int n) {
    if (items.size() > MAX_BENCHMARKS) {
      throw new IllegalArgumentException("at most " + MAX_BENCHMARKS + " benchmarks, got "
          + items.size());
    }
    List<String> names = new ArrayList<>(items.keySet());
    int total = 0;
    List<long[]> per = new ArrayList<>();
    for (String name : names) {
      List<long[]> parts = new ArrayList<>();
      int count = 0;
      for (String text : items.get(name)) {
        long[] h = Ngrams.distinct(text, n);
        parts.add(h);
        count += h.length;
      }
      long[] all = new long[count];
      int k = 0;
      for (long[] p : parts) {
        System.arraycopy(p, 0, all, k, p.length);
        k += p.length;
      }
      per.add(all);
      total += count;
    }
    long[] all = new long[total];
    int k = 0;
    for (long[] p : per) {
      Arrays.sort(p);
      System.arraycopy(p, 0, all, k, p.length);
      k += p.length;
    }
    Arrays.sort(all);
    int u = 0;
    for (int i = 0; i < total; i++) {
      if (u == 0 || all[u - 1] != all[i]) all[u++] = all[i];
    }
    long[] outH = Arrays.copyOf(all, u);
    long[] outM = new long[u];
    for (int b = 0; b < per.size(); b++) {
      for (long x : per.get(b)) outM[Arrays.binarySearch(outH, x)] |= 1L << b;
    }
    return new BenchmarkIndex(names, n, outH, outM);
  }

  /**
   * An index of given (hash, mask) pairs, e.g. the matches of one document found by a join;
   * pairs may repeat (masks are merged).
   */
  public static BenchmarkIndex of(List<String> names, int n, long[] hashes, long[] masks) {
    Integer[] order = new Integer[hashes.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
    long[] h = new long[hashes.length];
    long[] m = new long[hashes.length];
    int u = 0;
    for (int j : order) {
      if (u > 0 && h[u - 1] == hashes[j]) {
        m[u - 1] |= masks[j];
      } else {
        h[u] = hashes[j];
        m[u] = masks[j];
        u++;
      }
    }
    return new BenchmarkIndex(names, n, Arrays.copyOf(h, u), Arrays.copyOf(m, u));
  }

  /** Hash {@code i} in sorted order. */
  public long hashAt(int i) {
    return hashes[i];
  }

  /** Mask of hash {@code i} in sorted order. */
  public long maskAt(int i) {
    return masks[i];
  }

  /** Benchmark names; bit {@code i} of a mask is {@code names().get(i)}. */
  public List<String> names() {
    return names;
  }

  /** The n of the n-grams. */
  public int n() {
    return n;
  }

  /** Distinct n-grams held. */
  public int size() {
    return hashes.length;
  }

  /** Mask of the benchmarks holding {@code hash}, 0 if none. */
  public long mask(long hash) {
    Lookup l = lookup;
    if (l == null) lookup = l = new Lookup(hashes, masks);
    return l.mask(hash);
  }

  /**
   * The hash-to-mask lookup of an executor, built on first use from the sorted arrays (which stay
   * what is serialised and broadcast). A binary search over the sorted hashes was a third of the
   * filter stage's CPU: every n-gram of every document is looked up, nearly all of them absent.
   */
  private transient volatile Lookup lookup;

  /**
   * A bit filter (8 bits per held hash, so about 1 lookup in 8 of an absent hash gets past it),
   * then an open-addressing table of (hash, mask). A hash whose mask is 0 is left out: its answer
   * is 0 either way.
   */
  private static final class Lookup {
    private final long[] filter;
    private final int filterShift;
    private final long[] keys;
    private final long[] values;
    private final int tableMask;

    Lookup(long[] hashes, long[] masks) {
      int bits = Math.max(64, Integer.highestOneBit(Math.max(1, hashes.length)) << 4);
      filter = new long[bits >>> 6];
      filterShift = 64 - Integer.numberOfTrailingZeros(bits);
      int cap = Math.max(16, Integer.highestOneBit(Math.max(1, hashes.length)) << 2);
      keys = new long[cap];
      values = new long[cap];
      tableMask = cap - 1;
      for (int i = 0; i < hashes.length; i++) {
        if (masks[i] == 0) continue;
        long m = Hash64.splitmix64(hashes[i]);
        int f = (int) (m >>> filterShift);
        filter[f >>> 6] |= 1L << f;
        int j = (int) m & tableMask;
        while (values[j] != 0) j = (j + 1) & tableMask;
        keys[j] = hashes[i];
        values[j] = masks[i];
      }
    }

    long mask(long hash) {
      long m = Hash64.splitmix64(hash);
      int f = (int) (m >>> filterShift);
      if ((filter[f >>> 6] & (1L << f)) == 0) return 0;
      for (int j = (int) m & tableMask; values[j] != 0; j = (j + 1) & tableMask) {
        if (keys[j] == hash) return values[j];
      }
      return 0;
    }
  }

  /** Bit mask of the named benchmarks (names not in this index are ignored). */
  public long maskOf(List<String> benchmarks) {
    long m = 0;
    for (String b : benchmarks) {
      int i = names.indexOf(b);
      if (i >= 0) m |= 1L << i;
    }
    return m;
  }
}
