package org.flmdata.extract;

import org.flmdata.pipeline.DropReason;

/** Why extracted text is not a document: rule {@code extract}. */
public enum ExtractReason implements DropReason {
  /** Fewer characters than {@code min_text_chars} after extraction (e.g. a page of only markup). */
  EMPTY_TEXT("empty-text"),
  /**
   * An HTML page whose text is more than {@code max_undecodable_share} U+FFFD: no charset decodes
   * its bytes (a wrong declaration and no strict guess); detail = share and charset.
   */
  UNDECODABLE("undecodable");

  private final String reason;

  ExtractReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "extract";
  }

  @Override
  public String reason() {
    return reason;
  }
}
