package org.flmdata.filter.decontam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flmdata.pipeline.hash.Hash64;
import org.flmdata.pipeline.text.Scripts;
import org.junit.jupiter.api.Test;

class NgramsTest {
  private static final int[] PALETTE = {'a', 'Q', 'z', '0', '9', ' ', '.', '-', '\'', '\n', '_',
      0x00e9, 0x00c9, 0x0301, 0x0903, 0x4e2d, 0x3042, 0xac00, 0x2019, 0x00a0, 0x0130, 0x212a,
      0x10400, 0x1f600, 0x0663};

  /** The token rule of the class comment, code point by code point. */
  private static List<long[]> reference(String text) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      boolean cjk = Scripts.isCjk(cp);
      if (!cjk && !word(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int s = i;
      long h = Hash64.FNV_OFFSET;
      if (cjk) {
        h = Hash64.fnv1a(h, cp);
        i += Character.charCount(cp);
      } else {
        while (i < text.length()) {
          int c = text.codePointAt(i);
          if (Scripts.isCjk(c) || !word(c)) break;
          h = Hash64.fnv1a(h, Character.toLowerCase(c));
          i += Character.charCount(c);
        }
      }
      out.add(new long[] {s, i, Hash64.splitmix64(h)});
    }
    return out;
  }

  private static boolean word(int cp) {
    int t = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK;
  }

  @Test
  void tokensFollowTheRuleForAsciiAndOtherText() {
    SplittableRandom r = new SplittableRandom(18);
    for (int t = 0; t < 5_000; t++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(40);
      for (int j = 0; j < len; j++) sb.appendCodePoint(PALETTE[r.nextInt(PALETTE.length)]);
      String text = sb.toString();
      List<long[]> expected = reference(text);
      Ngrams.Tokens got = Ngrams.tokenize(text);
      assertEquals(expected.size(), got.count(), text);
      for (int k = 0; k < expected.size(); k++) {
        assertArrayEquals(expected.get(k),
            new long[] {got.start()[k], got.end()[k], got.hash()[k]}, text);
      }
    }
  }
}
