package org.flmdata.extract;

import org.flmdata.pipeline.DropReason;

/**
 * Why the bytes of an input could not become a document: rule {@code read}, for every format.
 * Reported as {@code extract/read/<reason>}. A failure that stops a file midway (a cut gzip stream)
 * is one outcome for the part of the file it made unreadable; records before it are kept.
 */
public enum ReadReason implements DropReason {
  /** A file with no bytes (or only blank lines, for line formats). */
  EMPTY_FILE("empty-file"),
  /** The file vanished after listing or may not be read (not found, access denied). */
  IO_ERROR("io-error"),
  /** The gzip stream ends inside a member: the file was cut short. */
  TRUNCATED_GZIP("truncated-gzip"),
  /** The gzip stream is damaged: bad deflate data, CRC or length mismatch, junk between members. */
  CORRUPT_GZIP("corrupt-gzip"),
  /** A compression this reader cannot decode (zstd WARC). */
  UNSUPPORTED_COMPRESSION("unsupported-compression"),
  /** Text that must be UTF-8 (JSONL, text, WET) is not; rejected rather than repaired. */
  INVALID_UTF8("invalid-utf8"),
  /** A JSONL line that is not a JSON object. */
  BAD_JSON("bad-json"),
  /** The configured text field or column is absent, null or not a string. */
  MISSING_TEXT("missing-text"),
  /** Bytes that are not text: NUL bytes, many control characters, a PDF/image/archive signature. */
  BINARY("binary"),
  /** Larger than {@code max_record_bytes}; skipped without being held in memory. */
  TOO_LARGE("too-large"),
  /**
   * A file of a Parquet input that is not Parquet or whose footer is cut or damaged: one outcome
   * for the file (its stored size), the input's other files are read.
   */
  CORRUPT_PARQUET("corrupt-parquet"),
  /**
   * A Parquet file whose text column is absent or not a string while other files of the input have
   * it as one: one outcome for the file, its rows are not read. (When no file of the input has it,
   * the input is misconfigured and the run stops before any work instead.)
   */
  BAD_SCHEMA("bad-schema");

  private final String reason;

  ReadReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "read";
  }

  @Override
  public String reason() {
    return reason;
  }
}
