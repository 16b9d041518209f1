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

  /** The byte-level string of UTF-8 bytes, as vocabularies spell tokens. */
  static String map(byte[] utf8, int from, int to) {
    char[] c = new char[to - from];
    for (int i = from; i < to; i++) c[i - from] = BYTE_TO_CHAR[utf8[i] & 0xFF];
    return new String(c);
  }
}
