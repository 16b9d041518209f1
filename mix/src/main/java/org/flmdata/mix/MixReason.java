package org.flmdata.mix;

import org.flmdata.pipeline.DropReason;

/** Why the mix stage leaves a document out of the mixture ({@code mix/...}). */
public enum MixReason implements DropReason {
  /** Sampled 0 times: its group's fractional-epoch sample did not take it, or its weight is 0. */
  NOT_SAMPLED("not-sampled");

  private final String reason;

  MixReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "mix";
  }

  @Override
  public String reason() {
    return reason;
  }
}
