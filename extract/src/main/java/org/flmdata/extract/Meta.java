package org.flmdata.extract;

/**
 * Keys this stage writes into {@code Document.meta}; later stages and the report read them. Values
 * are strings; a key is absent when the fact is unknown.
 */
public final class Meta {
  private Meta() {}

  /** Full path (URI) of the input file the document came from. */
  public static final String FILE = "file";

  /**
   * Byte offset of the record in the file: the WARC record's offset as stored (compressed for
   * .warc.gz); the line's offset in the decompressed stream for JSONL and text lines.
   */
  public static final String OFFSET = "offset";

  /** 1-based row number inside a Parquet file. */
  public static final String ROW = "row";

  /** Media type of the payload as served (HTTP Content-Type) or declared by the record. */
  public static final String CONTENT_TYPE = "content_type";

  /**
   * Media type found in the payload's bytes (an HTML start tag, or Tika's magic-byte detection)
   * when none was declared or the declared one was generic ({@code application/octet-stream}).
   */
  public static final String DETECTED_TYPE = "content_type_detected";

  /** WARC-Date of the capture, as written in the record (ISO 8601). */
  public static final String FETCH_DATE = "fetch_date";

  /** The page's {@code <title>}, whitespace collapsed. */
  public static final String TITLE = "title";

  /** Charset the page was decoded with (Java name, e.g. UTF-8, GB18030, windows-1252). */
  public static final String CHARSET = "charset";

  /** Where the charset came from: bom, http, meta, utf8 or guess. */
  public static final String CHARSET_SOURCE = "charset_source";

  /**
   * Why the payload is incomplete: the WARC-Truncated value (length, time, ...), or {@code payload}
   * when its chunked or compressed body ended early, or {@code text} when a document parsed by Tika
   * gave more than {@code max_record_bytes} characters; the text of what arrived is kept.
   */
  public static final String TRUNCATED = "truncated";

  /** The language as the input gave it, when it differs from the code kept in {@code lang}. */
  public static final String LANG_GIVEN = "lang_given";

  /** The language identifier's confidence in [0, 1] (fastText's probability or the guesser's). */
  public static final String LANG_SCORE = "lang_score";
}
