package org.flmdata.extract;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gunzips a stream of one or more gzip members (RFC 1952), giving out every byte that can be
 * inflated before a failure, so records before a cut are kept. A stream that ends inside a member
 * throws {@link TruncatedGzipException}; bad deflate data, a CRC or length mismatch, or bytes after
 * a member that do not start another one throw {@link ZipException}. Both only once no more bytes
 * can be given out.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: it decides whether another member follows by
 * asking {@code available()}, which object stores may answer with 0 mid-file, silently ending the
 * data at a member boundary; and it may throw with inflated bytes still undelivered.
 */
final class GzipStream extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  /** A gzip stream that ends inside a member. */
  static final class TruncatedGzipException extends EOFException {
    private static final long serialVersionUID = 1L;

    TruncatedGzipException(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private long consumed;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private boolean inMember;
  private boolean eof;
  private final byte[] one = new byte[1];

  GzipStream(InputStream in) {
    this.in = in;
  }

  /** Compressed bytes consumed so far (before inflater read-ahead), for error messages. */
  long compressedPosition() {
    return consumed - (lim - pos) - (inMember ? inflater.getRemaining() : 0);
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (true) {
      if (eof) return -1;
      if (!inMember) {
        if (!readHeader()) {
          eof = true;
          return -1;
        }
        inMember = true;
      }
      if (inflater.needsInput()) {
        if (!fill()) {
          throw new TruncatedGzipException(
              "gzip stream ends inside a member at compressed byte " + consumed);
        }
        inflater.setInput(buf, pos, lim - pos);
        pos = lim;
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException(
            "bad deflate data near compressed byte "
                + compressedPosition()
                + ": "
                + e.getMessage());
      }
      crc.update(b, off, n);
      if (inflater.finished()) {
        finishMember();
      } else if (n == 0 && inflater.needsDictionary()) {
        throw new ZipException("deflate stream needs a preset dictionary");
      }
      if (n > 0) return n;
    }
  }

  private void finishMember() throws IOException {
    int rest = inflater.getRemaining();
    pos -= rest;
    long expectedCrc = readLe(4);
    long expectedSize = readLe(4);
    if (expectedCrc != crc.getValue()) {
      throw new ZipException("gzip CRC mismatch at compressed byte " + consumed);
    }
    if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new ZipException("gzip length mismatch at compressed byte " + consumed);
    }
    inflater.reset();
    crc.reset();
    inMember = false;
  }

  /** Reads a member header; false at a clean end of stream (between members). */
  private boolean readHeader() throws IOException {
    if (!ensure(1)) return false;
    if (!ensure(10)) {
      throw new TruncatedGzipException(
          "gzip stream ends inside a member header at byte " + consumed);
    }
    int id1 = buf[pos] & 0xff;
    int id2 = buf[pos + 1] & 0xff;
    int cm = buf[pos + 2] & 0xff;
    int flg = buf[pos + 3] & 0xff;
    if (id1 != 0x1f || id2 != 0x8b || cm != 8) {
      throw new ZipException("no gzip member at compressed byte " + (consumed - (lim - pos)));
    }
    skip(10);
    if ((flg & FEXTRA) != 0) skip((int) readLe(2));
    if ((flg & FNAME) != 0) skipZeroTerminated();
    if ((flg & FCOMMENT) != 0) skipZeroTerminated();
    if ((flg & FHCRC) != 0) skip(2);
    return true;
  }

  private long readLe(int n) throws IOException {
    if (!ensure(n)) {
      throw new TruncatedGzipException(
          "gzip stream ends inside a member trailer at byte " + consumed);
    }
    long v = 0;
    for (int i = 0; i < n; i++) v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    pos += n;
    return v;
  }

  private void skip(int n) throws IOException {
    while (n > 0) {
      if (!ensure(1)) throw new TruncatedGzipException("gzip stream ends inside a member header");
      int k = Math.min(n, lim - pos);
      pos += k;
      n -= k;
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (true) {
      if (!ensure(1)) throw new TruncatedGzipException("gzip stream ends inside a member header");
      if (buf[pos++] == 0) return;
    }
  }

  /** At least {@code n} (<= buffer size) unread bytes in the buffer; false at end of stream. */
  private boolean ensure(int n) throws IOException {
    if (lim - pos >= n) return true;
    System.arraycopy(buf, pos, buf, 0, lim - pos);
    lim -= pos;
    pos = 0;
    while (lim < n) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) return false;
      lim += r;
      consumed += r;
    }
    return true;
  }

  /** Refills the buffer for the inflater; false at end of stream. */
  private boolean fill() throws IOException {
    if (pos < lim) return true;
    pos = 0;
    lim = 0;
    int r;
    do {
      r = in.read(buf, 0, buf.length);
    } while (r == 0);
    if (r < 0) return false;
    lim = r;
    consumed += r;
    return true;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
