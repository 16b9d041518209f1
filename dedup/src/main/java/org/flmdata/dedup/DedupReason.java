package org.flmdata.dedup;

import org.flmdata.pipeline.DropReason;

/**
 * Why dedup rejects a document; the detail is the id of the document kept in its place (for the
 * indexed reasons, the id of the indexed document).
 */
public enum DedupReason implements DropReason {
  /** Same normalised text as the kept document ({@link ExactKey}). */
  EXACT_DUP("exact", "exact-dup"),
  /** In the same MinHash/LSH connected component as the kept document. */
  NEAR_DUP("minhash", "near-dup"),
  /** Same normalised text as a document of the persistent index ({@link DedupIndex}). */
  EXACT_INDEXED("exact", "exact-indexed"),
  /** In the same MinHash/LSH connected component as a document of the persistent index. */
  NEAR_INDEXED("minhash", "near-indexed");

  private final String rule;
  private final String reason;

  DedupReason(String rule, String reason) {
    this.rule = rule;
    this.reason = reason;
  }

  @Override
  public String rule() {
    return rule;
  }

  @Override
  public String reason() {
    return reason;
  }
}
