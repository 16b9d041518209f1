package org.flmdata.clean;

import org.flmdata.pipeline.hash.Hash64;

/**
 * The CCNet normal form of a line and its 64-bit hash: lower case, digits to 0, Unicode
 * punctuation and symbols (ASCII and full-width alike) and control characters removed, whitespace
 * collapsed. Two lines that differ only in those respects are the same paragraph.
 */
public final class ParagraphKey {
  private ParagraphKey() {}

  /** The normal form; empty when nothing but punctuation and space is left. */
  public static String normalise(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (Words.isPunct(cp) || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      if (Character.isDigit(cp)) {
        sb.append('0');
      } else {
        sb.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    return sb.toString();
  }

  /** The key of {@code line}: its CCNet normal form, or the line without edge spaces (exact). */
  public static String key(String line, boolean exact) {
    return exact ? line.strip() : normalise(line);
  }

  /** 64-bit FNV-1a over the UTF-16LE bytes of the normal form, with MurmurHash3's finaliser. */
  public static long hash(String normalised) {
    return Hash64.fmix64(Hash64.fnv1aUtf16Le(normalised));
  }

  /**
   * The hash of a line's key, {@code hash(key(line, exact))}, computed as the normal form is
   * produced, without building it: the normal form was a String per line, twice per line of every
   * document (the dedup's two passes), a tenth of the clean stage's CPU. One per thread or loop;
   * not thread-safe.
   */
  static final class Hasher {
    /** The hash of the last key {@link #of} found non-empty. */
    long value;

    /**
     * Hashes the key of {@code line} into {@link #value}; false (value unchanged) when the key is
     * empty.
     */
    boolean of(String line, boolean exact) {
      long h = Hash64.FNV_OFFSET;
      int n = 0;
      if (exact) {
        String k = line.strip();
        if (k.isEmpty()) return false;
        value = hash(k);
        return true;
      }
      boolean space = false;
      int len = line.length();
      for (int i = 0; i < len; ) {
        char c = line.charAt(i);
        int cp;
        int kind;
        if (c < 0x80) {
          cp = c;
          kind = ASCII_KIND[c];
          i++;
        } else if (!Character.isSurrogate(c)) {
          cp = c;
          kind = BMP_KIND[c];
          i++;
        } else {
          cp = line.codePointAt(i);
          i += Character.charCount(cp);
          kind = kind(cp);
        }
        if (kind == SPACE) {
          space = n > 0;
          continue;
        }
        if (kind == DROP) continue;
        if (space) {
          h = unit(h, ' ');
          n++;
          space = false;
        }
        if (kind == DIGIT) {
          h = unit(h, '0');
          n++;
        } else {
          int lower = cp < 0x80 ? ASCII_LOWER[cp] : Character.toLowerCase(cp);
          if (lower < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            h = unit(h, (char) lower);
            n++;
          } else {
            h = unit(unit(h, Character.highSurrogate(lower)), Character.lowSurrogate(lower));
            n += 2;
          }
        }
      }
      if (n == 0) return false;
      value = Hash64.fmix64(h);
      return true;
    }

    /** One UTF-16 unit into FNV-1a over UTF-16LE bytes, as {@link Hash64#fnv1aUtf16Le}. */
    private static long unit(long h, char c) {
      return Hash64.fnv1a(Hash64.fnv1a(h, c & 0xff), c >>> 8);
    }
  }

  private static final int SPACE = 0;
  private static final int DROP = 1;
  private static final int DIGIT = 2;
  private static final int KEEP = 3;

  /** What {@link #normalise} does with a code point. */
  private static int kind(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return SPACE;
    if (Words.isPunct(cp) || Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT) {
      return DROP;
    }
    return Character.isDigit(cp) ? DIGIT : KEEP;
  }

  private static final char[] ASCII_LOWER = new char[128];
  /** {@link #kind} of every char of the Basic Multilingual Plane (surrogates are not looked up). */
  private static final byte[] BMP_KIND = new byte[0x10000];
  private static final byte[] ASCII_KIND = new byte[128];

  static {
    for (int c = 0; c < 0x10000; c++) BMP_KIND[c] = (byte) kind(c);
    for (int c = 0; c < 128; c++) {
      ASCII_KIND[c] = BMP_KIND[c];
      ASCII_LOWER[c] = (char) Character.toLowerCase(c);
    }
  }
}
