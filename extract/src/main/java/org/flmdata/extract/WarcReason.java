package org.flmdata.extract;

import org.flmdata.pipeline.DropReason;

/**
 * Why a WARC record did not become a page: rule {@code warc}. Gzip-level failures are {@link
 * ReadReason}s, shared with the other formats; these are about WARC and HTTP structure.
 */
public enum WarcReason implements DropReason {
  /**
   * Unparsable WARC header, or a Content-Length that does not end the record (no CRLFCRLF after the
   * block). The bytes up to the next readable record are counted with it.
   */
  BAD_RECORD("bad-record"),
  /** The file ends inside a record (uncompressed, or after a complete gzip member). */
  TRUNCATED_RECORD("truncated-record"),
  /** A response whose HTTP message cannot be parsed or its Content-Encoding decoded. */
  BAD_HTTP("bad-http"),
  /**
   * A chunked HTTP body whose framing breaks after its first chunk: a size line that is not hex, or
   * chunk data not followed by CRLF. The declared sizes do not match the data (a body rewritten
   * after chunking, corrupt bytes), so the chunks already decoded may hold framing or miss page
   * bytes: the record is rejected rather than kept as a page that is not what the server sent.
   * The other broken chunkings keep the page ({@link Dechunker.Ending}): a chunk larger than the
   * bytes that remain, or a body without its last (0) chunk, is a cut page and is kept with meta
   * {@code truncated=payload}, as Common Crawl keeps its payloads cut at 1 MiB; a body whose first
   * line is not a chunk size was stored de-chunked under a stale header and is read as it is.
   */
  BAD_CHUNKED("bad-chunked"),
  /** Not a page: warcinfo, request, metadata, revisit, continuation records. */
  NOT_RESPONSE("not-response"),
  /**
   * A payload of a type this stage does not extract: scripts, stylesheets, JSON, formats without a
   * parser here (see {@link PayloadType}); detail = the type. (The key predates Tika; kept stable.)
   */
  NOT_HTML("not-html"),
  /** Images, video, audio, fonts, archives, executables: counted, never parsed; detail = type. */
  BINARY_TYPE("binary-type"),
  /** An HTTP status outside 2xx (redirects, errors): no content of the target. */
  HTTP_STATUS("http-status");

  private final String reason;

  WarcReason(String reason) {
    this.reason = reason;
  }

  @Override
  public String rule() {
    return "warc";
  }

  @Override
  public String reason() {
    return reason;
  }
}
