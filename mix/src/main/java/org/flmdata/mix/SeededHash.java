package org.flmdata.mix;

import org.flmdata.pipeline.hash.Hash64;

/**
 * A seeded 64-bit hash of a document id ({@link Hash64#seeded}: FNV-1a over the id's UTF-16 code
 * units, then the SplitMix64 finaliser mixed with the seed). Orders documents for the
 * fractional-epoch sample; deterministic across JVMs.
 */
final class SeededHash {
  private SeededHash() {}

  static long of(String id, long seed) {
    return Hash64.seeded(id, seed);
  }

  /** The hash's bucket: its top 16 bits (buckets follow the unsigned hash order). */
  static int bucket(long hash) {
    return (int) (hash >>> (64 - FractionalCut.BUCKET_BITS));
  }
}
