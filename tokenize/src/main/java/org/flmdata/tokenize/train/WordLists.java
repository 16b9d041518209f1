package org.flmdata.tokenize.train;

import java.util.Arrays;

/**
 * The word lists that the trainer's queue entries carry (the Rust trainer's {@code Merge.pos}):
 * each entry names the words in which its pair formed (all words for the first count, then the
 * words of one merge step), and merging that entry touches only those words. Lists are ids into
 * a pool of primitive arrays, recycled when freed; a word is appended once per list (words are
 * processed one at a time, so a repeat is always the last element).
 */
final class WordLists {
  private int[][] words = new int[1024][];
  private int[] lengths = new int[1024];
  private int[] free = new int[1024];
  private int nFree;
  private int next;

  /** A new, empty list. */
  int create() {
    if (nFree > 0) return free[--nFree];
    if (next == words.length) {
      words = Arrays.copyOf(words, next * 2);
      lengths = Arrays.copyOf(lengths, next * 2);
    }
    return next++;
  }

  void add(int list, int word) {
    int[] w = words[list];
    int n = lengths[list];
    if (w == null) {
      w = new int[4];
      words[list] = w;
    } else if (n > 0 && w[n - 1] == word) {
      return;
    } else if (n == w.length) {
      w = Arrays.copyOf(w, n + (n >> 1) + 1);
      words[list] = w;
    }
    w[n] = word;
    lengths[list] = n + 1;
  }

  /** The backing array of a list, valid up to {@link #size}. */
  int[] words(int list) {
    return words[list];
  }

  int size(int list) {
    return lengths[list];
  }

  /** Releases a list; its id may be handed out again. */
  void free(int list) {
    lengths[list] = 0;
    int[] w = words[list];
    if (w != null && w.length > 64) words[list] = null; // large lists are not kept for reuse
    if (nFree == free.length) free = Arrays.copyOf(free, nFree * 2);
    free[nFree++] = list;
  }
}
