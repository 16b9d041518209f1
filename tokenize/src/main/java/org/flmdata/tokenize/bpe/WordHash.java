package org.flmdata.tokenize.bpe;

/**
 * The hash of a pre-token's chars that the encoder's {@link WordCache}, its whole-word lookup and
 * the trainer's word tally all key on: length-seeded polynomial, then a murmur-style mix so that
 * the low bits (the slot) depend on every char.
 */
public final class WordHash {
  private WordHash() {}

  /** The hash of {@code s[from, to)}. */
  public static int of(char[] s, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) h = 31 * h + s[i];
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
