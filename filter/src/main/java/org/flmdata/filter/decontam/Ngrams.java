package org.flmdata.filter.decontam;

import static org.flmdata.pipeline.text.Scripts.isCjk;

import java.util.Arrays;
import org.flmdata.pipeline.hash.Hash64;

/**
 * Normalised word n-grams of a text, as 64-bit hashes with the character span each covers.
 * Normalisation: tokens are maximal runs of letters, digits and combining marks, lower-cased
 * (root locale); every CJK ideograph, kana or hangul syllable is a token of its own (so for
 * Chinese the n-grams are of characters); punctuation, symbols and whitespace only separate.
 * The same function hashes benchmark items and training documents, so "a match" means the same
 * n words in the same order whatever the spacing, case or punctuation between them.
 *
 * <p>An n-gram's hash is a polynomial over its token hashes (rolling, so a text of t tokens costs
 * O(t)); at 2^64 values, a false match between a benchmark set of millions of n-grams and a corpus
 * of 10^12 n-grams is expected about 10^-1 times, and would only cut 400 characters of one text.
 */
public final class Ngrams {
  private static final long BASE = Hash64.GOLDEN;

  /** Token boundaries and hashes of one text. */
  public record Tokens(int[] start, int[] end, long[] hash, int count) {}

  private Ngrams() {}

  public static Tokens tokenize(String text) {
    if (text == null || text.isEmpty()) return new Tokens(new int[0], new int[0], new long[0], 0);
    int cap = Math.max(16, text.length() / 4);
    int[] start = new int[cap];
    int[] end = new int[cap];
    long[] hash = new long[cap];
    int n = 0;
    int len = text.length();
    int i = 0;
    while (i < len) {
      char c0 = text.charAt(i);
      // ASCII: a token is a run of letters and digits, lower-cased; nothing else is CJK
      if (c0 < 0x80 && !ASCII_WORD[c0]) {
        i++;
        continue;
      }
      int cp = c0 < 0x80 ? c0 : text.codePointAt(i);
      int k = c0 < 0x80 ? WORD : kind(cp);
      if (k == SEPARATOR) {
        i += Character.charCount(cp);
        continue;
      }
      int s = i;
      long h = Hash64.FNV_OFFSET;
      if (k == CJK) {
        h = Hash64.fnv1a(h, cp);
        i += Character.charCount(cp);
      } else {
        while (i < len) {
          char c = text.charAt(i);
          if (c < 0x80) {
            if (!ASCII_WORD[c]) break;
            h = Hash64.fnv1a(h, c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
          } else {
            int w = text.codePointAt(i);
            if (kind(w) != WORD) break;
            h = Hash64.fnv1a(h, Character.toLowerCase(w));
            i += Character.charCount(w);
          }
        }
      }
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2);
        end = Arrays.copyOf(end, n * 2);
        hash = Arrays.copyOf(hash, n * 2);
      }
      start[n] = s;
      end[n] = i;
      hash[n] = Hash64.splitmix64(h); // spreads FNV's weak low bits
      n++;
    }
    return new Tokens(start, end, hash, n);
  }

  /**
   * Hashes of the {@code n}-grams of {@code t}: element {@code i} covers tokens {@code i ..
   * i+n-1}; empty when the text has fewer than {@code n} tokens.
   */
  public static long[] hashes(Tokens t, int n) {
    int count = t.count() - n + 1;
    if (count <= 0) return new long[0];
    long[] out = new long[count];
    long pow = 1; // BASE^(n-1)
    for (int k = 1; k < n; k++) pow *= BASE;
    long h = 0;
    for (int k = 0; k < n; k++) h = h * BASE + t.hash()[k];
    out[0] = h;
    for (int i = 1; i < count; i++) {
      h = (h - t.hash()[i - 1] * pow) * BASE + t.hash()[i + n - 1];
      out[i] = h;
    }
    return out;
  }

  /** Distinct n-gram hashes of {@code text}. */
  public static long[] distinct(String text, int n) {
    long[] h = hashes(tokenize(text), n);
    Arrays.sort(h);
    int k = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) h[k++] = h[i];
    }
    return Arrays.copyOf(h, k);
  }

  private static final byte SEPARATOR = 0;
  private static final byte WORD = 1;
  private static final byte CJK = 2;

  /**
   * {@link #slowKind} of every code point of the Basic Multilingual Plane: a table read instead of
   * {@code isCjk}'s and {@code getType}'s lookups (7.5% of the filter stage on Chinese text).
   */
  private static final byte[] BMP_KIND = new byte[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) BMP_KIND[c] = slowKind(c);
  }

  private static byte kind(int cp) {
    return cp < 0x10000 ? BMP_KIND[cp] : slowKind(cp);
  }

  /** A CJK character is a token alone, a word char joins a run, anything else separates. */
  private static byte slowKind(int cp) {
    return isCjk(cp) ? CJK : isWordChar(cp) ? WORD : SEPARATOR;
  }

  /** {@link #isWordChar} of each ASCII char (letters and digits). */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_WORD[c] = isWordChar(c);
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) return true;
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

}
