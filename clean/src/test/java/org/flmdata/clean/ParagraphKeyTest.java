package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParagraphKeyTest {
  /** Code points of every kind the normal form treats apart, ASCII and not, BMP and beyond. */
  private static final int[] PALETTE = {
      ' ', '\t', '\u000b', '\u001c', 0x00a0, 0x2003, 0x3000, '.', ',', '!', '$', '^', '`', '~',
      0x3002, 0xff01, 0x2014, 0x00ad, 0x200b, 0x200d, 0xfeff, 0x0001, 0x007f, 0x0085, '0', '7',
      0x0663, 0xff15, 0x1d7ce, 'a', 'Z', 'M', 0x00c9, 0x0130, 0x212a, 0x03a3, 0x0416, 0x4e2d,
      0x6587, 0x3042, 0xac00, 0x10400, 0x1f600, 0x20000, 0xd800, 0xdc00, 0x0301};

  private static long viaString(String line, boolean exact) {
    return ParagraphKey.hash(ParagraphKey.key(line, exact));
  }

  @Test
  void hasherGivesTheHashOfTheNormalFormAndTellsAnEmptyKey() {
    SplittableRandom r = new SplittableRandom(18);
    List<String> lines = new ArrayList<>(List.of("", " ", "...", " Hello,  World 42! ",
        "\u4e2d\u6587\uff0c\u6d4b\u8bd5\u3002", "\t\u00a0x", "\ud800", "A\ud83d\ude00b"));
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(12);
      for (int j = 0; j < len; j++) sb.appendCodePoint(PALETTE[r.nextInt(PALETTE.length)]);
      lines.add(sb.toString());
    }
    ParagraphKey.Hasher hasher = new ParagraphKey.Hasher();
    for (String line : lines) {
      for (boolean exact : new boolean[] {false, true}) {
        boolean empty = ParagraphKey.key(line, exact).isEmpty();
        assertEquals(!empty, hasher.of(line, exact), () -> "empty key of " + line.codePoints()
            .mapToObj(Integer::toHexString).toList());
        if (!empty) {
          assertEquals(viaString(line, exact), hasher.value, () -> "hash of " + line.codePoints()
              .mapToObj(Integer::toHexString).toList());
        }
      }
    }
  }
}
