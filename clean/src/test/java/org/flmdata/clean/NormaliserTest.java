package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NormaliserTest {
  private static String norm(String s) {
    return Normaliser.apply(s, false, false, 0.01).text();
  }

  @Test
  void cleanTextPassesUnchanged() {
    String t = "A normal line.\n\nAnother paragraph, with café and 中文。";
    RuleResult r = Normaliser.apply(t, false, false, 0.01);
    assertNull(r.drop());
    assertEquals(t, r.text());
    assertEquals(0, r.charsRemoved());
  }

  @Test
  void lineEndingsControlsZeroWidthAndWhitespaceAreSqueezed() {
    String t = "\uFEFFHello\u200B  world\t\t again \r\nnext\u0007 line\r\n\r\n\r\n\r\nlast  \u00A0";
    assertEquals("Hello world again\nnext line\n\nlast", norm(t));
  }

  @Test
  void leadingIndentationIsKeptForCode() {
    assertEquals("if x:\n    return  1".replace("  1", " 1"), norm("if x:\n    return   1"));
  }

  @Test
  void decomposedAccentsBecomeNfc() {
    assertEquals("caf\u00e9", norm("cafe\u0301"));
    assertEquals("ﬁne", norm("ﬁne"));
    assertEquals("fine", Normaliser.apply("ﬁne", true, false, 0.01).text());
  }

  @Test
  void utf8ReadAsWindows1252IsRepaired() {
    String original = "Café – “quoted” déjà vu";
    String garbled = Normaliser.garble(original);
    assertEquals("CafÃ©", garbled.substring(0, 5));
    assertEquals(original, norm(garbled));
    // Latin-1 text that merely contains "Ã" stays as it is (it is not valid UTF-8 underneath)
    assertEquals("Ã la carte", norm("Ã la carte"));
  }

  @Test
  void manyReplacementCharactersAreMojibake() {
    String bad = "ab\uFFFD\uFFFDcd" + "x".repeat(100);
    assertEquals(CleanReason.MOJIBAKE, Normaliser.apply(bad, false, false, 0.01).drop());
    String one = "ab\uFFFD" + "x".repeat(100); // 1 / 103 < 1%
    assertNull(Normaliser.apply(one, false, false, 0.01).drop());
  }

  @Test
  void emptyAndBlankAndNullAreEmpty() {
    assertEquals(CleanReason.EMPTY, Normaliser.apply(null, false, false, 0.01).drop());
    assertEquals(CleanReason.EMPTY, Normaliser.apply(" \n\t", false, false, 0.01).drop());
    assertEquals(CleanReason.EMPTY, Normaliser.apply("\u200B\u0000", false, false, 0.01).drop());
  }

  @Test
  void chineseFullWidthLettersAndDigitsBecomeHalfWidthButPunctuationStays() {
    RuleResult r = Normaliser.apply("２０２４年ＡＰＰ发布，很好！", false, true, 0.01);
    assertEquals("2024年APP发布，很好！", r.text());
    assertEquals("２０２４年", Normaliser.apply("２０２４年", false, false, 0.01).text());
  }

  @Test
  void unpairedSurrogatesNeverThrow() {
    String t = "a\uD800b\uDC00c";
    assertEquals(t, norm(t));
  }
}
