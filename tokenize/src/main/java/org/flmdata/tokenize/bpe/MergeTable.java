package org.flmdata.tokenize.bpe;

import org.flmdata.pipeline.hash.Hash64;

/**
 * Open-addressing map from a symbol pair {@code (left, right)} to its merge {@code (rank, newId)};
 * immutable after construction, so safe to share between threads. Used by the tokenizer.json BPE
 * and by the SentencePiece BPE (pair to score rank and merged piece).
 *
 * <p>Two layouts. Wide: key and value side by side in a long array (16 bytes a slot). Packed, when
 * the ids and ranks are known to fit ({@link #MergeTable(int, int)}: ids below 2^20, fewer than
 * 2^23 merges, as every released vocabulary): the pair and the rank in one long (8 bytes a slot)
 * and the new id in an array by rank, so a table of 280,000 merges takes 4 MB instead of 16 and a
 * lookup touches one cache line of a table that stays in cache far more often.
 *
 * <p>Most lookups while encoding are of pairs that no merge has (about two thirds: the neighbours
 * of each new symbol, e.g. a just-merged character and the first byte of the next one). A bit set
 * of the pairs' hashes (at most 256 KB, small enough to stay in a core's cache) answers most of
 * them without touching the table: a clear bit means absent; a set bit, the table decides.
 */
public final class MergeTable {
  public static final long ABSENT = -1L;
  private static final int ID_BITS = 20;
  private static final int RANK_BITS = 23;
  private static final long RANK_MASK = (1L << RANK_BITS) - 1;

  /** Wide: {@code [key, value]} per slot; packed: {@code key << 23 | rank} per slot. */
  private final long[] table;
  /** The merged token's id by rank (null from {@link #MergeTable(int)}). */
  private final int[] idOfRank;
  private final boolean packed;
  private final int mask;
  /** One bit per hash of the pairs present (see the class comment). */
  private final long[] filter;
  private final int filterShift;

  /** A wide table for about {@code capacity} merges of any ids. */
  public MergeTable(int capacity) {
    int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
    table = new long[2 * size];
    java.util.Arrays.fill(table, ABSENT);
    idOfRank = null;
    packed = false;
    mask = size - 1;
    filterShift = filterShift(capacity);
    filter = new long[Math.max(1, (int) (1L << (64 - filterShift)) >>> 6)];
  }

  /**
   * A table for ranks below {@code capacity} and ids up to {@code maxId}: packed when they fit,
   * else wide.
   */
  public MergeTable(int capacity, int maxId) {
    idOfRank = new int[Math.max(1, capacity)];
    packed = maxId < (1 << ID_BITS) && capacity < (1 << RANK_BITS);
    if (!packed) {
      int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
      table = new long[2 * size];
      mask = size - 1;
    } else {
      // load factor 0.35..0.7
      int size = Integer.highestOneBit(Math.max(4, capacity + capacity / 2 - 1)) << 1;
      table = new long[size];
      mask = size - 1;
    }
    java.util.Arrays.fill(table, ABSENT);
    filterShift = filterShift(capacity);
    filter = new long[Math.max(1, (int) (1L << (64 - filterShift)) >>> 6)];
  }

  /** 64 minus the filter's bits: about 8 bits per merge, at least 2^12, at most 2^21 bits. */
  private static int filterShift(int capacity) {
    int bits = Math.min(21, Math.max(12, 64 - Long.numberOfLeadingZeros(Math.max(1L, capacity) * 8L - 1)));
    return 64 - bits;
  }

  private int filterBit(long pairKey) {
    return (int) ((pairKey * Hash64.GOLDEN) >>> filterShift);
  }

  /** False when no merge has this pair (true: it may have one). */
  private boolean mayHave(long pairKey) {
    int b = filterBit(pairKey);
    return (filter[b >>> 6] & (1L << b)) != 0;
  }

  /** False when no merge has the pair {@code (left, right)} (true: it may have one); no table read. */
  boolean mayHave(int left, int right) {
    if (packed && (left | right) >>> ID_BITS != 0) return false;
    return mayHave(pair(left, right));
  }

  static long pair(int left, int right) {
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }

  /**
   * Puts the merge; a pair listed twice keeps its last rank, as the Hugging Face library's
   * merge map (collected from the merges list in order) does.
   */
  public void put(int left, int right, int rank, int newId) {
    if (idOfRank != null && (rank < 0 || rank >= idOfRank.length)) {
      throw new IllegalArgumentException("rank " + rank + " outside 0.." + (idOfRank.length - 1));
    }
    int fb = filterBit(pair(left, right));
    if (packed) {
      if (left < 0 || right < 0 || left >= (1 << ID_BITS) || right >= (1 << ID_BITS)) {
        throw new IllegalArgumentException("merge (" + left + ", " + right + ") rank " + rank
            + " outside the packed table's bounds");
      }
      filter[fb >>> 6] |= 1L << fb;
      long key = packedKey(left, right);
      int i = slot(key);
      while (table[i] != ABSENT && (table[i] >>> RANK_BITS) != key) i = (i + 1) & mask;
      table[i] = key << RANK_BITS | rank;
      idOfRank[rank] = newId;
      return;
    }
    filter[fb >>> 6] |= 1L << fb;
    long k = pair(left, right);
    int i = slot(k);
    while (table[2 * i] != ABSENT && table[2 * i] != k) i = (i + 1) & mask;
    table[2 * i] = k;
    table[2 * i + 1] = ((long) rank << 32) | (newId & 0xFFFFFFFFL);
    if (idOfRank != null) idOfRank[rank] = newId;
  }

  /** {@code (rank << 32) | newId}, or {@link #ABSENT}. */
  public long get(int left, int right) {
    if (packed) {
      int r = rank(left, right);
      return r < 0 ? ABSENT : ((long) r << 32) | (idOfRank[r] & 0xFFFFFFFFL);
    }
    long k = pair(left, right);
    if (!mayHave(k)) return ABSENT;
    int i = slot(k);
    while (true) {
      long at = table[2 * i];
      if (at == k) return table[2 * i + 1];
      if (at == ABSENT) return ABSENT;
      i = (i + 1) & mask;
    }
  }

  /** The rank of the merge of {@code (left, right)}, or -1; without reading its new id. */
  public int rank(int left, int right) {
    if (!packed) {
      long v = get(left, right);
      return v == ABSENT ? -1 : (int) (v >>> 32);
    }
    if ((left | right) >>> ID_BITS != 0 || !mayHave(pair(left, right))) return -1;
    long key = packedKey(left, right);
    int i = slot(key);
    while (true) {
      long at = table[i];
      if (at == ABSENT) return -1;
      if ((at >>> RANK_BITS) == key) return (int) (at & RANK_MASK);
      i = (i + 1) & mask;
    }
  }

  /** The id of the token the merge of rank {@code rank} makes (the rank from {@link #rank}). */
  public int newId(int rank) {
    if (idOfRank != null) return idOfRank[rank];
    throw new IllegalStateException("newId(rank) needs a table made with MergeTable(capacity, maxId)");
  }

  private static long packedKey(int left, int right) {
    return ((long) left << ID_BITS) | right;
  }

  private int slot(long k) {
    long h = k * Hash64.GOLDEN;
    return (int) (h >>> 32) & mask;
  }
}
