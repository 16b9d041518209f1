package org.flmdata.extract;

import java.util.Locale;
import java.util.Set;

/**
 * A small language guess from the writing system, for documents without a given language in domains
 * with several languages. Stands in until fastText language identification (issue 3).
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
 *   <li>Cyrillic: {@code uk} when the letters only Ukrainian uses (і ї є ґ) are at least 1% of
 *       them, else {@code ru};
 *   <li>Arabic script: {@code fa} when the letters Persian adds (پ چ ژ گ ک ی) are at least 3% of
 *       them, else {@code ar};
 *   <li>Latin: {@code en} when at least {@value #MIN_EN_STOPWORDS} of at least {@value #MIN_WORDS}
 *       words are common English function words (English prose is ~40%), else {@code und}: other
 *       Latin-script languages wait for real identification.
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
  static final double MIN_EN_STOPWORDS = 0.2;
  static final int MIN_WORDS = 3;

  /** Function words frequent in English and rare as words of other Latin-script languages. */
  private static final Set<String> EN_STOPWORDS =
      Set.of(
          "the", "of", "and", "to", "is", "that", "for", "it", "with", "as", "was", "on", "are",
          "be", "this", "by", "at", "from", "or", "have", "an", "they", "which", "you", "were",
          "their", "has", "been", "not", "but", "he", "she", "his", "her", "we", "will", "would",
          "can", "there", "what", "all", "if", "more", "when", "who", "about", "so", "our", "your",
          "had", "do", "than", "them", "these", "its", "into", "also", "my", "i", "me", "how",
          "out", "up", "one", "just", "some", "should", "could", "any", "other", "only", "then",
          "very", "because");

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
    if (text == null || text.isEmpty()) return "und";
    int end = Math.min(text.length(), SAMPLE_CHARS);
    long[] counts = new long[Script.values().length];
    int ukrainian = 0;
    int persian = 0;
    for (int i = 0; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      Script s = scriptOf(cp);
      counts[s.ordinal()]++;
      if (cp == 'і' || cp == 'ї' || cp == 'є' || cp == 'ґ' || cp == 'І' || cp == 'Ї' || cp == 'Є'
          || cp == 'Ґ') {
        ukrainian++;
      }
      if (cp == 'پ' || cp == 'چ' || cp == 'ژ' || cp == 'گ' || cp == 'ک' || cp == 'ی') persian++;
    }
    long cjk = counts[Script.HAN.ordinal()] + counts[Script.KANA.ordinal()];
    long total = 0;
    for (Script s : Script.values()) total += weight(s, counts[s.ordinal()]);
    if (total == 0) return "und";
    if (weight(Script.HAN, cjk) >= MIN_SHARE * total) {
      return counts[Script.KANA.ordinal()] >= MIN_KANA_SHARE * cjk ? "ja" : "zh";
    }
    for (Script s : Script.values()) {
      long n = counts[s.ordinal()];
      if (s == Script.HAN || s == Script.KANA || weight(s, n) < MIN_SHARE * total) continue;
      return switch (s) {
        case HANGUL -> "ko";
        case GREEK -> "el";
        case HEBREW -> "he";
        case THAI -> "th";
        case DEVANAGARI -> "hi";
        case CYRILLIC -> ukrainian >= 0.01 * n ? "uk" : "ru";
        case ARABIC -> persian >= 0.03 * n ? "fa" : "ar";
        case LATIN -> englishOrUnknown(text, end);
        default -> "und";
      };
    }
    return "und";
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

  private static String englishOrUnknown(String text, int end) {
    int words = 0;
    int stop = 0;
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == '\'' && w.length() > 0)) {
        w.append(c);
      } else if (w.length() > 0) {
        words++;
        if (EN_STOPWORDS.contains(w.toString().toLowerCase(Locale.ROOT))) stop++;
        w.setLength(0);
      }
    }
    return words >= MIN_WORDS && stop >= MIN_EN_STOPWORDS * words ? "en" : "und";
  }
}
