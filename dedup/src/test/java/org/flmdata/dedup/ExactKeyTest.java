package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.SplittableRandom;
import org.flmdata.pipeline.hash.XxHash64;
import org.junit.jupiter.api.Test;

class ExactKeyTest {
  /** The key's definition, code point by code point through {@link Character} only. */
  private static long[] reference(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    boolean space = true;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
        continue;
      }
      if (space && b.size() > 0) {
        b.write(' ');
        b.write(0);
      }
      space = false;
      for (char c : Character.toChars(Character.toLowerCase(cp))) {
        b.write(c & 0xFF);
        b.write(c >>> 8);
      }
    }
    byte[] a = b.toByteArray();
    return new long[] {XxHash64.hashBytes(a, 0, a.length, 0x1F0E5L),
        XxHash64.hashBytes(a, 0, a.length, 0x2C7A9L)};
  }

  @Test
  void keyOfAnyTextIsTheNormalisedLowerCasedSpaceCollapsedHash() {
    SplittableRandom r = new SplittableRandom(5);
    char[] pool = {'a', 'Q', '7', ' ', '\t', '\n', '\u000b', '\u001c', '\u00a0', '\u3000', '\u00c9',
        '\uff21', '\u4e2d', '\ud83d', '\ude00', '\ud800', '.', '\u0301'};
    ExactKey k = new ExactKey();
    for (int t = 0; t < 3000; t++) {
      char[] c = new char[r.nextInt(30)];
      for (int i = 0; i < c.length; i++) {
        c[i] = r.nextInt(3) == 0 ? (char) r.nextInt(128) : pool[r.nextInt(pool.length)];
      }
      String s = new String(c);
      long[] want = reference(s);
      k.of(s);
      assertEquals(want[0], k.h1(), s);
      assertEquals(want[1], k.h2(), s);
    }
  }
}
