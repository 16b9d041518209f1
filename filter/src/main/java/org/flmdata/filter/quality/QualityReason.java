package org.flmdata.filter.quality;

import org.flmdata.pipeline.DropReason;

/** Why the quality classifier rejects a document ({@code filter/quality/...}). */
public enum QualityReason implements DropReason {
  /** The score of the configured label is below the language's threshold. */
  BELOW_THRESHOLD("below-threshold"),
  /** Outside the configured top fraction of scores of its domain and language. */
  BELOW_TOP_FRACTION("below-top-fraction"),
  /** In the configured bottom fraction of scores of its domain and language. */
  IN_BOTTOM_FRACTION("in-bottom-fraction");

  private final String reason;

  QualityReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "quality";
  }

  @Override
  public String reason() {
    return reason;
  }
}
