package org.flmdata.filter.decontam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenchmarkIndexTest {
  private static final String[] WORDS = {"the", "Cat", "sat", "on", "a", "mat", "42", "and",
      "\u00e9t\u00e9", "dog", "ran", "\u4e2d", "\u6587", "far", "away", "x"};

  private static String text(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(5) == 0 ? ", " : " ");
    }
    return sb.toString();
  }

  /** The answers of a binary search over the sorted (hash, mask) pairs. */
  private static long searched(BenchmarkIndex index, long hash) {
    long[] h = new long[index.size()];
    for (int i = 0; i < h.length; i++) h[i] = index.hashAt(i);
    int i = Arrays.binarySearch(h, hash);
    return i < 0 ? 0 : index.maskAt(i);
  }

  @Test
  void maskAnswersAsASearchOfTheSortedHashes() {
    SplittableRandom r = new SplittableRandom(18);
    Map<String, List<String>> items = new LinkedHashMap<>();
    for (String b : List.of("one", "two", "three")) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 40; i++) texts.add(text(r, 10 + r.nextInt(30)));
      items.put(b, texts);
    }
    BenchmarkIndex index = BenchmarkIndex.build(items, 3);
    for (int i = 0; i < index.size(); i++) {
      assertEquals(index.maskAt(i), index.mask(index.hashAt(i)));
    }
    for (int t = 0; t < 300; t++) {
      String doc = text(r, 50);
      long[] grams = Ngrams.hashes(Ngrams.tokenize(doc), 3);
      long[] expected = Arrays.stream(Ngrams.distinct(doc, 3))
          .filter(h -> searched(index, h) != 0).toArray();
      for (long h : grams) assertEquals(searched(index, h), index.mask(h));
      assertArrayEquals(expected, Decontaminator.matching(index, doc));
    }
    for (int t = 0; t < 10_000; t++) {
      long h = r.nextLong();
      assertEquals(searched(index, h), index.mask(h));
    }
  }
}
