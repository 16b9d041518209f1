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
 * the counts of the neighbouring pairs only in the words that hold the pair, and a max-heap with
 * lazy invalidation finds the next pair. Training stops at {@code vocabSize} tokens, or when the
 * best pair occurs fewer than {@code minPairCount} times.
 *
 * <p>Same merges as the Rust trainer, including its quirks: each queue entry carries the words its
 * pair formed in (all words at the start, then those of the step that formed it), and merging an
 * entry touches only those words; a merged pair's count is not reset, so an older entry of the
 * same pair, popped later at that count, merges its words too and moves the pair's rank to that
 * later step (its merges map keeps a pair's last rank).
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
    Pending pending = new Pending();
    WordLists lists = pending.lists;
    for (int i = 0; i < n; i++) {
      int[] s = syms[i];
      for (int j = 0; j + 1 < lens[i]; j++) {
        int slot = index.slot(s[j], s[j + 1]);
        index.add(slot, counts[i]);
        pending.add(slot, i);
      }
    }
    PairHeap heap = new PairHeap();
    pending.queue(index, heap); // slots are numbered as they are created: this is slot order
    // every merge step as it happened; a pair merged again (another of its entries) keeps the rank
    // of its last step, as the Rust trainer's merges map does when it is built from this list
    List<long[]> steps = new ArrayList<>();
    Map<Long, Integer> lastStep = new HashMap<>();
    while (ids.size() < vocabSize && heap.size() > 0) {
      long key = heap.topKey();
      long stored = heap.topCount();
      int list = heap.topList();
      heap.pop();
      int a = PairIndex.first(key);
      int b = PairIndex.second(key);
      int slot = index.find(a, b);
      long current = index.count(slot);
      if (stored != current) {
        if (current > 0) heap.push(current, key, list);
        else lists.free(list);
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
      lastStep.put(key, steps.size());
      steps.add(new long[] {key});
      // merge in the entry's words only; the pair's count is left as it is (the Rust trainer
      // never lowers it: an entry of the same pair popped later merges again at that count)
      int[] where = lists.words(list);
      int nWhere = lists.size(list);
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
              pending.add(p, w);
            }
            s[i] = newId;
            System.arraycopy(s, i + 2, s, i + 1, len - i - 2);
            len--;
            if (i + 1 < len) {
              int p = index.slot(newId, s[i + 1]);
              index.add(p, c);
              pending.add(p, w);
              index.add(index.slot(b, s[i + 1]), -c);
            }
          }
          i++;
        }
        lens[w] = len;
      }
      lists.free(list);
      // a pair formed in this step is queued with the words it formed in, at its whole count; one
      // formed and undone in the same step (count 0 again) is not queued, as in the Rust trainer
      pending.queue(index, heap);
    }
    List<String[]> merges = new ArrayList<>(lastStep.size());
    for (int i = 0; i < steps.size(); i++) {
      long key = steps.get(i)[0];
      if (lastStep.get(key) == i) {
        merges.add(new String[] {vocab.get(PairIndex.first(key)), vocab.get(PairIndex.second(key))});
      }
    }
    return new TrainedBpe(vocab, merges, (int) specials.stream().distinct().count(), n);
  }

  /**
   * The word lists pair slots collect while counting or within one merge step, and the slots that
   * got one, in the order they got it; {@link #queue} hands them to the heap.
   */
  static final class Pending {
    final WordLists lists = new WordLists();
    private int[] listOf = grown(new int[0], 1023); // slot -> its pending word list, else -1
    private int[] order = new int[64];
    private int n;

    /** Adds word {@code w} to slot {@code p}'s list, noting {@code p} on its first word. */
    void add(int p, int w) {
      if (p >= listOf.length) listOf = grown(listOf, p);
      if (listOf[p] < 0) {
        listOf[p] = lists.create();
        if (n == order.length) order = java.util.Arrays.copyOf(order, n * 2);
        order[n++] = p;
      }
      lists.add(listOf[p], w);
    }

    /**
     * Queues each noted slot with its words at its whole count; one whose count is 0 again (formed
     * and undone in the same step) is not queued, as in the Rust trainer.
     */
    void queue(PairIndex index, PairHeap heap) {
      for (int t = 0; t < n; t++) {
        int p = order[t];
        if (index.count(p) > 0) heap.push(index.count(p), index.pairKey(p), listOf[p]);
        else lists.free(listOf[p]);
        listOf[p] = -1;
      }
      n = 0;
    }

    private static int[] grown(int[] a, int index) {
      int old = a.length;
      int[] b = java.util.Arrays.copyOf(a, Math.max(index + 1, old * 2));
      java.util.Arrays.fill(b, old, b.length, -1);
      return b;
    }
  }
}
