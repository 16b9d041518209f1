package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShinglerTest {

  private static long[] shingles(ShingleUnit unit, int n, String text) {
    Shingler s = new Shingler(unit, n);
    int c = s.shingle(text);
    return Arrays.copyOf(s.hashes(), c);
  }

  private static Set<Long> set(long[] a) {
    Set<Long> s = new HashSet<>();
    for (long x : a) s.add(x);
    return s;
  }

  @Test
  void englishWordShinglesIgnoreCasePunctuationAndSpacing() {
    String text = "The quick brown fox jumps over the lazy dog";
    // 9 words -> 9 - 5 + 1 shingles
    assertEquals(9 - 5 + 1, shingles(ShingleUnit.WORD, 5, text).length);
    assertArrayEquals(shingles(ShingleUnit.WORD, 5, text),
        shingles(ShingleUnit.WORD, 5, "THE quick, brown fox -- jumps\n\tover the lazy dog!"));
  }

  @Test
  void wordShingleIsOrderSensitive() {
    long[] a = shingles(ShingleUnit.WORD, 2, "alpha beta");
    long[] b = shingles(ShingleUnit.WORD, 2, "beta alpha");
    assertEquals(1, a.length);
    assertNotEquals(a[0], b[0]);
  }

  @Test
  void oneWordEditChangesOnlyTheShinglesCoveringIt() {
    String base = "one two three four five six seven eight nine ten eleven twelve";
    String edit = "one two three four five six SEVENTY eight nine ten eleven twelve";
    Set<Long> a = set(shingles(ShingleUnit.WORD, 5, base));
    Set<Long> b = set(shingles(ShingleUnit.WORD, 5, edit));
    Set<Long> common = new HashSet<>(a);
    common.retainAll(b);
    // 12 words, 8 shingles; the 7th word is in shingles starting at words 3..7 (5 of them)
    assertEquals(8, a.size());
    assertEquals(8 - 5, common.size());
  }

  @Test
  void chineseTextIsShingledByCharactersInWordMode() {
    String zh = "今天天气很好我们去公园散步";
    // 13 Han characters, each a token: 13 - 5 + 1 shingles (a whitespace tokenizer sees 1 word)
    assertEquals(13 - 5 + 1, shingles(ShingleUnit.WORD, 5, zh).length);
    assertEquals(zh.length() - 5 + 1,
        shingles(ShingleUnit.WORD, 5, "今天天气很好，我们去公园散步。").length);
  }

  @Test
  void chineseCharShinglesSeeAOneCharacterEdit() {
    String a = "今天天气很好我们去公园散步然后回家吃饭";
    String b = "今天天气很好我们去公园跑步然后回家吃饭";
    Set<Long> sa = set(shingles(ShingleUnit.CHAR, 5, a));
    Set<Long> sb = set(shingles(ShingleUnit.CHAR, 5, b));
    Set<Long> common = new HashSet<>(sa);
    common.retainAll(sb);
    int total = a.length() - 5 + 1;
    assertEquals(total, sa.size());
    // the 12th character is covered by 5 shingles
    assertEquals(total - 5, common.size());
  }

  @Test
  void charShinglesCollapseWhitespace() {
    assertArrayEquals(shingles(ShingleUnit.CHAR, 3, "ab  c\n\nd "),
        shingles(ShingleUnit.CHAR, 3, " ab c d"));
    // "ab c d" is 6 characters: 4 shingles of 3
    assertEquals(4, shingles(ShingleUnit.CHAR, 3, "ab c d").length);
  }

  @Test
  void shortTextIsOneShingleAndEmptyTextNone() {
    assertEquals(1, shingles(ShingleUnit.WORD, 5, "two words").length);
    assertEquals(0, shingles(ShingleUnit.WORD, 5, "").length);
    assertEquals(0, shingles(ShingleUnit.WORD, 5, null).length);
    assertEquals(0, shingles(ShingleUnit.WORD, 5, " ,.;!? ").length);
    assertEquals(0, shingles(ShingleUnit.CHAR, 5, "   ").length);
  }

  @Test
  void oddStringsNeverThrow() {
    String[] odd = {"\uD800", "a\uDC00b", "\u0000\u0000", "x".repeat(200_000),
        "\uD83D\uDE00 emoji \uD83D\uDE00", "e\u0301cole"};
    for (ShingleUnit u : ShingleUnit.values()) {
      for (String s : odd) new Shingler(u, 5).shingle(s);
    }
    // a long word grows the buffer and is one token
    assertEquals(1, shingles(ShingleUnit.WORD, 5, "x".repeat(200_000)).length);
  }

  @Test
  void everyAsciiCharacterIsClassifiedByTheUnicodePredicates() {
    for (char c = 0; c < 128; c++) {
      String text = "x" + c + "y";
      boolean wordChar = Character.isLetterOrDigit(c);
      // word mode: a letter or digit joins its neighbours into one token, anything else splits
      assertEquals(wordChar ? 1 : 2, new Shingler(ShingleUnit.WORD, 1).shingle(text), "0x"
          + Integer.toHexString(c));
      assertArrayEquals(shingles(ShingleUnit.WORD, 1, "x" + Character.toLowerCase(c) + "y"),
          shingles(ShingleUnit.WORD, 1, text));
      // char mode: whitespace runs are one space token, every other character is a token
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      assertArrayEquals(shingles(ShingleUnit.CHAR, 1, space ? "x y" : "x" + Character.toLowerCase(c)
          + "y"), shingles(ShingleUnit.CHAR, 1, text));
    }
    // a word across ASCII and non-ASCII letters is one token, lower-cased on both paths
    assertEquals(1, new Shingler(ShingleUnit.WORD, 1).shingle("ab\u00e9cd"));
    assertArrayEquals(shingles(ShingleUnit.WORD, 2, "ab\u00e9cd \u00c9Fg"),
        shingles(ShingleUnit.WORD, 2, "AB\u00c9CD \u00e9fG"));
  }

  @Test
  void reusedShinglerGivesTheSameHashesAsAFreshOne() {
    Shingler s = new Shingler(ShingleUnit.WORD, 3);
    s.shingle("a long text with many many words to grow the buffers of the shingler a lot");
    int c = s.shingle("short one here now");
    assertArrayEquals(shingles(ShingleUnit.WORD, 3, "short one here now"),
        Arrays.copyOf(s.hashes(), c));
  }
}
