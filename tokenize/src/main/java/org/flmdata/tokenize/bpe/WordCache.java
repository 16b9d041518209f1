package org.flmdata.tokenize.bpe;

/**
 * A fixed-size, direct-mapped cache from a pre-token (a range of chars) to its ids: one slot per
 * hash, a new word replaces the slot's old one. Its memory is bounded by the slot count and the
 * longest cached word, whatever the corpus (a few MB at 65,536 slots of typical words), which a
 * Spark task can spare; on a corpus read once it answers the frequent words (Zipf's law puts most
 * running words among a few thousand types) and a miss costs only the slot write. Each slot is
 * one int array {@code [hash, length, chars..., ids...]}, so a lookup reads one object. Safe to share
 * between threads without locks: a slot's array is never changed once published, and a reader
 * compares the whole key, so a racing writer can only cause a miss.
 */
final class WordCache {
  /** Pre-tokens longer than this are not cached (the Hugging Face library's MAX_LENGTH). */
  static final int MAX_WORD = 256;

  private final int[][] slots;
  private final int mask;

  /** {@code slots} is rounded up to a power of two. */
  WordCache(int slots) {
    int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
    this.slots = new int[size][];
    this.mask = size - 1;
  }

  static int hash(char[] s, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) h = 31 * h + s[i];
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }

  /**
   * Appends the ids cached for {@code s[from, to)} (hash {@code h}) to {@code out} and returns
   * true, or returns false.
   */
  boolean appendTo(char[] s, int from, int to, int h, IntBuffer out) {
    int[] e = slots[h & mask];
    int len = to - from;
    if (e == null || e[0] != h || e[1] != len) return false;
    for (int i = 0; i < len; i++) {
      if (e[2 + i] != s[from + i]) return false;
    }
    out.addAll(e, 2 + len, e.length - 2 - len);
    return true;
  }

  void put(char[] s, int from, int to, int h, int[] ids) {
    int len = to - from;
    if (len > MAX_WORD) return;
    int[] e = new int[2 + len + ids.length];
    e[0] = h;
    e[1] = len;
    for (int i = 0; i < len; i++) e[2 + i] = s[from + i];
    System.arraycopy(ids, 0, e, 2 + len, ids.length);
    slots[h & mask] = e;
  }
}
