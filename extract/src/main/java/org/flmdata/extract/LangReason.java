package org.flmdata.extract;

import org.flmdata.pipeline.DropReason;

/** Why a document's language keeps it out of its domain: rule {@code lang}. */
public enum LangReason implements DropReason {
  /** The given or guessed language is not in the domain's {@code languages}; detail = it. */
  NOT_IN_DOMAIN("not-in-domain");

  private final String reason;

  LangReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "lang";
  }

  @Override
  public String reason() {
    return reason;
  }
}
