package org.flmdata.pipeline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScriptsTest {
  @Test
  void chineseJapaneseAndKoreanLettersAreCjk() {
    for (int cp : "中文かなカナ한국어々〇𠀋".codePoints().toArray()) {
      assertTrue(Scripts.isCjk(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void latinPunctuationAndScriptNeutralMarksAreNot() {
    for (int cp : "aZ9 ,。、！ーＡ\u0000\ud800".codePoints().toArray()) {
      assertFalse(Scripts.isCjk(cp), Integer.toHexString(cp));
    }
    assertFalse(Scripts.isCjk(-1));
    assertFalse(Scripts.isCjk(Character.MAX_CODE_POINT + 1));
  }

  @Test
  void fastPathsAgreeWithTheScriptPropertyForEveryCodePoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      boolean expected = s == Character.UnicodeScript.HAN
          || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
          || s == Character.UnicodeScript.HANGUL;
      assertEquals(expected, Scripts.isCjk(cp), Integer.toHexString(cp));
    }
  }
}
