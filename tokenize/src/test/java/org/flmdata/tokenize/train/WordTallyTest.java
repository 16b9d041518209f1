package org.flmdata.tokenize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The char-keyed word tally counts as a map of strings does, through growth and clearing. */
class WordTallyTest {
  private static Map<String, Long> contents(WordTally t) {
    Map<String, Long> m = new HashMap<>();
    t.forEach((c, from, to, n) -> m.merge(new String(c, from, to - from), n, Long::sum));
    return m;
  }

  @Test
  void countsEachDistinctRangeOnceWithItsOccurrencesAsAMapOfStringsWould() {
    Random r = new Random(7);
    WordTally tally = new WordTally();
    Map<String, Long> expected = new HashMap<>();
    char[] buf = new char[64];
    // enough distinct words to grow the table and the char store several times; some repeat
    for (int i = 0; i < 200_000; i++) {
      int len = 1 + r.nextInt(12);
      int off = r.nextInt(buf.length - len);
      for (int j = 0; j < len; j++) {
        buf[off + j] = (char) (r.nextInt(4) == 0 ? 0x4E00 + r.nextInt(40) : 'a' + r.nextInt(3));
      }
      tally.add(buf, off, off + len);
      expected.merge(new String(buf, off, len), 1L, Long::sum);
    }
    assertEquals(expected.size(), tally.size());
    assertEquals(expected, contents(tally));
  }

  @Test
  void clearingEmptiesTheTallyAndItCountsAfresh() {
    WordTally tally = new WordTally();
    char[] w = "hello world".toCharArray();
    tally.add(w, 0, 5);
    tally.add(w, 6, 11);
    tally.add(w, 0, 5);
    assertEquals(Map.of("hello", 2L, "world", 1L), contents(tally));
    tally.clear();
    assertEquals(0, tally.size());
    tally.add(w, 6, 11);
    assertEquals(Map.of("world", 1L), contents(tally));
  }
}
