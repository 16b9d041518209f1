package org.flmdata.tokenize.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flmdata.tokenize.bpe.TrainingSplitter;

/**
 * Byte-level BPE training on counted words, the algorithm of Hugging Face's {@code BpeTrainer}
 * ({@code tokenizers/src/models/bpe/trainer.rs}): special tokens get the first ids, then the
 * alphabet sorted by code point, then one token per merge. Each step merges the most frequent
 * adjacent pair (weighted by word counts), ties going to the smallest pair of ids; merging updates
 * the counts of the neighbouring pairs only in the words that hold the pair (a pair -> words
 * index), and a max-heap with lazy invalidation finds the next pair. Training stops at {@code
 * vocabSize} tokens, or when the best pair occurs fewer than {@code minPairCount} times.
 *
 * <p>Deterministic: the result depends on the words and counts only, not on their order.
 */
public final class BpeTrainer {
  private BpeTrainer() {}

  /** A word (in the byte-level alphabet) and how often it occurred. */
  public record WordCount(String word, long count) implements java.io.Serializable {}

  /**
   * Trains on {@code words}.
   *
   * @param vocabSize target size, special tokens and alphabet included
   * @param specials special tokens, given ids 0, 1, ... in this order
   * @param fullByteAlphabet put all 256 byte-level characters in the alphabet (no unknown bytes
   *     later), as the Rust trainer with {@code initial_alphabet=ByteLevel.alphabet()}; otherwise
   *     only the characters seen, as its default
   * @param minPairCount stop when the best pair occurs fewer times (the Rust trainer's {@code
   *     min_frequency}; 0 or 1: no limit)
   */
  public static TrainedBpe train(List<WordCount> words, int vocabSize, List<String> specials,
      boolean fullByteAlphabet, long minPairCount) {
    List<String> vocab = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (String s : specials) {
      if (!ids.containsKey(s)) {
        ids.put(s, vocab.size());
        vocab.add(s);
      }
    }
    TreeSet<Integer> alphabet = new TreeSet<>();
    if (fullByteAlphabet) {
      for (int b = 0; b < 256; b++) alphabet.add((int) TrainingSplitter.byteChar(b));
    }
    java.util.BitSet seen = new java.util.BitSet(65536);
    for (WordCount w : words) {
      String word = w.word();
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (Character.isSurrogate(c)) {
          word.codePoints().forEach(alphabet::add);
          break;
        }
        seen.set(c);
      }
    }
    for (int c = seen.nextSetBit(0); c >= 0; c = seen.nextSetBit(c + 1)) alphabet.add(c);
    for (int cp : alphabet) {
      String s = new String(Character.toChars(cp));
      if (!ids.containsKey(s)) {
        ids.put(s, vocab.size());
        vocab.add(s);
      }
    }
    int n = words.size();
    int[][] syms = new int[n][];
    int[] lens = new int[n];
    long[] counts = new long[n];
    long totalSymbols = 0;
    int[] bmpIds = new int[65536]; // alphabet ids of BMP characters (byte-level words: all of them)
    java.util.Arrays.fill(bmpIds, -1);
    for (int cp : alphabet) if (cp < 65536) bmpIds[cp] = ids.get(String.valueOf((char) cp));
    for (int i = 0; i < n; i++) {
      WordCount w = words.get(i);
      int[] cps = w.word().codePoints().toArray();
      int[] s = new int[cps.length];
      for (int j = 0; j < cps.length; j++) {
        int cp = cps[j];
        s[j] = cp < 65536 ? bmpIds[cp] : ids.get(new String(Character.toChars(cp)));
      }
      syms[i] = s;
      lens[i] = s.length;
      counts[i] = w.count();
      totalSymbols += s.length;
    }
    PairIndex index = new PairIndex((int) Math.min(1 << 24, Math.max(1024, totalSymbols / 4)));
    for (int i = 0; i < n; i++) {
      int[] s = syms[i];
      for (int j = 0; j + 1 < lens[i]; j++) {
        int slot = index.slot(s[j], s[j + 1]);
        index.add(slot, counts[i]);
        index.addWord(slot, i);
      }
    }
    PairHeap heap = new PairHeap();
    for (int slot = 0; slot < index.size(); slot++) {
      if (index.count(slot) > 0) heap.push(index.count(slot), index.pairKey(slot));
    }
    List<String[]> merges = new ArrayList<>();
    java.util.HashSet<Long> merged = new java.util.HashSet<>();
    Touched touched = new Touched();
    while (ids.size() < vocabSize && heap.size() > 0) {
      long key = heap.topKey();
      long stored = heap.topCount();
      heap.pop();
      int a = PairIndex.first(key);
      int b = PairIndex.second(key);
      int slot = index.find(a, b);
      long current = index.count(slot);
      if (stored != current) {
        if (current > 0) heap.push(current, key);
        continue;
      }
      if (current < 1 || current < minPairCount) break;
      String token = vocab.get(a) + vocab.get(b);
      Integer existing = ids.get(token);
      int newId;
      if (existing == null) {
        newId = vocab.size();
        vocab.add(token);
        ids.put(token, newId);
      } else {
        newId = existing; // the same string reached by another pair: one token, two merges
      }
      if (merged.add(key)) merges.add(new String[] {vocab.get(a), vocab.get(b)});
      int[] where = index.words(slot);
      int nWhere = index.wordCount(slot);
      index.clearWords(slot);
      for (int k = 0; k < nWhere; k++) {
        int w = where[k];
        int[] s = syms[w];
        int len = lens[w];
        long c = counts[w];
        int i = 0;
        while (i < len) {
          if (s[i] == a && i + 1 < len && s[i + 1] == b) {
            if (i > 0) {
              index.add(index.slot(s[i - 1], a), -c);
              int p = index.slot(s[i - 1], newId);
              index.add(p, c);
              index.addWord(p, w);
              touched.add(p);
            }
            s[i] = newId;
            System.arraycopy(s, i + 2, s, i + 1, len - i - 2);
            len--;
            if (i + 1 < len) {
              int p = index.slot(newId, s[i + 1]);
              index.add(p, c);
              index.addWord(p, w);
              touched.add(p);
              index.add(index.slot(b, s[i + 1]), -c);
            }
          }
          i++;
        }
        lens[w] = len;
      }
      index.setCount(slot, 0); // merged everywhere it occurred
      // a pair that was formed and undone in the same step (count 0 again) is not queued, as in
      // the Rust trainer
      for (int t = 0; t < touched.size(); t++) {
        int p = touched.get(t);
        if (index.count(p) > 0) heap.push(index.count(p), index.pairKey(p));
      }
      touched.clear();
    }
    return new TrainedBpe(vocab, merges, (int) specials.stream().distinct().count(), n);
  }

  /** The pair slots one merge step changed, each once, in the order they first changed. */
  static final class Touched {
    private int[] order = new int[64];
    private boolean[] member = new boolean[1024];
    private int n;

    void add(int p) {
      if (p >= member.length) member = java.util.Arrays.copyOf(member, Math.max(p + 1, member.length * 2));
      if (member[p]) return;
      member[p] = true;
      if (n == order.length) order = java.util.Arrays.copyOf(order, n * 2);
      order[n++] = p;
    }

    int size() {
      return n;
    }

    int get(int t) {
      return order[t];
    }

    void clear() {
      for (int t = 0; t < n; t++) member[order[t]] = false;
      n = 0;
    }
  }
}
