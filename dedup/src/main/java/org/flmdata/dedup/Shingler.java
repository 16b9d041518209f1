package org.flmdata.dedup;

import static org.flmdata.pipeline.text.Scripts.isCjk;

import org.flmdata.pipeline.hash.Hash64;
import org.flmdata.pipeline.hash.XxHash64;

/**
 * Turns a text into the 64-bit hashes of its shingles (n consecutive tokens), without an object
 * per token or shingle: each token is hashed once with XXH64 ({@link XxHash64}); a shingle's hash is
 * a rolling polynomial of its n token hashes, finished by XXH64, so shingling is O(1) per token
 * for any n. A text with fewer than n (but at least one) tokens is one
 * shingle of all of them; a text without tokens has no shingles.
 *
 * <p>Not thread-safe (it reuses its buffers); one instance per partition. Never throws on any
 * string: unpaired surrogates are tokens like any other code point.
 */
public final class Shingler {
  private static final long TOKEN_SEED = 0x5EEDL;
  private static final long SHINGLE_SEED = 0x5111L;
  /** Odd multiplier of the rolling hash (the 64-bit golden ratio). */
  private static final long BASE = Hash64.GOLDEN;

  private static long pow(int e) {
    long r = 1;
    for (int i = 0; i < e; i++) r *= BASE;
    return r;
  }

  /** ASCII word characters, from the same predicates the general path asks. */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c) || isCombining(c);
  }

  private final ShingleUnit unit;
  private final int n;
  private byte[] word = new byte[64];
  private long[] tokens = new long[256];
  private long[] shingles = new long[256];

  public Shingler(ShingleUnit unit, int n) {
    if (n < 1) throw new IllegalArgumentException("shingle size must be >= 1, got " + n);
    this.unit = unit;
    this.n = n;
  }

  /** Number of shingles written by the last call; their hashes are {@code shingles()[0..count)}. */
  private int count;

  /** Shingles {@code text} (null is empty); returns the count, hashes in {@link #hashes()}. */
  public int shingle(String text) {
    int t = unit == ShingleUnit.WORD ? wordTokens(text) : charTokens(text);
    if (t == 0) {
      count = 0;
      return 0;
    }
    int s = Math.max(1, t - n + 1);
    if (shingles.length < s) shingles = new long[Math.max(s, shingles.length * 2)];
    int width = Math.min(n, t);
    // Rolling polynomial hash of the token hashes (mod 2^64), then one XXH64 finaliser per
    // shingle: O(1) per shingle whatever n is.
    long h = 0;
    for (int j = 0; j < width; j++) h = h * BASE + tokens[j];
    shingles[0] = XxHash64.hashLong(h, SHINGLE_SEED);
    long out = pow(width - 1);
    for (int i = 1; i < s; i++) {
      h = (h - tokens[i - 1] * out) * BASE + tokens[i + width - 1];
      shingles[i] = XxHash64.hashLong(h, SHINGLE_SEED);
    }
    count = s;
    return s;
  }

  /** The shingle hashes of the last call (valid up to the returned count; reused buffer). */
  public long[] hashes() {
    return shingles;
  }

  public int count() {
    return count;
  }

  /** Tokens of the last call (for tests). */
  long[] tokenHashes() {
    return tokens;
  }

  private int wordTokens(String text) {
    if (text == null) return 0;
    int t = 0;
    int len = 0;
    int i = 0;
    int end = text.length();
    while (i < end) {
      char ch = text.charAt(i);
      if (ch < 128) {
        // ASCII (most web text): table lookups, same answers as below
        i++;
        if (ASCII_WORD[ch]) {
          len = putAscii(len, AsciiTables.LOWER[ch]);
        } else if (len > 0) {
          t = addToken(t, len);
          len = 0;
        }
        continue;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        if (len > 0) t = addToken(t, len);
        len = putChar(0, Character.toLowerCase(cp));
        t = addToken(t, len);
        len = 0;
      } else if (Character.isLetterOrDigit(cp) || isCombining(cp)) {
        len = putChar(len, Character.toLowerCase(cp));
      } else if (len > 0) {
        t = addToken(t, len);
        len = 0;
      }
    }
    if (len > 0) t = addToken(t, len);
    return t;
  }

  private int charTokens(String text) {
    if (text == null) return 0;
    int t = 0;
    boolean space = true; // leading whitespace is dropped
    int i = 0;
    int end = text.length();
    while (i < end) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128 ? AsciiTables.SPACE[cp]
          : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (!space) t = addToken(t, putChar(0, ' '));
        space = true;
      } else {
        t = addToken(t, putChar(0, cp < 128 ? AsciiTables.LOWER[cp] : Character.toLowerCase(cp)));
        space = false;
      }
    }
    if (t > 0 && space) t--; // a trailing space is not a token
    return t;
  }

  /** Appends {@code cp} as UTF-16 code units (2 bytes each, little-endian) at {@code len}. */
  private int putChar(int len, int cp) {
    if (len + 4 > word.length) {
      byte[] w = new byte[word.length * 2];
      System.arraycopy(word, 0, w, 0, len);
      word = w;
    }
    if (Character.isBmpCodePoint(cp)) {
      word[len] = (byte) cp;
      word[len + 1] = (byte) (cp >>> 8);
      return len + 2;
    }
    char hi = Character.highSurrogate(cp);
    char lo = Character.lowSurrogate(cp);
    word[len] = (byte) hi;
    word[len + 1] = (byte) (hi >>> 8);
    word[len + 2] = (byte) lo;
    word[len + 3] = (byte) (lo >>> 8);
    return len + 4;
  }

  /** Appends an ASCII character as {@link #putChar} does (two bytes, little-endian). */
  private int putAscii(int len, char c) {
    if (len + 2 > word.length) {
      byte[] w = new byte[word.length * 2];
      System.arraycopy(word, 0, w, 0, len);
      word = w;
    }
    word[len] = (byte) c;
    word[len + 1] = 0;
    return len + 2;
  }

  private int addToken(int t, int len) {
    if (t == tokens.length) {
      long[] a = new long[tokens.length * 2];
      System.arraycopy(tokens, 0, a, 0, t);
      tokens = a;
    }
    tokens[t] = XxHash64.hashBytes(word, 0, len, TOKEN_SEED);
    return t + 1;
  }

  private static boolean isCombining(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
