package org.flmdata.pipeline.hash;

import java.nio.charset.StandardCharsets;

/**
 * The pipeline's one family of 64-bit non-cryptographic hashes, for keys, signatures and
 * sampling: FNV-1a (Fowler, Noll and Vo; public domain) over the units a caller names, the two
 * usual 64-bit finalisers that spread FNV's weak low bits (SplitMix64's, Steele, Lea and Flood,
 * with Stafford's "variant 13" constants; MurmurHash3's {@code fmix64}, Austin Appleby, public
 * domain), and XXH64 ({@link XxHash64}). Stages combine these rather than writing their own, so
 * that a key, an id or a sample order is computed one way everywhere.
 *
 * <p>Every value here is part of the output: shard order, sample membership, dedup keys and index
 * file names depend on them. Never change what a function returns; add a new one instead.
 */
public final class Hash64 {
  /** FNV-1a's 64-bit offset basis. */
  public static final long FNV_OFFSET = 0xcbf29ce484222325L;
  /** FNV's 64-bit prime; also an odd multiplier for rolling polynomial hashes. */
  public static final long FNV_PRIME = 0x100000001b3L;
  /** 2^64 divided by the golden ratio, odd: SplitMix64's increment, a good polynomial base. */
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hash64() {}

  /** One FNV-1a step: {@code h} with {@code unit} (a byte, a UTF-16 unit or a code point) added. */
  public static long fnv1a(long h, int unit) {
    return (h ^ unit) * FNV_PRIME;
  }

  /** FNV-1a over the UTF-16 units of {@code s}, one step per unit; null hashes as empty. */
  public static long fnv1aChars(CharSequence s) {
    long h = FNV_OFFSET;
    if (s == null) return h;
    for (int i = 0; i < s.length(); i++) h = fnv1a(h, s.charAt(i));
    return h;
  }

  /**
   * FNV-1a over the bytes of {@code s} in UTF-16LE (low byte of each unit first), without
   * encoding it.
   */
  public static long fnv1aUtf16Le(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h = fnv1a(h, c & 0xff);
      h = fnv1a(h, c >>> 8);
    }
    return h;
  }

  /** FNV-1a over the bytes of {@code s} in UTF-8. */
  public static long fnv1aUtf8(String s) {
    long h = FNV_OFFSET;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) h = fnv1a(h, b & 0xff);
    return h;
  }

  /** SplitMix64's finaliser: a bijection of 64 bits in which every output bit depends on all. */
  public static long splitmix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The first round of MurmurHash3's {@code fmix64} (xor-shift, multiply, xor-shift): a cheap
   * bijection that spreads a key over the low bits, for hash-table slots and combined keys.
   */
  public static long fmix64Round(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** MurmurHash3's 64-bit finaliser ({@code fmix64}), also a bijection. */
  public static long fmix64(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * A seeded hash of a string (a document id): FNV-1a over its UTF-16 units, mixed with the
   * SplitMix64 finaliser of the seed. Every bit depends on every character and on the seed; the
   * same on every JVM. Null hashes as empty.
   */
  public static long seeded(String s, long seed) {
    return splitmix64(fnv1aChars(s) ^ splitmix64(seed + GOLDEN));
  }
}
