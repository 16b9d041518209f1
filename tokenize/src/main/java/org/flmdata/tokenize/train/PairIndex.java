package org.flmdata.tokenize.train;

import java.util.Arrays;
import org.flmdata.pipeline.hash.Hash64;

/**
 * The trainer's pair index: each symbol pair {@code (a, b)} gets a dense slot holding its weighted
 * count (the Rust trainer's {@code pair_counts}). Open addressing on the packed {@code long} key,
 * no boxing. The words a pair occurs in travel with the queue entries ({@link WordLists}).
 */
final class PairIndex {
  private long[] keys;
  private int[] slots; // slot + 1, 0 = empty
  private int size;
  private long[] counts = new long[1024];
  private long[] pairKeys = new long[1024];

  PairIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    slots = new int[cap];
  }

  static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  static int first(long key) {
    return (int) (key >>> 32);
  }

  static int second(long key) {
    return (int) key;
  }

  int size() {
    return size;
  }

  /** The table position of {@code k}: where it is, else the empty one where it would go. */
  private int probe(long k) {
    int mask = keys.length - 1;
    int i = (int) mix(k) & mask;
    while (slots[i] != 0 && keys[i] != k) i = (i + 1) & mask;
    return i;
  }

  /** The slot of a pair, created when absent. */
  int slot(int a, int b) {
    long k = key(a, b);
    int i = probe(k);
    if (slots[i] != 0) return slots[i] - 1;
    int s = size++;
    keys[i] = k;
    slots[i] = s + 1;
    if (s == counts.length) grow();
    pairKeys[s] = k;
    if (size * 2 > keys.length) rehash();
    return s;
  }

  /** The slot of a pair, or -1. */
  int find(int a, int b) {
    return slots[probe(key(a, b))] - 1;
  }

  long count(int slot) {
    return counts[slot];
  }

  long pairKey(int slot) {
    return pairKeys[slot];
  }

  void add(int slot, long delta) {
    counts[slot] += delta;
  }

  void setCount(int slot, long c) {
    counts[slot] = c;
  }

  private void grow() {
    int n = counts.length * 2;
    counts = Arrays.copyOf(counts, n);
    pairKeys = Arrays.copyOf(pairKeys, n);
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldSlots[j] == 0) continue;
      int i = (int) mix(oldKeys[j]) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      slots[i] = oldSlots[j];
    }
  }

  private static long mix(long k) {
    return Hash64.fmix64Round(k);
  }
}
