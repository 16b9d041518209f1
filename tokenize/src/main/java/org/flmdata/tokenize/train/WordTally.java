package org.flmdata.tokenize.train;

import java.util.Arrays;
import org.flmdata.tokenize.bpe.WordHash;

/**
 * A partition's word counts keyed by the chars of each pre-token, so that counting an occurrence
 * allocates nothing: open addressing over entry numbers, the distinct keys' chars kept end to end
 * in one growing char array, counts in a long array. Only a distinct key is ever turned into a
 * word (a String), when the tally is drained. A {@code HashMap<String, long[]>} fed one new String
 * per occurrence cost most of the word count's time (TokenizerTrainBenchmark).
 *
 * <p>Not thread-safe: one per task.
 */
final class WordTally {
  /** Receives one distinct key and its count. */
  @FunctionalInterface
  interface Entry {
    void accept(char[] chars, int from, int to, long count);
  }

  private int[] table; // entry + 1, 0 = empty
  private int[] hashes; // by entry
  private int[] starts; // by entry, into chars; the key ends where the next one starts
  private long[] counts; // by entry
  private char[] chars = new char[1 << 16];
  private int used; // chars used
  private int size; // entries

  WordTally() {
    clear();
  }

  int size() {
    return size;
  }

  /** Adds one occurrence of the key {@code s[from, to)}. */
  void add(char[] s, int from, int to) {
    int h = WordHash.of(s, from, to);
    int mask = table.length - 1;
    int len = to - from;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int e = table[i] - 1;
      if (e < 0) {
        insert(i, h, s, from, to);
        return;
      }
      if (hashes[e] == h) {
        int a = starts[e];
        if (starts[e + 1] - a == len && Arrays.equals(chars, a, a + len, s, from, to)) {
          counts[e]++;
          return;
        }
      }
    }
  }

  private void insert(int slot, int h, char[] s, int from, int to) {
    int len = to - from;
    if (used + len > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
    System.arraycopy(s, from, chars, used, len);
    int e = size++;
    if (e + 1 >= starts.length) {
      int n = starts.length * 2;
      starts = Arrays.copyOf(starts, n);
      hashes = Arrays.copyOf(hashes, n);
      counts = Arrays.copyOf(counts, n);
    }
    hashes[e] = h;
    counts[e] = 1;
    starts[e] = used;
    used += len;
    starts[e + 1] = used;
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int e = 0; e < size; e++) {
      int i = hashes[e] & mask;
      while (t[i] != 0) i = (i + 1) & mask;
      t[i] = e + 1;
    }
    table = t;
  }

  /** Passes every distinct key and its count to {@code out}, in the order first added. */
  void forEach(Entry out) {
    for (int e = 0; e < size; e++) out.accept(chars, starts[e], starts[e + 1], counts[e]);
  }

  /** Empties the tally (back to its initial memory). */
  void clear() {
    table = new int[1 << 14];
    hashes = new int[1 << 12];
    starts = new int[1 << 12];
    counts = new long[1 << 12];
    if (chars.length > 1 << 20) chars = new char[1 << 16];
    used = 0;
    size = 0;
  }
}
