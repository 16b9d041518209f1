package org.flmdata.tokenize.bpe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed-size, direct-mapped cache from a pre-token (a range of chars) to its ids: one slot per
 * hash, a new word replaces the slot's old one. All slots live in one preallocated int array of
 * {@value #SLOT_INTS} ints (64 bytes) each, {@code [seq, hash, chars << 16 | ids, chars packed two
 * to an int..., ids...]}, so a lookup reads one cache line and a miss allocates nothing: on a
 * corpus read once most words come and go, and a cache of objects made the garbage collector
 * copy and free one object per miss. Its memory is fixed (4 MB at 65,536 slots) whatever the
 * corpus, which a Spark task can spare; a word too long for a slot is not cached (its pieces
 * are, see {@link BpeModel}).
 *
 * <p>Safe to share between threads without locks, as a sequence lock per slot: a writer claims a
 * slot by making its sequence odd (compare-and-set; a slot being written is skipped), writes, and
 * publishes the next even sequence; a reader copies the ids and keeps them only when the sequence
 * was even and unchanged around its reads, so a racing writer can only cause a miss.
 */
final class WordCache {
  static final int SLOT_INTS = 16;
  private static final int HEADER = 3;
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private final int[] table;
  private final int mask;

  /** {@code slots} is rounded up to a power of two. */
  WordCache(int slots) {
    int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
    this.table = new int[size * SLOT_INTS];
    this.mask = size - 1;
  }

  /** True when a word of {@code chars} chars and {@code ids} ids fits a slot. */
  static boolean fits(int chars, int ids) {
    return (chars + 1) / 2 + ids <= SLOT_INTS - HEADER;
  }

  /**
   * Appends the ids cached for {@code s[from, to)} (hash {@code h}) to {@code out} and returns
   * true, or returns false (and leaves {@code out} as it was).
   */
  boolean appendTo(char[] s, int from, int to, int h, IntBuffer out) {
    int base = (h & mask) * SLOT_INTS;
    int[] t = table;
    int seq = (int) INTS.getAcquire(t, base);
    int len = to - from;
    int lens = t[base + 2];
    if ((seq & 1) != 0 || t[base + 1] != h || lens >>> 16 != len) return false;
    int p = base + HEADER;
    int i = from;
    for (; i + 1 < to; i += 2, p++) {
      if (t[p] != (s[i] | s[i + 1] << 16)) return false;
    }
    if (i < to) {
      if (t[p] != s[i]) return false;
      p++;
    }
    int size = out.size();
    out.addAll(t, p, lens & 0xFFFF);
    VarHandle.loadLoadFence();
    if ((int) INTS.getOpaque(t, base) != seq) {
      out.truncate(size);
      return false;
    }
    return true;
  }

  /** Caches {@code ids[0, n)} for {@code s[from, to)} when they fit a slot and it is not being written. */
  void put(char[] s, int from, int to, int h, int[] ids, int n) {
    int len = to - from;
    if (!fits(len, n)) return;
    int base = (h & mask) * SLOT_INTS;
    int[] t = table;
    int seq = (int) INTS.getOpaque(t, base);
    if ((seq & 1) != 0 || !INTS.compareAndSet(t, base, seq, seq + 1)) return;
    t[base + 1] = h;
    t[base + 2] = len << 16 | n;
    int p = base + HEADER;
    int i = from;
    for (; i + 1 < to; i += 2) t[p++] = s[i] | s[i + 1] << 16;
    if (i < to) t[p++] = s[i];
    System.arraycopy(ids, 0, t, p, n);
    INTS.setRelease(t, base, seq + 2);
  }

  void put(char[] s, int from, int to, int h, int[] ids) {
    put(s, from, to, h, ids, ids.length);
  }
}
