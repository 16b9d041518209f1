package org.flmdata.tokenize.sentencepiece;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.flmdata.tokenize.bpe.TokenizerFormatException;

/**
 * SentencePiece's {@code Normalizer::Normalize} over UTF-8 bytes: user-defined pieces pass through
 * untouched, otherwise the longest rule of the precompiled charsmap (a darts-clone double-array
 * trie followed by NUL-terminated replacement strings, as {@code spm_train} writes it for
 * nmt_nfkc, nfkc, nmt_nfkc_cf, ...; empty for identity) replaces a prefix, else one UTF-8
 * character is copied; then leading/duplicate/trailing spaces are removed
 * ({@code remove_extra_whitespaces}), a space is prepended ({@code add_dummy_prefix}) and spaces
 * become U+2581 ({@code escape_whitespaces}). Immutable; thread-safe.
 */
final class SpmNormalizer {
  private static final byte[] SPACE_SYMBOL = "\u2581".getBytes(StandardCharsets.UTF_8);
  private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

  private final int[] trie; // darts-clone units; null when the charsmap is empty
  private final byte[] pool; // replacement strings, NUL-terminated
  private final ByteMatcher userDefined;
  private final boolean addDummyPrefix;
  private final boolean removeExtraWhitespaces;
  private final boolean escapeWhitespaces;

  SpmNormalizer(SentencePieceModel m, List<String> userDefinedPieces) {
    byte[] cm = m.precompiledCharsmap;
    if (cm.length == 0) {
      trie = null;
      pool = new byte[0];
    } else {
      if (cm.length < 4) throw new TokenizerFormatException(m.source + ": precompiled_charsmap shorter than its header");
      long trieBytes = (cm[0] & 0xFFL) | (cm[1] & 0xFFL) << 8 | (cm[2] & 0xFFL) << 16 | (cm[3] & 0xFFL) << 24;
      if (trieBytes % 4 != 0 || trieBytes == 0 || 4 + trieBytes > cm.length) {
        throw new TokenizerFormatException(m.source + ": precompiled_charsmap trie size " + trieBytes
            + " does not fit its " + cm.length + " bytes");
      }
      trie = new int[(int) (trieBytes / 4)];
      for (int i = 0; i < trie.length; i++) {
        int o = 4 + 4 * i;
        trie[i] = (cm[o] & 0xFF) | (cm[o + 1] & 0xFF) << 8 | (cm[o + 2] & 0xFF) << 16 | (cm[o + 3] & 0xFF) << 24;
      }
      pool = Arrays.copyOfRange(cm, 4 + (int) trieBytes, cm.length);
    }
    this.userDefined = new ByteMatcher(userDefinedPieces);
    this.addDummyPrefix = m.addDummyPrefix;
    this.removeExtraWhitespaces = m.removeExtraWhitespaces;
    this.escapeWhitespaces = m.escapeWhitespaces;
  }

  /** The normalized UTF-8 bytes of {@code in}. */
  byte[] normalize(byte[] in) {
    int n = in.length;
    if (n == 0) return in;
    long[] p = new long[1];
    int pos = 0;
    if (removeExtraWhitespaces) {
      while (pos < n) {
        int consumed = prefix(in, pos, p);
        if (!isSingleSpace(in, p[0])) break;
        pos += consumed;
      }
    }
    if (pos == n) return new byte[0];
    Bytes out = new Bytes(n + n / 2 + 8);
    if (addDummyPrefix) addSpace(out);
    boolean prevSpace = removeExtraWhitespaces;
    while (pos < n) {
      int consumed = prefix(in, pos, p);
      byte[] src = (p[0] & SOURCE_POOL) != 0 ? pool : (p[0] & SOURCE_REPLACEMENT) != 0 ? REPLACEMENT : in;
      int from = (int) ((p[0] >>> 32) & 0x7FFFFFFF);
      int len = (int) (p[0] & 0x3FFFFFFF);
      int to = from + len;
      if (prevSpace) while (from < to && src[from] == ' ') from++;
      if (from < to) {
        for (int i = from; i < to; i++) {
          if (escapeWhitespaces && src[i] == ' ') out.add(SPACE_SYMBOL);
          else out.add(src[i]);
        }
        prevSpace = src[to - 1] == ' ';
      }
      pos += consumed;
      if (!removeExtraWhitespaces) prevSpace = false;
    }
    if (removeExtraWhitespaces) {
      byte[] space = escapeWhitespaces ? SPACE_SYMBOL : new byte[] {' '};
      while (out.endsWith(space)) out.size -= space.length;
    }
    return out.toArray();
  }

  private static final long SOURCE_POOL = 1L << 30;
  private static final long SOURCE_REPLACEMENT = 1L << 31;

  private boolean isSingleSpace(byte[] in, long p) {
    byte[] src = (p & SOURCE_POOL) != 0 ? pool : (p & SOURCE_REPLACEMENT) != 0 ? REPLACEMENT : in;
    int from = (int) ((p >>> 32) & 0x7FFFFFFF);
    int len = (int) (p & 0x3FFFFFFF);
    return len == 1 && src[from] == ' ';
  }

  private void addSpace(Bytes out) {
    if (escapeWhitespaces) out.add(SPACE_SYMBOL);
    else out.add((byte) ' ');
  }

  /**
   * {@code NormalizePrefix}: how many input bytes at {@code pos} are consumed (returned) and what
   * replaces them, packed in {@code result[0]}: offset << 32 | source flags | length.
   */
  private int prefix(byte[] in, int pos, long[] result) {
    int ud = userDefined.longest(in, pos);
    if (ud > 0) {
      result[0] = (long) pos << 32 | ud;
      return ud;
    }
    if (trie != null) {
      long hit = longestRule(in, pos);
      if (hit >= 0) {
        int consumed = (int) (hit >>> 32);
        int value = (int) hit;
        int e = value;
        while (e < pool.length && pool[e] != 0) e++;
        result[0] = (long) value << 32 | SOURCE_POOL | (e - value);
        return consumed;
      }
    }
    int len = utf8Length(in, pos);
    if (len <= 0) {
      result[0] = SOURCE_REPLACEMENT | REPLACEMENT.length;
      return 1;
    }
    result[0] = (long) pos << 32 | len;
    return len;
  }

  /**
   * darts-clone's {@code commonPrefixSearch} keeping the longest match: (length << 32 | value),
   * or -1. A unit: bit 8 has-leaf, low 8 bits (and bit 31) label, bits 10+ offset (shifted by 8
   * when bit 9 is set), low 31 bits the value of a leaf.
   */
  private long longestRule(byte[] key, int start) {
    int nodePos = 0;
    int unit = trie[0];
    nodePos ^= offset(unit);
    long best = -1;
    for (int i = start; i < key.length; i++) {
      int c = key[i] & 0xFF;
      nodePos ^= c;
      if (nodePos < 0 || nodePos >= trie.length) return best;
      unit = trie[nodePos];
      if ((unit & (0x80000000 | 0xFF)) != c) return best;
      nodePos ^= offset(unit);
      if (((unit >>> 8) & 1) == 1) {
        if (nodePos < 0 || nodePos >= trie.length) return best;
        int value = trie[nodePos] & 0x7FFFFFFF;
        if (value < pool.length) best = (long) (i + 1 - start) << 32 | value;
      }
    }
    return best;
  }

  private static int offset(int unit) {
    return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
  }

  /** Length of the valid UTF-8 character at {@code pos}, or 0 when it is malformed. */
  static int utf8Length(byte[] s, int pos) {
    int b = s[pos] & 0xFF;
    int len;
    int min;
    if (b < 0x80) return 1;
    else if (b >= 0xC2 && b <= 0xDF) { len = 2; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (pos + len > s.length) return 0;
    int cp = b & (0xFF >> (len + 1));
    for (int i = 1; i < len; i++) {
      int c = s[pos + i] & 0xFF;
      if ((c & 0xC0) != 0x80) return 0;
      cp = cp << 6 | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
  }

  /** Longest-prefix matcher over UTF-8 byte strings (SentencePiece's PrefixMatcher). */
  static final class ByteMatcher {
    private final byte[][][] byFirst = new byte[256][][];

    ByteMatcher(List<String> words) {
      java.util.List<java.util.List<byte[]>> lists = new java.util.ArrayList<>();
      for (int i = 0; i < 256; i++) lists.add(null);
      for (String w : words) {
        byte[] b = w.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) continue;
        int f = b[0] & 0xFF;
        if (lists.get(f) == null) lists.set(f, new java.util.ArrayList<>());
        lists.get(f).add(b);
      }
      for (int i = 0; i < 256; i++) {
        if (lists.get(i) == null) continue;
        lists.get(i).sort((x, y) -> Integer.compare(y.length, x.length));
        byFirst[i] = lists.get(i).toArray(new byte[0][]);
      }
    }

    /** Length of the longest word at {@code pos}, or 0. */
    int longest(byte[] s, int pos) {
      byte[][] c = byFirst[s[pos] & 0xFF];
      if (c == null) return 0;
      for (byte[] w : c) {
        if (w.length <= s.length - pos && Arrays.equals(s, pos, pos + w.length, w, 0, w.length)) return w.length;
      }
      return 0;
    }
  }

  private static final class Bytes {
    byte[] data;
    int size;

    Bytes(int cap) {
      data = new byte[cap];
    }

    void add(byte b) {
      if (size == data.length) data = Arrays.copyOf(data, size * 2 + 8);
      data[size++] = b;
    }

    void add(byte[] b) {
      if (size + b.length > data.length) data = Arrays.copyOf(data, (size + b.length) * 2);
      System.arraycopy(b, 0, data, size, b.length);
      size += b.length;
    }

    boolean endsWith(byte[] b) {
      return size >= b.length && Arrays.equals(data, size - b.length, size, b, 0, b.length);
    }

    byte[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
