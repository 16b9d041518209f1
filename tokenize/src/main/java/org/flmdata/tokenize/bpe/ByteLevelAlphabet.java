package org.flmdata.tokenize.bpe;

/**
 * GPT-2's byte-to-character table ({@code bytes_to_unicode}) that byte-level BPE vocabularies are
 * written in: printable Latin-1 bytes ({@code !..~}, {@code ¡..¬}, {@code ®..ÿ}) stand for
 * themselves, the other 68 bytes map in order to U+0100 and up.
 */
final class ByteLevelAlphabet {
  private static final char[] BYTE_TO_CHAR = new char[256];

  static {
    int next = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      BYTE_TO_CHAR[b] = printable ? (char) b : (char) (256 + next++);
    }
  }

  private ByteLevelAlphabet() {}

  static char charOf(int unsignedByte) {
    return BYTE_TO_CHAR[unsignedByte];
  }

  /**
   * The byte-level string of the UTF-8 encoding of {@code s[from, to)} (a lone surrogate as
   * U+FFFD), without building the bytes.
   */
  static String mapUtf8(char[] s, int from, int to) {
    char[] out = new char[3 * (to - from)];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c < 0x80) {
        out[n++] = BYTE_TO_CHAR[c];
      } else if (c < 0x800) {
        out[n++] = BYTE_TO_CHAR[0xC0 | (c >> 6)];
        out[n++] = BYTE_TO_CHAR[0x80 | (c & 0x3F)];
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) {
        int cp = Character.toCodePoint(c, s[++i]);
        out[n++] = BYTE_TO_CHAR[0xF0 | (cp >> 18)];
        out[n++] = BYTE_TO_CHAR[0x80 | ((cp >> 12) & 0x3F)];
        out[n++] = BYTE_TO_CHAR[0x80 | ((cp >> 6) & 0x3F)];
        out[n++] = BYTE_TO_CHAR[0x80 | (cp & 0x3F)];
      } else {
        if (Character.isSurrogate(c)) c = '\uFFFD';
        out[n++] = BYTE_TO_CHAR[0xE0 | (c >> 12)];
        out[n++] = BYTE_TO_CHAR[0x80 | ((c >> 6) & 0x3F)];
        out[n++] = BYTE_TO_CHAR[0x80 | (c & 0x3F)];
      }
    }
    return new String(out, 0, n);
  }

  /** The byte-level string of UTF-8 bytes, as vocabularies spell tokens. */
  static String map(byte[] utf8, int from, int to) {
    char[] c = new char[to - from];
    for (int i = from; i < to; i++) c[i - from] = BYTE_TO_CHAR[utf8[i] & 0xFF];
    return new String(c);
  }
}
