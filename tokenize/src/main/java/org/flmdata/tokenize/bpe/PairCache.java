package org.flmdata.tokenize.bpe;

import java.util.Arrays;
import org.flmdata.pipeline.hash.Hash64;

/**
 * One thread's small direct-mapped cache of {@link MergeTable} answers (pair to rank and new id)
 * for the pairs the table's filter lets through. The table of a large vocabulary does not fit a
 * core's cache (Llama-3: 280,000 merges, 4 MB, plus the new ids by rank), so each merge of a word
 * missing the word cache cost a memory read or two; but the pairs a text needs repeat (the
 * characters and syllables of its script), and this cache keeps {@value #SLOTS} of them in
 * {@value #BYTES_K} KB, key and answer side by side. Same answers as the table; absent pairs that
 * pass the filter are cached too.
 */
final class PairCache {
  static final int SLOTS = 1 << 13;
  static final int BYTES_K = SLOTS * 16 / 1024;
  private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(SLOTS);
  private static final long EMPTY = -1L;

  /** {@code [pair key, rank << 32 | newId or MergeTable.ABSENT]} per slot. */
  private final long[] slots = new long[2 * SLOTS];

  PairCache() {
    for (int i = 0; i < slots.length; i += 2) slots[i] = EMPTY;
  }

  /** {@code table.get(left, right)} (both ids non-negative), through this cache. */
  long get(MergeTable table, int left, int right) {
    if (!table.mayHave(left, right)) return MergeTable.ABSENT;
    long key = MergeTable.pair(left, right);
    int i = (int) ((key * Hash64.GOLDEN) >>> SHIFT) << 1;
    if (slots[i] == key) return slots[i + 1];
    long v = table.get(left, right);
    slots[i] = key;
    slots[i + 1] = v;
    return v;
  }

  /** Forgets every pair (for a cache reused with another table). */
  void clear() {
    Arrays.fill(slots, EMPTY);
  }
}
