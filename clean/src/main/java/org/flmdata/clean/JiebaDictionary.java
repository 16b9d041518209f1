package org.flmdata.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * jieba's word dictionary ({@code /dict.txt} of com.huaban:jieba-analysis, ~350k words with
 * counts) as a compact trie of primitive arrays, with each word's log frequency computed exactly as
 * jieba-analysis's {@code WordDictionary} computes it ({@code log(count / total)}, the last line of
 * a duplicated word winning, the smallest value standing in for unknown words). The trie replaces
 * that class's tree of {@code HashMap<Character, DictSegment>} nodes and its substring-keyed
 * {@code HashMap<String, Double>} lookups: walking a word is one array read per character at the
 * root and a short binary search below it, with no object allocated.
 *
 * <p>Nodes are numbered breadth first, so the children of node {@code k} are the consecutive ids
 * {@code start[k] .. start[k+1]-1}, sorted by their character. Immutable after construction and
 * shared by every task thread of an executor.
 */
final class JiebaDictionary {
  /** No such node. */
  static final int NONE = -1;

  private final int[] rootChild = new int[65536];
  private final char[] label;
  private final int[] start;
  /** log frequency of the word ending at a node, NaN where no word ends. */
  private final double[] logFreq;
  private final double minLogFreq;

  private JiebaDictionary(Map<String, Double> counts, double total) {
    double min = Double.MAX_VALUE;
    for (Double c : counts.values()) {
      // jieba-analysis takes the minimum over every entry, blank ones too
      min = Math.min(Math.log(c / total), min);
    }
    this.minLogFreq = min;
    String[] words = counts.keySet().stream().filter(w -> w != null && !w.isEmpty())
        .sorted().toArray(String[]::new);
    int cap = 1;
    for (String w : words) cap += w.length();
    char[] ch = new char[cap];
    double[] fr = new double[cap];
    int[] st = new int[cap + 1];
    int[] lo = new int[cap];
    int[] hi = new int[cap];
    int[] depth = new int[cap];
    hi[0] = words.length;
    int count = 1;
    for (int k = 0; k < count; k++) {
      st[k] = count;
      fr[k] = Double.NaN;
      int i = lo[k];
      int d = depth[k];
      if (i < hi[k] && words[i].length() == d) { // the prefix itself sorts first in its range
        fr[k] = Math.log(counts.get(words[i]) / total);
        i++;
      }
      while (i < hi[k]) {
        char c = words[i].charAt(d);
        int j = i + 1;
        while (j < hi[k] && words[j].charAt(d) == c) j++;
        ch[count] = c;
        lo[count] = i;
        hi[count] = j;
        depth[count] = d + 1;
        count++;
        i = j;
      }
    }
    st[count] = count;
    this.label = Arrays.copyOf(ch, count);
    this.logFreq = Arrays.copyOf(fr, count);
    this.start = Arrays.copyOf(st, count + 1);
    Arrays.fill(rootChild, NONE);
    for (int id = start[0]; id < start[1]; id++) rootChild[label[id]] = id;
  }

  /** The dictionary jieba-analysis ships, read from its jar's {@code /dict.txt}. */
  static JiebaDictionary load() {
    try (InputStream in = JiebaDictionary.class.getResourceAsStream("/dict.txt")) {
      if (in == null) throw new IllegalStateException("jieba's /dict.txt is not on the classpath");
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jieba's /dict.txt", e);
    }
  }

  /**
   * Lines "word count [tag]"; the word trimmed and lower-cased as jieba-analysis keys it, in the
   * root locale (jieba-analysis uses the JVM's default one, which differs only for a Turkish,
   * Azeri or Lithuanian default; executors must not depend on theirs). jieba-analysis's user
   * dictionaries (USER_DICT_PATH) are not read: the words are those of the shipped dictionary.
   */
  static JiebaDictionary read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Double> counts = new HashMap<>(1 << 19);
    double total = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      // the fields of "[\t ]+".split(line): a leading separator gives an empty first field
      int end0 = fieldEnd(line, 0);
      int start1 = separatorEnd(line, end0);
      if (start1 == line.length()) continue; // fewer than two fields
      double count = Double.parseDouble(line.substring(start1, fieldEnd(line, start1)));
      total += count;
      String w = line.substring(0, end0).trim();
      counts.put(w.isEmpty() ? null : w.toLowerCase(Locale.ROOT), count);
    }
    return new JiebaDictionary(counts, total);
  }

  /** The end of the field starting at {@code i}: the next tab or space, or the line's end. */
  private static int fieldEnd(String line, int i) {
    while (i < line.length() && line.charAt(i) != '\t' && line.charAt(i) != ' ') i++;
    return i;
  }

  /** The end of the run of tabs and spaces starting at {@code i}. */
  private static int separatorEnd(String line, int i) {
    while (i < line.length() && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) i++;
    return i;
  }

  /** The child of {@code node} (0 is the root) labelled {@code c}, or {@link #NONE}. */
  int child(int node, char c) {
    if (node == 0) return rootChild[c];
    int lo = start[node];
    int hi = start[node + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = label[mid];
      if (m < c) lo = mid + 1;
      else if (m > c) hi = mid - 1;
      else return mid;
    }
    return NONE;
  }

  /** log frequency of the word ending at {@code node}, NaN when none ends there. */
  double logFreq(int node) {
    return logFreq[node];
  }

  /** What jieba-analysis gives a string that is not a word. */
  double minLogFreq() {
    return minLogFreq;
  }

  /** Whether {@code s[from, to)} is a dictionary word. */
  boolean isWord(char[] s, int from, int to) {
    int node = 0;
    for (int i = from; i < to && node != NONE; i++) node = child(node, s[i]);
    return node != NONE && node != 0 && !Double.isNaN(logFreq[node]);
  }

  int nodes() {
    return label.length;
  }
}
