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

  /** Characters where squeeze and the mojibake scan branch. */
  private static final String ODD = "ab Z.\n\n\r\t\u000B\u000C\u00A0\u3000\u2007\u202F\u2003\u2028\u2029"
      + "\u0085\u0000\u001F\u007F\u0090\u200B\u2060\uFEFF\u00AD\u200E\u200F\u200D"
      + "ÃÂÅÐÑâ\u0080\u00A9\u00BF€™Ÿ\u00C0ＡＺ０９！～，。中\uD800\uDC00";

  @Test
  void squeezeAndMojibakeScanMatchTheirRegexAndLineBufferForms() {
    java.util.regex.Pattern mojibake =
        java.util.regex.Pattern.compile("[ÃÂÅÐÑâ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]");
    java.util.Random r = new java.util.Random(18);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(30);
      for (int k = 0; k < len; k++) sb.append(ODD.charAt(r.nextInt(ODD.length())));
      String t = sb.toString();
      assertEquals(mojibake.matcher(t).find(), Normaliser.mayBeMojibake(t), t);
      for (boolean zh : new boolean[] {false, true}) {
        assertEquals(lineBufferSqueeze(t, zh), Normaliser.squeeze(t, zh), t);
      }
    }
  }

  /** squeeze as it was written before issue 18 (a line buffer copied into the output). */
  private static String lineBufferSqueeze(String t, boolean zh) {
    StringBuilder out = new StringBuilder(t.length());
    StringBuilder line = new StringBuilder();
    int blankRun = 0;
    boolean content = false;
    int n = t.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? t.charAt(i) : '\n';
      if (c == '\r') {
        if (i + 1 < n && t.charAt(i + 1) == '\n') continue;
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        line.setLength(end);
        if (end == 0) {
          blankRun++;
          if (blankRun <= 1 && out.length() > 0 && i < n) out.append('\n');
        } else {
          blankRun = 0;
          out.append(line).append('\n');
        }
        line.setLength(0);
        content = false;
        continue;
      }
      if (c == '\t' && line.length() == 0) {
        line.append('\t');
        continue;
      }
      boolean space = c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u2007'
          || c == '\u202F' || (c >= '\u2000' && c <= '\u200A') || c == '\u000B' || c == '\u000C';
      if (space) {
        if (!content || line.charAt(line.length() - 1) != ' ') line.append(' ');
        continue;
      }
      boolean removed = c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u200B' || c == '\u2060'
          || c == '\uFEFF' || c == '\u00AD' || c == '\u200E' || c == '\u200F';
      if (removed) continue;
      if (zh && c >= '\uFF01' && c <= '\uFF5E' && Character.isLetterOrDigit(c)) {
        c = (char) (c - 0xFEE0);
      }
      line.append(c);
      content = true;
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') end--;
    out.setLength(end);
    return out.toString();
  }
}
