package org.flmdata.clean;

import java.util.Arrays;
import org.flmdata.pipeline.hash.Hash64;

/** An open-addressing map from long keys to int counts, for n-gram hashes (no boxing). */
final class LongCounts {
  private long[] keys;
  private int[] counts;
  private boolean[] used;
  private int size;

  LongCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    counts = new int[cap];
    used = new boolean[cap];
  }

  /** Adds one to {@code key}'s count and returns the new count. */
  int increment(long key) {
    if (size * 2 >= keys.length) grow();
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) return ++counts[i];
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    counts[i] = 1;
    size++;
    return 1;
  }

  /** Adds {@code key} with count 1 when absent; whether it was absent. One probe. */
  boolean add(long key) {
    if (size * 2 >= keys.length) grow();
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) return false;
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    counts[i] = 1;
    size++;
    return true;
  }

  int get(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) return counts[i];
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** Sum of the counts of keys seen more than once. */
  long repeatedTotal() {
    long t = 0;
    for (int i = 0; i < keys.length; i++) if (used[i] && counts[i] > 1) t += counts[i];
    return t;
  }

  private void grow() {
    long[] k = keys;
    int[] c = counts;
    boolean[] u = used;
    keys = new long[k.length * 2];
    counts = new int[k.length * 2];
    used = new boolean[k.length * 2];
    size = 0;
    int mask = keys.length - 1;
    for (int j = 0; j < k.length; j++) {
      if (!u[j]) continue;
      int i = (int) mix(k[j]) & mask;
      while (used[i]) i = (i + 1) & mask;
      used[i] = true;
      keys[i] = k[j];
      counts[i] = c[j];
      size++;
    }
  }

  void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  static long mix(long h) {
    return Hash64.fmix64Round(h);
  }
}
