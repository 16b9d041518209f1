package org.flmdata.clean;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flmdata.pipeline.hash.Hash64;

/**
 * Gopher repetition rules (Rae et al. 2021, Table A1), measured as datatrove's
 * GopherRepetitionFilter does: duplicate paragraphs ("\n\n"-separated) and lines by count and by
 * characters, the characters of the most frequent 2/3/4-gram, and the characters in repeated
 * 5..10-grams, over jieba words for the Chinese profile (FineWeb-2's cmn values). Ratios over an
 * empty text are 0.
 */
public final class GopherRepetition {
  private GopherRepetition() {}


  public static RuleResult apply(String text, Profile p) {
    int len = text.length();
    if (len == 0) return RuleResult.keep(text);
    List<String> paras = paragraphs(text.strip());
    long[] d = duplicates(paras);
    double f = (double) d[0] / paras.size();
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
    List<String> words = Words.tokens(text, p);
    Grams grams = new Grams(words);
    for (double[] t : p.topNgrams()) {
      int n = (int) t[0];
      if (words.size() < n) continue;
      f = (double) topNgramChars(grams, n) / len;
      if (f > t[1]) return new RuleResult(null, CleanReason.TOP_NGRAM, detail(n, f, t[1]), 0);
    }
    for (double[] t : p.dupNgrams()) {
      int n = (int) t[0];
      if (words.size() < n) continue;
      f = (double) dupNgramChars(grams, n) / len;
      if (f > t[1]) return new RuleResult(null, CleanReason.DUP_NGRAM, detail(n, f, t[1]), 0);
    }
    return RuleResult.keep(text);
  }

  /**
   * {@code stripped} split at runs of two or more '\n' (what {@code Pattern.compile("\\n{2,}")
   * .split} gives for a stripped text: no empty first or last piece; the empty text is one empty
   * piece), without a regex pass over every document.
   */
  static List<String> paragraphs(String stripped) {
    List<String> out = new java.util.ArrayList<>();
    int from = 0;
    int i = stripped.indexOf("\n\n");
    while (i >= 0) {
      out.add(stripped.substring(from, i));
      int j = i + 2;
      while (j < stripped.length() && stripped.charAt(j) == '\n') j++;
      from = j;
      i = stripped.indexOf("\n\n", from);
    }
    out.add(stripped.substring(from));
    return out;
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

  /**
   * Per-token 64-bit hashes and a prefix sum of token lengths, for hashed n-grams; one n-gram
   * buffer and one hash table serve every n in turn (cleared, not reallocated per n).
   */
  private static final class Grams {
    final long[] h;
    final long[] lenPrefix;
    final long[] buf;
    final LongCounts counts;

    Grams(List<String> words) {
      h = new long[words.size()];
      lenPrefix = new long[words.size() + 1];
      for (int i = 0; i < h.length; i++) {
        String w = words.get(i);
        h[i] = Hash64.fmix64Round(w.hashCode() * Hash64.GOLDEN + w.length());
        lenPrefix[i + 1] = lenPrefix[i] + w.length();
      }
      buf = new long[h.length];
      counts = new LongCounts(h.length);
    }

    static final long P = Hash64.FNV_PRIME;

    /** Hash of the n-gram at i: a polynomial over the token hashes (order matters). */
    long gram(int i, int n) {
      long g = 0;
      for (int k = 0; k < n; k++) g = g * P + h[i + k];
      return g;
    }

    /** The n-gram hashes at every position into {@link #buf}, rolled in O(tokens). */
    long[] grams(int n) {
      int count = h.length - n + 1;
      long[] out = buf;
      long top = 1;
      for (int k = 1; k < n; k++) top *= P;
      long g = gram(0, n);
      out[0] = g;
      for (int i = 1; i < count; i++) {
        g = (g - h[i - 1] * top) * P + h[i + n - 1];
        out[i] = g;
      }
      return out;
    }

    /** Characters of the n-gram at i joined with single spaces. */
    long chars(int i, int n) {
      return joinedChars(i, n) + (n - 1);
    }

    /** Characters of the n-gram at i joined without separator. */
    long joinedChars(int i, int n) {
      return lenPrefix[i + n] - lenPrefix[i];
    }
  }

  /** Characters of the most frequent n-gram times its count (n-grams joined with spaces). */
  static long topNgramChars(List<String> words, int n) {
    return topNgramChars(new Grams(words), n);
  }

  private static long topNgramChars(Grams g, int n) {
    int count = g.h.length - n + 1;
    if (count <= 0) return 0;
    LongCounts counts = g.counts;
    counts.clear();
    long[] hashes = g.grams(n);
    long best = 0;
    int bestCount = 0;
    for (int i = 0; i < count; i++) {
      int c = counts.increment(hashes[i]);
      if (c > bestCount) {
        bestCount = c;
        best = g.chars(i, n);
      }
    }
    return best * bestCount;
  }

  /**
   * Characters covered by n-grams seen before, skipping past a repeated n-gram so that its words
   * are not counted again (datatrove's find_all_duplicate, which joins the words with "").
   */
  static long dupNgramChars(List<String> words, int n) {
    return dupNgramChars(new Grams(words), n);
  }

  private static long dupNgramChars(Grams g, int n) {
    int count = g.h.length - n + 1;
    if (count <= 0) return 0;
    LongCounts seen = g.counts;
    seen.clear();
    long[] hashes = g.grams(n);
    long chars = 0;
    int i = 0;
    while (i < count) {
      if (!seen.add(hashes[i])) {
        chars += g.joinedChars(i, n); // datatrove joins these with "" (top n-grams with " ")
        i += n;
      } else {
        i++;
      }
    }
    return chars;
  }
}
