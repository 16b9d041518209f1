package org.flmdata.tokenize.bpe;

/**
 * Open-addressing map from a symbol pair {@code (left, right)} to its merge {@code (rank, newId)},
 * both packed in longs; immutable after construction, so safe to share between threads. Used by
 * the tokenizer.json BPE and by the SentencePiece BPE (pair to score rank and merged piece).
 */
public final class MergeTable {
  public static final long ABSENT = -1L;
  private final long[] keys;
  private final long[] values;
  private final int mask;

  public MergeTable(int capacity) {
    int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
    keys = new long[size];
    values = new long[size];
    java.util.Arrays.fill(keys, ABSENT);
    mask = size - 1;
  }

  static long pair(int left, int right) {
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }

  /**
   * Puts the merge; a pair listed twice keeps its last rank, as the Hugging Face library's
   * merge map (collected from the merges list in order) does.
   */
  public void put(int left, int right, int rank, int newId) {
    long k = pair(left, right);
    int i = slot(k);
    while (keys[i] != ABSENT && keys[i] != k) i = (i + 1) & mask;
    keys[i] = k;
    values[i] = ((long) rank << 32) | (newId & 0xFFFFFFFFL);
  }

  /** {@code (rank << 32) | newId}, or {@link #ABSENT}. */
  public long get(int left, int right) {
    long k = pair(left, right);
    int i = slot(k);
    while (true) {
      long at = keys[i];
      if (at == k) return values[i];
      if (at == ABSENT) return ABSENT;
      i = (i + 1) & mask;
    }
  }

  private int slot(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
