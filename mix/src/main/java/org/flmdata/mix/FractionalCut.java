package org.flmdata.mix;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fractional-epoch sample of one group, by tokens: documents in the order of their seeded id
 * hash (unsigned, ties by id), taken while the running token total gets closer to the target — a
 * document that crosses the target is taken when that leaves the total nearer to it than stopping
 * before it. Found without the documents on the driver, in two rounds of small histograms: tokens
 * over 2^12 buckets of the hash's top 12 bits give the bucket where the target is crossed ({@link
 * #boundary}); tokens over the next 12 bits inside that bucket give the 24-bit bucket; only that
 * bucket's (hash, id, tokens) — about docs / 2^24 of them — come to the driver to place the cut
 * exactly ({@link #resolve}). So the driver sees at most 2 x 4,096 rows per group, whatever the
 * data size.
 *
 * <p>A document is sampled when its 24-bit bucket is below {@code bucket}, or in it and at or
 * before (hash, id) when {@code inBucket}.
 */
record FractionalCut(int bucket, boolean inBucket, long hash, String id) implements Serializable {
  /** Bits of each histogram round. */
  static final int LEVEL_BITS = 12;
  static final int LEVEL_BUCKETS = 1 << LEVEL_BITS;
  /** Bits of the bucket the cut is placed in: two rounds. */
  static final int BUCKET_BITS = 2 * LEVEL_BITS;
  static final int BUCKETS = 1 << BUCKET_BITS;

  /** First-round bucket: the top 12 bits. */
  static int level1(long hash) {
    return (int) (hash >>> (64 - LEVEL_BITS));
  }

  /** Second-round bucket: the next 12 bits. */
  static int level2(long hash) {
    return (int) ((hash >>> (64 - BUCKET_BITS)) & (LEVEL_BUCKETS - 1));
  }

  static final FractionalCut NONE = new FractionalCut(0, false, 0, null);
  static final FractionalCut ALL = new FractionalCut(BUCKETS, false, 0, null);

  /** A document of the boundary bucket. */
  record Candidate(long hash, String id, long tokens) {}

  /** Where the target is crossed: the bucket, and the tokens still wanted when it begins. */
  record Boundary(int bucket, double remaining) {}

  /**
   * The bucket in which the running total of {@code bucketTokens} first passes {@code need}, or
   * null when all the tokens are at most {@code need} (take everything).
   */
  static Boundary boundary(long[] bucketTokens, double need) {
    double before = 0;
    for (int b = 0; b < bucketTokens.length; b++) {
      if (before + bucketTokens[b] > need) return new Boundary(b, need - before);
      before += bucketTokens[b];
    }
    return null;
  }

  /** The exact cut inside the boundary bucket, from its documents in any order. */
  static FractionalCut resolve(int bucket, double remaining, List<Candidate> candidates) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(ORDER);
    double total = 0;
    Candidate last = null;
    for (Candidate c : sorted) {
      double next = total + c.tokens();
      if (next > remaining && next - remaining >= remaining - total) break;
      total = next;
      last = c;
      if (total >= remaining) break;
    }
    return last == null ? new FractionalCut(bucket, false, 0, null)
        : new FractionalCut(bucket, true, last.hash(), last.id());
  }

  /** Whether the document with this hash and id is in the sample. */
  boolean takes(long docHash, String docId) {
    int b = SeededHash.bucket(docHash);
    if (b != bucket) return b < bucket;
    if (!inBucket) return false;
    int c = Long.compareUnsigned(docHash, hash);
    return c < 0 || (c == 0 && nullSafe(docId).compareTo(nullSafe(id)) <= 0);
  }

  static final Comparator<Candidate> ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.hash(), b.hash());
    return c != 0 ? c : nullSafe(a.id()).compareTo(nullSafe(b.id()));
  };

  private static String nullSafe(String s) {
    return s == null ? "" : s;
  }
}
