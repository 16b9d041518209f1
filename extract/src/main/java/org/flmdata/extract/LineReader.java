package org.flmdata.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in LF (a CR before it is dropped), holding at most {@code
 * maxLineBytes} of a line in memory: a longer line is counted and skipped past, never buffered
 * whole, so a 2 GB file without a newline costs one buffer of the cap (released after the line).
 * Bytes, not chars: decoding (strictly, as UTF-8) is the caller's, so an invalid byte is reported
 * against its line.
 */
final class LineReader {

  /**
   * One line.
   *
   * @param number 1-based line number
   * @param bytes the line without its terminator; null when longer than the cap
   * @param length length of the line without its terminator (also when not held)
   * @param rawLength bytes the line took in the stream, terminator included
   */
  record Line(long number, byte[] bytes, long length, long rawLength) {
    boolean tooLong() {
      return bytes == null;
    }

    /** True when the line holds only ASCII whitespace (blank lines separate records). */
    boolean blank() {
      if (bytes == null) return false;
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) return false;
      }
      return true;
    }
  }

  private final InputStream in;
  private final long maxLineBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private long consumed;
  private long lines;
  private static final int INITIAL_LINE = 1024;
  private byte[] line = new byte[INITIAL_LINE];

  LineReader(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes read from the stream so far, including a partly read line. */
  long position() {
    return consumed - (lim - pos);
  }

  /** The next line, or null at end of stream (a last line without LF is a line). */
  Line next() throws IOException {
    int held = 0;
    long length = 0;
    long raw = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == lim) {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) break;
        pos = 0;
        lim = r;
        consumed += r;
        continue;
      }
      sawAny = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? lim : nl;
      int chunk = end - start;
      if (length + chunk <= maxLineBytes) {
        if (held + chunk > line.length) {
          line =
              Arrays.copyOf(
                  line,
                  (int)
                      Math.min(
                          Math.max(line.length * 2L, held + chunk), Math.max(maxLineBytes, 1)));
        }
        System.arraycopy(buf, start, line, held, chunk);
        held += chunk;
      }
      length += chunk;
      raw += chunk;
      if (nl >= 0) {
        pos = nl + 1;
        raw++;
        return make(held, length, raw);
      }
      pos = lim;
    }
    return sawAny ? make(held, length, raw) : null;
  }

  private Line make(int held, long length, long raw) {
    lines++;
    if (length > maxLineBytes) {
      // the buffer grew to the cap for a line that was then skipped: the lines after are short
      // as a rule, so it is given back rather than held for the rest of the file
      if (line.length > INITIAL_LINE) line = new byte[INITIAL_LINE];
      return new Line(lines, null, length, raw);
    }
    int n = held;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
      length--;
    }
    return new Line(lines, Arrays.copyOf(line, n), length, raw);
  }
}
