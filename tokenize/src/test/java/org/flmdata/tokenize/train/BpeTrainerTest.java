package org.flmdata.tokenize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {
  private static List<BpeTrainer.WordCount> words(Object... wordCount) {
    List<BpeTrainer.WordCount> w = new ArrayList<>();
    for (int i = 0; i < wordCount.length; i += 2) {
      w.add(new BpeTrainer.WordCount((String) wordCount[i], ((Number) wordCount[i + 1]).longValue()));
    }
    return w;
  }

  private static List<String> merges(TrainedBpe t) {
    List<String> m = new ArrayList<>();
    for (String[] p : t.merges()) m.add(p[0] + " " + p[1]);
    return m;
  }

  /*
   * Worked by hand. Alphabet sorted by code point: b0 g1 h2 n3 p4 s5 u6.
   * Pair counts: ug 10+5+5=20, pu 5+12=17, un 12+4=16, hu 10+5=15, gs 5, bu 4.
   * 1. u g (20) -> ug=7.   hug 10, pug 5, pun 12, bun 4, hugs 5: h-ug 15, p-ug 5, ug-s 5, pu 12, un 16, bu 4
   * 2. u n (16) -> un=8.   p-un 12, b-un 4
   * 3. h ug (15) -> hug=9. hug-s 5
   * 4. p un (12) -> pun=10
   * 5. tie at 5 between p ug = (4, 7) and hug s = (9, 5): the smaller pair of ids, (4, 7), wins.
   * 6. hug s (5), 7. b un (4).
   */
  @Test
  void mergesFollowCountsThenSmallestPairOfIds() {
    List<BpeTrainer.WordCount> w = words("hug", 10, "pug", 5, "pun", 12, "bun", 4, "hugs", 5);
    TrainedBpe t = BpeTrainer.train(w, 12, List.of(), false, 0);
    assertEquals(List.of("b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug", "pun", "pug"), t.vocab());
    assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug"), merges(t));
    TrainedBpe all = BpeTrainer.train(w, 100, List.of(), false, 0);
    assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug", "hug s", "b un"), merges(all));
  }

  @Test
  void specialTokensComeFirstAndMinPairCountStopsMerging() {
    List<BpeTrainer.WordCount> w = words("hug", 10, "pug", 5, "pun", 12, "bun", 4, "hugs", 5);
    TrainedBpe t = BpeTrainer.train(w, 100, List.of("<eod>", "<pad>"), false, 12);
    assertEquals(2, t.specials());
    assertEquals(List.of("<eod>", "<pad>", "b", "g"), t.vocab().subList(0, 4));
    assertEquals(List.of("u g", "u n", "h ug", "p un"), merges(t));
  }

  /*
   * "aaaa" x1 + "aaa" x1: a a occurs 3 + 2 = 5 times. Merging left to right gives aa aa and aa a;
   * then aa aa (1) and aa a (1) tie: ids a=0, aa=1, so (1, 0) < (1, 1) -> "aa a" first.
   */
  @Test
  void overlappingPairsMergeLeftToRight() {
    TrainedBpe t = BpeTrainer.train(words("aaaa", 1, "aaa", 1), 10, List.of(), false, 0);
    assertEquals(List.of("a a", "aa a", "aa aa"), merges(t));
    assertEquals(List.of("a", "aa", "aaa", "aaaa"), t.vocab());
  }

  @Test
  void fullByteAlphabetHas256TokensBeforeMerges() {
    TrainedBpe t = BpeTrainer.train(words("ab", 3), 300, List.of("<|endoftext|>"), true, 0);
    assertEquals(1 + 256 + 1, t.vocab().size());
    assertEquals("ab", t.vocab().get(257));
  }

  /** Brute force: recount every pair over every word at each step, as the textbook algorithm. */
  @Test
  void incrementalIndexEqualsRecountingFromScratch() {
    Random r = new Random(7);
    List<BpeTrainer.WordCount> w = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(9);
      for (int j = 0; j < len; j++) b.append((char) ('a' + r.nextInt(4)));
      w.add(new BpeTrainer.WordCount(b.toString() + i % 7, 1 + r.nextInt(20)));
    }
    // distinct words only, as counting gives them
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    for (BpeTrainer.WordCount x : w) m.merge(x.word(), x.count(), Long::sum);
    List<BpeTrainer.WordCount> distinct = new ArrayList<>();
    m.forEach((k, v) -> distinct.add(new BpeTrainer.WordCount(k, v)));
    TrainedBpe fast = BpeTrainer.train(distinct, 120, List.of(), false, 0);
    List<BpeTrainer.WordCount> shuffled = new ArrayList<>(distinct);
    Collections.shuffle(shuffled, new Random(3));
    assertEquals(merges(fast), merges(BpeTrainer.train(shuffled, 120, List.of(), false, 0)));
    assertEquals(bruteForce(distinct, 120), merges(fast));
    assertTrue(fast.merges().size() > 50);
  }

  private static List<String> bruteForce(List<BpeTrainer.WordCount> words, int vocabSize) {
    java.util.TreeSet<Integer> cps = new java.util.TreeSet<>();
    for (BpeTrainer.WordCount w : words) w.word().codePoints().forEach(cps::add);
    List<String> vocab = new ArrayList<>();
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    for (int c : cps) {
      ids.put(new String(Character.toChars(c)), vocab.size());
      vocab.add(new String(Character.toChars(c)));
    }
    List<List<Integer>> seqs = new ArrayList<>();
    for (BpeTrainer.WordCount w : words) {
      List<Integer> s = new ArrayList<>();
      w.word().codePoints().forEach(c -> s.add(ids.get(new String(Character.toChars(c)))));
      seqs.add(s);
    }
    List<String> merges = new ArrayList<>();
    while (ids.size() < vocabSize) {
      java.util.Map<Long, Long> counts = new java.util.HashMap<>();
      for (int i = 0; i < seqs.size(); i++) {
        List<Integer> s = seqs.get(i);
        for (int j = 0; j + 1 < s.size(); j++) counts.merge(PairIndex.key(s.get(j), s.get(j + 1)), words.get(i).count(), Long::sum);
      }
      long best = -1;
      long bestKey = 0;
      for (var e : counts.entrySet()) {
        if (e.getValue() > best || (e.getValue() == best && e.getKey() < bestKey)) {
          best = e.getValue();
          bestKey = e.getKey();
        }
      }
      if (best < 1) break;
      int a = PairIndex.first(bestKey);
      int b = PairIndex.second(bestKey);
      String tok = vocab.get(a) + vocab.get(b);
      Integer id = ids.get(tok);
      if (id == null) {
        id = vocab.size();
        vocab.add(tok);
        ids.put(tok, id);
      }
      merges.add(vocab.get(a) + " " + vocab.get(b));
      for (List<Integer> s : seqs) {
        for (int j = 0; j + 1 < s.size(); j++) {
          if (s.get(j) == a && s.get(j + 1) == b) {
            s.set(j, id);
            s.remove(j + 1);
          }
        }
      }
    }
    return merges;
  }
}
