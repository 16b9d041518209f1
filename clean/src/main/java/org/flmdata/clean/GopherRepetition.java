package org.flmdata.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gopher repetition rules (Rae et al. 2021, Table A1), measured as datatrove's
 * GopherRepetitionFilter does: duplicate paragraphs ("\n\n"-separated) and lines by count and by
 * characters, the characters of the most frequent 2/3/4-gram, and the characters in repeated
 * 5..10-grams. For the Chinese profile the n-gram checks are replaced by {@link ChineseRules}'
 * 13-gram share. Ratios over an empty text are 0.
 */
public final class GopherRepetition {
  private GopherRepetition() {}

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n{2,}");

  public static RuleResult apply(String text, Profile p) {
    int len = text.length();
    if (len == 0) return RuleResult.keep(text);
    String[] paras = PARAGRAPHS.split(text.strip());
    long[] d = duplicates(List.of(paras));
    double f = (double) d[0] / paras.length;
    if (f > p.maxDupParaFrac()) return RuleResult.drop(CleanReason.DUP_PARA_FRAC, f, p.maxDupParaFrac());
    f = (double) d[1] / len;
    if (f > p.maxDupParaCharFrac()) {
      return RuleResult.drop(CleanReason.DUP_PARA_CHAR_FRAC, f, p.maxDupParaCharFrac());
    }
    // blank lines are separators, not content: datatrove counts them as duplicate lines, which
    // drops every document whose paragraphs are separated by empty lines
    List<String> lines = new java.util.ArrayList<>();
    for (String l : Words.lines(text)) if (!l.isBlank()) lines.add(l);
    if (!lines.isEmpty()) {
      d = duplicates(lines);
      f = (double) d[0] / lines.size();
      if (f > p.maxDupLineFrac()) return RuleResult.drop(CleanReason.DUP_LINE_FRAC, f, p.maxDupLineFrac());
      f = (double) d[1] / len;
      if (f > p.maxDupLineCharFrac()) {
        return RuleResult.drop(CleanReason.DUP_LINE_CHAR_FRAC, f, p.maxDupLineCharFrac());
      }
    }
    if (p.topNgrams().isEmpty() && p.dupNgrams().isEmpty()) return RuleResult.keep(text);
    List<String> words = Words.tokens(text);
    for (double[] t : p.topNgrams()) {
      int n = (int) t[0];
      if (words.size() < n) continue;
      f = (double) topNgramChars(words, n) / len;
      if (f > t[1]) return new RuleResult(null, CleanReason.TOP_NGRAM, detail(n, f, t[1]), 0);
    }
    for (double[] t : p.dupNgrams()) {
      int n = (int) t[0];
      if (words.size() < n) continue;
      f = (double) dupNgramChars(words, n) / len;
      if (f > t[1]) return new RuleResult(null, CleanReason.DUP_NGRAM, detail(n, f, t[1]), 0);
    }
    return RuleResult.keep(text);
  }

  private static String detail(int n, double f, double limit) {
    return String.format(java.util.Locale.ROOT, "%d-gram %.4f vs %s", n, f, limit);
  }

  /** {duplicate elements, characters in duplicate elements}: repeats after the first. */
  static long[] duplicates(List<String> xs) {
    Set<String> seen = new HashSet<>();
    long elems = 0;
    long chars = 0;
    for (String x : xs) {
      if (!seen.add(x)) {
        elems++;
        chars += x.length();
      }
    }
    return new long[] {elems, chars};
  }

  /** Characters of the most frequent n-gram times its count (n-grams joined with spaces). */
  static long topNgramChars(List<String> words, int n) {
    Map<String, Integer> counts = new HashMap<>();
    String best = null;
    int bestCount = 0;
    for (int i = 0; i + n <= words.size(); i++) {
      String g = String.join(" ", words.subList(i, i + n));
      int c = counts.merge(g, 1, Integer::sum);
      if (c > bestCount) {
        bestCount = c;
        best = g;
      }
    }
    return best == null ? 0 : (long) best.length() * bestCount;
  }

  /**
   * Characters covered by n-grams seen before, skipping past a repeated n-gram so that its words
   * are not counted again (datatrove's find_all_duplicate).
   */
  static long dupNgramChars(List<String> words, int n) {
    Set<String> seen = new HashSet<>();
    long chars = 0;
    int i = 0;
    while (i + n <= words.size()) {
      String g = String.join(" ", words.subList(i, i + n));
      if (seen.contains(g)) {
        chars += g.length();
        i += n;
      } else {
        seen.add(g);
        i++;
      }
    }
    return chars;
  }
}
