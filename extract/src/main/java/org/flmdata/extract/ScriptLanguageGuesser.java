package org.flmdata.extract;


/**
 * The language guess that needs no model file: the writing system first, then, for Latin and
 * Cyrillic text, {@link WikiLanguageDetector} among the 22 Wikipedia languages of the paper. Used
 * for documents without a given language when no {@code lid_model} is configured, and for Han
 * text always.
 *
 * <p>Letters are counted per script over the first {@value #SAMPLE_CHARS} characters; a Han, Kana
 * or Hangul character counts as {@value #CJK_WEIGHT} letters, since one carries about as much text
 * as a short alphabetic word's letters. The script with at least {@value #MIN_SHARE} of the
 * weighted letters decides:
 *
 * <ul>
 *   <li>Han and Kana together: {@code ja} when Kana are at least {@value #MIN_KANA_SHARE} of them
 *       (Japanese prose is 30-70% Kana; Chinese has almost none), else {@code zh};
 *   <li>Hangul {@code ko}; Greek {@code el}; Hebrew {@code he}; Thai {@code th}; Devanagari {@code
 *       hi};
 *   <li>Cyrillic: {@link WikiLanguageDetector#cyrillic} (ru, uk, bg, sr, or {@code und});
 *   <li>Arabic script: {@code fa} when the letters Persian adds (پ چ ژ گ ک ی) are at least 3% of
 *       them, else {@code ar};
 *   <li>Latin: {@link WikiLanguageDetector#latin} (the 16 Latin-script languages of the 22, or
 *       {@code und} below its confidence floor).
 * </ul>
 *
 * Anything else, or no letters at all, is {@code und}. Pure; never throws.
 */
public final class ScriptLanguageGuesser {
  private ScriptLanguageGuesser() {}

  static final int SAMPLE_CHARS = 20_000;
  static final int CJK_WEIGHT = 3;
  static final double MIN_SHARE = 0.5;
  static final double MIN_KANA_SHARE = 0.1;

  private enum Script {
    HAN,
    KANA,
    HANGUL,
    LATIN,
    CYRILLIC,
    ARABIC,
    GREEK,
    HEBREW,
    THAI,
    DEVANAGARI,
    OTHER
  }

  /** The guessed ISO 639-1 code, or {@code und}. */
  public static String guess(String text) {
    return guessWithConfidence(text).lang();
  }

  /**
   * The guess with a confidence in [0, 1]: for Latin and Cyrillic text the function-word
   * detector's margin ({@link WikiLanguageDetector}), for a language told by its script alone
   * (zh, ja, ko, el, ...) that script's share of the letters.
   */
  public static WikiLanguageDetector.Guess guessWithConfidence(String text) {
    final WikiLanguageDetector.Guess none = new WikiLanguageDetector.Guess("und", 0);
    if (text == null || text.isEmpty()) return none;
    int end = Math.min(text.length(), SAMPLE_CHARS);
    long[] counts = new long[Script.values().length];
    int persian = 0;
    for (int i = 0; i < end; ) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        // the Basic Multilingual Plane from the table (same answers as the code-point path)
        i++;
        byte s = BMP_SCRIPT[c];
        if (s < 0) continue;
        counts[s]++;
        if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ک' || c == 'ی') persian++;
        continue;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      counts[scriptOf(cp).ordinal()]++;
    }
    long cjk = counts[Script.HAN.ordinal()] + counts[Script.KANA.ordinal()];
    long total = 0;
    for (Script s : Script.values()) total += weight(s, counts[s.ordinal()]);
    if (total == 0) return none;
    if (weight(Script.HAN, cjk) >= MIN_SHARE * total) {
      String lang = counts[Script.KANA.ordinal()] >= MIN_KANA_SHARE * cjk ? "ja" : "zh";
      return new WikiLanguageDetector.Guess(lang, (double) weight(Script.HAN, cjk) / total);
    }
    for (Script s : Script.values()) {
      long n = counts[s.ordinal()];
      if (s == Script.HAN || s == Script.KANA || weight(s, n) < MIN_SHARE * total) continue;
      double share = (double) weight(s, n) / total;
      return switch (s) {
        case HANGUL -> new WikiLanguageDetector.Guess("ko", share);
        case GREEK -> new WikiLanguageDetector.Guess("el", share);
        case HEBREW -> new WikiLanguageDetector.Guess("he", share);
        case THAI -> new WikiLanguageDetector.Guess("th", share);
        case DEVANAGARI -> new WikiLanguageDetector.Guess("hi", share);
        case CYRILLIC -> WikiLanguageDetector.cyrillic(text, end);
        case ARABIC -> new WikiLanguageDetector.Guess(persian >= 0.03 * n ? "fa" : "ar", share);
        case LATIN -> WikiLanguageDetector.latin(text, end);
        default -> none;
      };
    }
    return none;
  }

  /**
   * For each char of the Basic Multilingual Plane that is not a surrogate: the ordinal of its
   * {@link Script} when it is a letter, else -1. Computed once from {@link Character#isLetter}
   * and {@link #scriptOf}, so a table answer is the code-point path's answer; it spares
   * {@code UnicodeScript.of}'s binary search for each of a page's 20,000 sampled characters.
   */
  private static final byte[] BMP_SCRIPT = new byte[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      BMP_SCRIPT[c] = Character.isLetter(c) ? (byte) scriptOf(c).ordinal() : -1;
    }
  }

  private static long weight(Script s, long n) {
    return s == Script.HAN || s == Script.KANA || s == Script.HANGUL ? n * CJK_WEIGHT : n;
  }

  private static Script scriptOf(int cp) {
    Character.UnicodeScript us;
    try {
      us = Character.UnicodeScript.of(cp);
    } catch (IllegalArgumentException e) {
      return Script.OTHER;
    }
    return switch (us) {
      case HAN -> Script.HAN;
      case HIRAGANA, KATAKANA -> Script.KANA;
      case HANGUL -> Script.HANGUL;
      case LATIN -> Script.LATIN;
      case CYRILLIC -> Script.CYRILLIC;
      case ARABIC -> Script.ARABIC;
      case GREEK -> Script.GREEK;
      case HEBREW -> Script.HEBREW;
      case THAI -> Script.THAI;
      case DEVANAGARI -> Script.DEVANAGARI;
      default -> Script.OTHER;
    };
  }
}
