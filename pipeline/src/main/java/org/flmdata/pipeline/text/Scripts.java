package org.flmdata.pipeline.text;

/**
 * Which writing system a code point belongs to, as every stage needs to know it: one answer for
 * extraction's text weights, cleaning's and quality's word splitting, decontamination's n-grams
 * and dedup's shingles, so that a document is cut into the same units everywhere.
 */
public final class Scripts {
  private Scripts() {}

  /**
   * True for a code point of the Han, Hiragana, Katakana or Hangul script (Unicode's Script
   * property, as {@link Character.UnicodeScript} gives it): the scripts of Chinese, Japanese and
   * Korean, counted one character at a time by the rules that measure words. Script-neutral
   * characters (CJK punctuation, the prolonged sound mark U+30FC, full-width Latin) are not;
   * unassigned code points, surrogates and values outside Unicode are not. Never throws.
   */
  public static boolean isCjk(int cp) {
    if (cp < 0x1100) return false; // below Hangul Jamo: no CJK script
    // the common blocks first, without a table lookup
    if (cp >= 0x4E00 && cp <= 0x9FEF) return true; // CJK unified ideographs (Unicode 11)
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true; // Hangul syllables
    if (cp >= 0x3041 && cp <= 0x3096 || cp >= 0x30A1 && cp <= 0x30FA) return true; // kana
    // Ethiopic to Supplemental Punctuation (general punctuation, symbols, Latin Extended
    // Additional): no CJK script, and common in any text (curly quotes, dashes)
    if (cp >= 0x1200 && cp < 0x2E80) return false;
    if (cp > Character.MAX_CODE_POINT) return false;
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }
}
