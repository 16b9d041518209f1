package org.flmdata.clean;

import java.util.List;

/**
 * Gopher quality rules (Rae et al. 2021, appendix A1), checked in datatrove's order. Words are
 * {@link Words} tokens that are not punctuation; for the Chinese profile jieba words ({@link
 * ChineseSegmenter}), as datatrove counts them for FineWeb-2, and
 * the length bound is {@code zh_min_chars} (see {@link ChineseRules}). Every ratio guards its
 * denominator: an empty or one-word document is judged on counts, never divides by zero.
 */
public final class GopherQuality {
  private GopherQuality() {}

  public static RuleResult apply(String text, Profile p) {
    List<String> tokens = Words.tokens(text, p);
    List<String> words = Words.words(tokens);
    int n = words.size();
    if (n < p.minWords()) return RuleResult.drop(CleanReason.FEW_WORDS, n, p.minWords());
    if (n > p.maxWords()) return RuleResult.drop(CleanReason.MANY_WORDS, n, p.maxWords());
    if (n == 0) return RuleResult.keep(text); // only reachable when min_words is 0
    long chars = 0;
    for (String w : words) chars += w.codePointCount(0, w.length());
    double avg = (double) chars / n;
    if (avg < p.minAvgWordLength()) {
      return RuleResult.drop(CleanReason.SHORT_WORDS, avg, p.minAvgWordLength());
    }
    if (avg > p.maxAvgWordLength()) {
      return RuleResult.drop(CleanReason.LONG_WORDS, avg, p.maxAvgWordLength());
    }
    double hashes = (double) count(text, "#") / n;
    if (hashes > p.maxSymbolWordRatio()) {
      return RuleResult.drop(CleanReason.HASHES, hashes, p.maxSymbolWordRatio());
    }
    double ellipses = (double) (count(text, "...") + count(text, "…")) / n;
    if (ellipses > p.maxSymbolWordRatio()) {
      return RuleResult.drop(CleanReason.ELLIPSES, ellipses, p.maxSymbolWordRatio());
    }
    List<String> lines = Words.lines(text);
    if (!lines.isEmpty()) {
      int bullets = 0;
      int ellipsisLines = 0;
      for (String l : lines) {
        String s = l.strip();
        if (isBullet(s)) bullets++;
        if (s.endsWith("...") || s.endsWith("…")) ellipsisLines++;
      }
      double b = (double) bullets / lines.size();
      if (b > p.maxBulletLinesRatio()) {
        return RuleResult.drop(CleanReason.BULLET_LINES, b, p.maxBulletLinesRatio());
      }
      double e = (double) ellipsisLines / lines.size();
      if (e > p.maxEllipsisLinesRatio()) {
        return RuleResult.drop(CleanReason.ELLIPSIS_LINES, e, p.maxEllipsisLinesRatio());
      }
    }
    // datatrove counts the alphabetic share over all tokens, punctuation included; the Chinese
    // profile follows it, as FineWeb-2's cmn max_non_alpha_words_ratio was fitted that way
    List<String> alphaOver = p.zh() ? tokens : words;
    int alpha = 0;
    for (String w : alphaOver) if (hasLetter(w)) alpha++;
    double a = (double) alpha / alphaOver.size();
    if (a < p.minAlphaWordsRatio()) {
      return RuleResult.drop(CleanReason.NON_ALPHA_WORDS, a, p.minAlphaWordsRatio());
    }
    int stops = 0;
    if (p.zh()) {
      // datatrove: distinct stop words among the (jieba) words
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String t : tokens) if (p.stopWords().contains(t) && seen.add(t)) stops++;
    } else {
      for (String t : tokens) {
        if (p.stopWords().contains(t.toLowerCase(java.util.Locale.ROOT))) stops++;
      }
    }
    if (stops < p.minStopWords()) {
      return RuleResult.drop(CleanReason.STOP_WORDS, stops, p.minStopWords());
    }
    return RuleResult.keep(text);
  }

  /** Bullet characters Gopher means: •, ‣, ◦, ▪, ●, and "- " / "* " list markers. */
  static boolean isBullet(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (c == '•' || c == '‣' || c == '◦' || c == '▪' || c == '●' || c == '·') return true;
    return (c == '-' || c == '*') && s.length() > 1 && s.charAt(1) == ' ';
  }

  static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      if (Character.isLetter(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  static int count(String text, String needle) {
    int c = 0;
    int i = text.indexOf(needle);
    while (i >= 0) {
      c++;
      i = text.indexOf(needle, i + needle.length());
    }
    return c;
  }
}
