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
}
