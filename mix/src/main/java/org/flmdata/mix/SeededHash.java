package org.flmdata.mix;

/**
 * A seeded 64-bit hash of a document id: FNV-1a over the id's UTF-16 code units, then the
 * SplitMix64 finaliser mixed with the seed, so every bit depends on every character and on the
 * seed. Orders documents for the fractional-epoch sample; deterministic across JVMs.
 */
final class SeededHash {
  private SeededHash() {}

  static long of(String id, long seed) {
    long h = 0xcbf29ce484222325L;
    if (id != null) {
      for (int i = 0; i < id.length(); i++) {
        h ^= id.charAt(i);
        h *= 0x100000001b3L;
      }
    }
    return mix(h ^ mix(seed + 0x9e3779b97f4a7c15L));
  }

  /** The hash's bucket: its top 16 bits (buckets follow the unsigned hash order). */
  static int bucket(long hash) {
    return (int) (hash >>> (64 - FractionalCut.BUCKET_BITS));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
