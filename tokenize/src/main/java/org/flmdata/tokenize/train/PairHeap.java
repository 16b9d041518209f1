package org.flmdata.tokenize.train;

import java.util.Arrays;

/**
 * Max-heap of (count, pair, word list) entries in the Hugging Face trainer's order: highest count
 * first, then the smallest pair {@code (a, b)} by ids. Entries may be stale (lazy invalidation: the
 * trainer compares a popped count with the index and pushes it back, with its word list, when it
 * changed). A pair may have several entries, one per word list.
 */
final class PairHeap {
  private long[] counts = new long[1024];
  private long[] keys = new long[1024];
  private int[] lists = new int[1024];
  private int size;

  int size() {
    return size;
  }

  void push(long count, long key, int list) {
    if (size == counts.length) {
      counts = Arrays.copyOf(counts, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
      lists = Arrays.copyOf(lists, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!before(count, key, counts[p], keys[p])) break;
      counts[i] = counts[p];
      keys[i] = keys[p];
      lists[i] = lists[p];
      i = p;
    }
    counts[i] = count;
    keys[i] = key;
    lists[i] = list;
  }

  long topCount() {
    return counts[0];
  }

  long topKey() {
    return keys[0];
  }

  int topList() {
    return lists[0];
  }

  void pop() {
    long c = counts[--size];
    long k = keys[size];
    int li = lists[size];
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) break;
      int r = l + 1;
      int m = (r < size && before(counts[r], keys[r], counts[l], keys[l])) ? r : l;
      if (!before(counts[m], keys[m], c, k)) break;
      counts[i] = counts[m];
      keys[i] = keys[m];
      lists[i] = lists[m];
      i = m;
    }
    if (size > 0) {
      counts[i] = c;
      keys[i] = k;
      lists[i] = li;
    }
  }

  /** True when entry 1 pops before entry 2. Ids are non-negative, so key order is pair order. */
  private static boolean before(long c1, long k1, long c2, long k2) {
    return c1 != c2 ? c1 > c2 : k1 < k2;
  }
}
