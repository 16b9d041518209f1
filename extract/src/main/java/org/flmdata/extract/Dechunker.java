package org.flmdata.extract;

/**
 * Removes HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1) from a body held in memory, and
 * says how the body ended, because stored responses break in several ways that call for different
 * answers ({@link Ending}). Lenient where crawlers and servers are: a bare LF ends a line, spaces
 * or tabs may follow the size, chunk extensions ({@code ;name=value}) and trailer fields are
 * skipped. Pure: never throws on any bytes, and the result is never larger than the input.
 */
final class Dechunker {
  private Dechunker() {}

  /** How a chunked body ended. */
  enum Ending {
    /** The last chunk ({@code 0}) was read. */
    COMPLETE,
    /** A chunk declares more bytes than remain: the block was cut; the bytes present are kept. */
    CUT,
    /** The body ends between chunks (or inside a size line) without the last chunk. */
    UNTERMINATED,
    /**
     * The first line is not a chunk-size line: the body was stored de-chunked under a stale {@code
     * Transfer-Encoding: chunked} header (as warcio also assumes); the bytes are the body as is.
     */
    NOT_CHUNKED,
    /**
     * After at least one chunk, a size line that is not hex, or chunk data not followed by CRLF:
     * the sizes do not match the data, so where the page's bytes are cannot be told.
     */
    BAD_FRAMING
  }

  /**
   * A decoded body.
   *
   * @param bytes the decoded bytes (the first {@code length} count)
   * @param chunks chunks read whole or in part
   * @param at for {@link Ending#BAD_FRAMING}, the body offset where the framing broke
   */
  record Result(byte[] bytes, int length, Ending ending, int chunks, int at) {
    boolean complete() {
      return ending == Ending.COMPLETE || ending == Ending.NOT_CHUNKED;
    }
  }

  /** Decodes {@code b[from, to)}. */
  static Result decode(byte[] b, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    int len = 0;
    int chunks = 0;
    int p = from;
    while (true) {
      if (p >= to) return new Result(out, len, Ending.UNTERMINATED, chunks, p - from);
      long size = 0;
      int q = p;
      while (q < to && Character.digit(b[q], 16) >= 0) {
        // a size beyond what an array can hold is as good as "more than remains"
        size = Math.min(Integer.MAX_VALUE, size * 16 + Character.digit(b[q], 16));
        q++;
      }
      int lineEnd = q > p ? sizeLineEnd(b, q, to) : BAD;
      if (lineEnd == BAD) {
        if (chunks == 0) {
          System.arraycopy(b, from, out, 0, to - from);
          return new Result(out, to - from, Ending.NOT_CHUNKED, 0, 0);
        }
        return new Result(out, len, Ending.BAD_FRAMING, chunks, p - from);
      }
      if (lineEnd == INCOMPLETE) return new Result(out, len, Ending.UNTERMINATED, chunks, p - from);
      p = lineEnd;
      if (size == 0) return new Result(out, len, Ending.COMPLETE, chunks, p - from);
      chunks++;
      int n = (int) Math.min(size, to - p);
      System.arraycopy(b, p, out, len, n);
      len += n;
      p += n;
      if (n < size) return new Result(out, len, Ending.CUT, chunks, p - from);
      // the chunk's CRLF
      if (p < to && b[p] == '\r') p++;
      if (p >= to) return new Result(out, len, Ending.UNTERMINATED, chunks, p - from);
      if (b[p] != '\n') return new Result(out, len, Ending.BAD_FRAMING, chunks, p - from);
      p++;
    }
  }

  private static final int BAD = -1;
  private static final int INCOMPLETE = -2;

  /**
   * Where the line after a chunk size that ends at {@code q} ends (past its LF); {@link #BAD} when
   * what follows the digits is not whitespace, an extension or the line end; {@link #INCOMPLETE}
   * when the body ends first.
   */
  private static int sizeLineEnd(byte[] b, int q, int to) {
    while (q < to && (b[q] == ' ' || b[q] == '\t')) q++;
    if (q < to && b[q] == ';') {
      while (q < to && b[q] != '\n') q++;
      return q < to ? q + 1 : INCOMPLETE;
    }
    if (q < to && b[q] == '\r') q++;
    if (q >= to) return INCOMPLETE;
    return b[q] == '\n' ? q + 1 : BAD;
  }
}
