package org.flmdata.dedup;

import java.text.Normalizer;
import org.flmdata.pipeline.hash.XxHash64;

/**
 * The exact-dedup key of a text: 128 bits (two XXH64 hashes with different seeds, {@link
 * XxHash64}, equal to the values of Spark's internal XXH64 that earlier indexes hold) of its
 * normalised form: NFKC, lower case, whitespace runs as one space, trimmed. Texts that differ only
 * in case, width forms or spacing get the same key. Not thread-safe (reused buffer).
 */
public final class ExactKey {
  /** Names this normalisation and hash; a persistent index records it ({@link DedupIndex}). */
  static final String VERSION = "nfkc-lower-space-xxh64x2-v1";

  private static final long SEED_1 = 0x1F0E5L;
  private static final long SEED_2 = 0x2C7A9L;

  private byte[] buf = new byte[1024];
  private long h1;
  private long h2;

  /** Computes the key of {@code text} (null is empty); read it with {@link #h1()}, {@link #h2()}. */
  public void of(String text) {
    String t = text == null ? "" : text;
    if (!Normalizer.isNormalized(t, Normalizer.Form.NFKC)) {
      t = Normalizer.normalize(t, Normalizer.Form.NFKC);
    }
    int len = 0;
    boolean space = true;
    int i = 0;
    int end = t.length();
    while (i < end) {
      char ch = t.charAt(i);
      int cp;
      if (ch < 128) {
        // ASCII: table lookups, the same answers as the general path below
        i++;
        if (AsciiTables.SPACE[ch]) {
          space = true;
          continue;
        }
        cp = AsciiTables.LOWER[ch];
      } else {
        cp = t.codePointAt(i);
        i += Character.charCount(cp);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          space = true;
          continue;
        }
        cp = Character.toLowerCase(cp);
      }
      if (buf.length - len < 8) grow(len);
      if (space && len > 0) {
        buf[len++] = ' ';
        buf[len++] = 0;
      }
      space = false;
      if (Character.isBmpCodePoint(cp)) {
        buf[len++] = (byte) cp;
        buf[len++] = (byte) (cp >>> 8);
      } else {
        char hi = Character.highSurrogate(cp);
        char lo = Character.lowSurrogate(cp);
        buf[len++] = (byte) hi;
        buf[len++] = (byte) (hi >>> 8);
        buf[len++] = (byte) lo;
        buf[len++] = (byte) (lo >>> 8);
      }
    }
    h1 = XxHash64.hashBytes(buf, 0, len, SEED_1);
    h2 = XxHash64.hashBytes(buf, 0, len, SEED_2);
  }

  private void grow(int len) {
    byte[] b = new byte[buf.length * 2];
    System.arraycopy(buf, 0, b, 0, len);
    buf = b;
  }

  public long h1() {
    return h1;
  }

  public long h2() {
    return h2;
  }
}
