package org.flmdata.clean;

import org.flmdata.pipeline.hash.Hash64;


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
  private static final long P = Hash64.FNV_PRIME;

  public static RuleResult apply(String text, Profile p) {
    int len = text.length();
    if (len <= p.zhMinChars()) return RuleResult.drop(CleanReason.ZH_SHORT, len, p.zhMinChars());
    int lines = 1; // text.split('\n') in ChineseWebText: newlines + 1
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
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
    int total = sb.length() - n + 1;
    if (total <= 0) return 0;
    // n-grams as 64-bit rolling hashes (no substring per position): counted, then every position
    // whose n-gram occurs more than once is one repeated n-gram
    long[] grams = new long[total];
    long top = 1;
    for (int k = 1; k < n; k++) top *= P;
    long g = 0;
    for (int k = 0; k < n; k++) g = g * P + sb.charAt(k);
    grams[0] = g;
    for (int i = 1; i < total; i++) {
      g = (g - sb.charAt(i - 1) * top) * P + sb.charAt(i + n - 1);
      grams[i] = g;
    }
    LongCounts counts = new LongCounts(total);
    for (long x : grams) counts.increment(x);
    return (double) counts.repeatedTotal() / total;
  }
}
