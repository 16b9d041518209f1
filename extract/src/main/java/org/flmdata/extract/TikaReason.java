package org.flmdata.extract;

import org.flmdata.pipeline.DropReason;

/** Why a document payload parsed by Tika ({@link TikaText}) is not a document: rule {@code tika}. */
public enum TikaReason implements DropReason {
  /** The payload is larger than {@code max_tika_bytes}; detail = its size. */
  TOO_LARGE("too-large"),
  /** The parse ran past {@code tika_timeout_ms} (or stuck parses of the task left no thread). */
  TIMEOUT("timeout"),
  /** The parser failed: a broken, truncated or encrypted file; detail = the exception. */
  PARSE_ERROR("parse-error"),
  /** The parser found no text (a scanned PDF without a text layer, an empty feed). */
  EMPTY("empty");

  private final String reason;

  TikaReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "tika";
  }

  @Override
  public String reason() {
    return reason;
  }
}
