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
  EMPTY("empty"),
  /**
   * A zip bomb or a PDF stream bomb: an Office package's entries or a PDF's streams decode past
   * {@link ExpansionBudget} (100 times the document's size, at least 1 MiB, at most {@code
   * max_record_bytes}); refused before the parser holds them in memory. A genuine document that
   * large is counted here too (raise {@code max_record_bytes} for it); detail = the part and sizes.
   */
  DECOMPRESSION_BOMB("decompression-bomb"),
  /**
   * XML whose entities expand past the JDK parser's limits as Tika sets them (more than 20 entity
   * expansions, or entities past the JDK's size limits): billion laughs, quadratic blowup; detail =
   * the parser's message.
   */
  ENTITY_EXPANSION("entity-expansion");

  /** JAXP's codes for its entity limits: expansions, total size, general and parameter entity size. */
  private static final java.util.List<String> ENTITY_LIMIT_CODES =
      java.util.List.of("JAXP00010001", "JAXP00010004", "JAXP00010005", "JAXP00010006");

  /** The reason for a parse that threw {@code failure}: a bomb, an entity limit, else parse-error. */
  static TikaReason of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ExpansionBudget.Exceeded) return DECOMPRESSION_BOMB;
      String m = t.getMessage();
      if (t instanceof org.xml.sax.SAXException
          && m != null
          && ENTITY_LIMIT_CODES.stream().anyMatch(m::contains)) {
        return ENTITY_EXPANSION;
      }
    }
    return PARSE_ERROR;
  }

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
