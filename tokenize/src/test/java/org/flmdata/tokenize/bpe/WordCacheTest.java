package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The flat word cache: whole-key hits, misses that leave the output alone, bounded slots. */
class WordCacheTest {
  private static boolean lookup(WordCache c, String w, IntBuffer out) {
    char[] s = ("<" + w + ">").toCharArray(); // the word inside a larger buffer, as the encoder has it
    return c.appendTo(s, 1, s.length - 1, WordHash.of(s, 1, s.length - 1), out);
  }

  private static void put(WordCache c, String w, int... ids) {
    char[] s = w.toCharArray();
    c.put(s, 0, s.length, WordHash.of(s, 0, s.length), ids);
  }

  @Test
  void aCachedWordGivesItsIdsAndAnotherWordInItsSlotMissesWithoutWriting() {
    WordCache c = new WordCache(1);
    put(c, "hello", 7, 8);
    IntBuffer out = new IntBuffer();
    out.add(1);
    assertTrue(lookup(c, "hello", out));
    assertArrayEquals(new int[] {1, 7, 8}, out.toArray());
    assertFalse(lookup(c, "hellp", out));
    assertFalse(lookup(c, "hell", out));
    assertFalse(lookup(c, "hello!", out));
    assertArrayEquals(new int[] {1, 7, 8}, out.toArray());
    put(c, "\uD83D\uDE00x", 3); // odd length, surrogates: packed two chars to an int
    assertTrue(lookup(c, "\uD83D\uDE00x", out));
    assertArrayEquals(new int[] {1, 7, 8, 3}, out.toArray());
  }

  @Test
  void aWordTooLongForASlotIsNotCached() {
    WordCache c = new WordCache(4);
    String longWord = "x".repeat(2 * (WordCache.SLOT_INTS - 3));
    assertFalse(WordCache.fits(longWord.length(), 1));
    put(c, longWord, 5);
    assertFalse(lookup(c, longWord, new IntBuffer()));
    String most = "y".repeat(2 * (WordCache.SLOT_INTS - 4));
    assertTrue(WordCache.fits(most.length(), 1));
    put(c, most, 6);
    IntBuffer out = new IntBuffer();
    assertTrue(lookup(c, most, out));
    assertEquals(1, out.size());
  }
}
