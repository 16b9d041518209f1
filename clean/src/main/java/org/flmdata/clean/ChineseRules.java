package org.flmdata.clean;

import java.util.HashMap;
import java.util.Map;

/**
 * The Chinese profile's own rules, as ChineseWebText's preprocess.py applies them: length (at most
 * {@code zh_min_chars} characters is too short) and average line length, share of Han characters
 * (U+4E00..U+9FA5), listed sensitive words per line ({@code zh_sensitive_words}, off when empty),
 * and internal repetition: of the character 13-grams of the text lower-cased
 * with spaces, tabs and newlines removed, the share belonging to 13-grams that occur more than
 * once. Counts are in characters, never whitespace tokens.
 */
public final class ChineseRules {
  private ChineseRules() {}

  static final int NGRAM = 13;

  public static RuleResult apply(String text, Profile p) {
    int len = text.length();
    if (len <= p.zhMinChars()) return RuleResult.drop(CleanReason.ZH_SHORT, len, p.zhMinChars());
    int lines = Words.splitLines(text).size();
    double avgLine = (double) len / lines;
    if (avgLine < p.zhMinAvgLineChars()) {
      return RuleResult.drop(CleanReason.ZH_SHORT_LINES, avgLine, p.zhMinAvgLineChars());
    }
    double han = hanShare(text);
    if (han < p.zhMinHanShare()) return RuleResult.drop(CleanReason.ZH_HAN_SHARE, han, p.zhMinHanShare());
    if (!p.zhSensitiveWords().isEmpty()) {
      double perLine = (double) distinctPresent(text, p.zhSensitiveWords()) / lines;
      if (perLine > p.zhMaxSensitiveWordsPerLine()) {
        return RuleResult.drop(CleanReason.ZH_SENSITIVE, perLine, p.zhMaxSensitiveWordsPerLine());
      }
    }
    double rep = repeatedNgramShare(text, NGRAM);
    if (rep > p.zhMaxRepeated13gramShare()) {
      return RuleResult.drop(CleanReason.ZH_REPEAT, rep, p.zhMaxRepeated13gramShare());
    }
    return RuleResult.keep(text);
  }

  /** How many of {@code words} occur in {@code text} (each counted once, as ChineseWebText does). */
  static int distinctPresent(String text, java.util.Set<String> words) {
    int n = 0;
    for (String w : words) if (!w.isEmpty() && text.contains(w)) n++;
    return n;
  }

  static double hanShare(String text) {
    if (text.isEmpty()) return 0;
    int han = 0;
    for (int i = 0; i < text.length(); i++) if (Words.isHanBasic(text.charAt(i))) han++;
    return (double) han / text.length();
  }

  /** Share of character n-grams (of the squeezed, lower-cased text) that occur more than once. */
  static double repeatedNgramShare(String text, int n) {
    StringBuilder sb = new StringBuilder(text.length());
    String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c != ' ' && c != '\n' && c != '\t') sb.append(c);
    }
    String s = sb.toString();
    int total = s.length() - n + 1;
    if (total <= 0) return 0;
    Map<String, Integer> counts = new HashMap<>(total * 2);
    for (int i = 0; i < total; i++) counts.merge(s.substring(i, i + n), 1, Integer::sum);
    long repeated = 0;
    for (int c : counts.values()) if (c > 1) repeated += c;
    return (double) repeated / total;
  }
}
