package org.flmdata.extract;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads a WARC file (WARC/1.0, 1.1 and 0.18; plain or gzip, record-per-member as crawlers write
 * them) with jwarc, one outcome per record, through {@link WarcRecordExtractor}.
 *
 * <p>{@code bytesIn} of a record is its span in the file as stored (compressed for .warc.gz): from
 * its offset to the next record's, the last one to the end of the file. So the outcomes of a file
 * add up to exactly its size, damaged or not.
 *
 * <p>Damage does not end the file. When the stream fails (a gzip member cut or corrupt, a header
 * that does not parse, a file ending inside a record), the records before are kept, the reader
 * looks for the next record start after the damage (a gzip member header in .warc.gz, a {@code
 * WARC/} line in plain files) that parses, and goes on from there. The damaged span is one outcome:
 * {@code read/truncated-gzip}, {@code read/corrupt-gzip}, {@code warc/truncated-record} or {@code
 * warc/bad-record}, with the file and byte offsets in its detail and one WARN line. A record whose
 * Content-Length is wrong shows as a block not followed by CRLFCRLF and then an unparsable header:
 * it and the bytes up to the next record are one {@code warc/bad-record}. The search starts just
 * past the damaged record's own offset, so a Content-Length that is too long, which runs a record
 * into the next one, still leaves that next record readable.
 *
 * <p>A file gzipped whole (one member, not one per record) is read too, but cannot be
 * resynchronised after damage, and its records' spans are where jwarc's compressed position stood
 * as each began (they still add up to the file size).
 */
final class WarcFileReader extends OutcomeReader {
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_LINE = "\nWARC/".getBytes(StandardCharsets.US_ASCII);

  private final WarcRecordExtractor records;
  private final long length;
  private HadoopChannel channel;
  private WarcReader reader;
  private boolean gzip;

  /** The last record's outcome, held until the next record's offset gives its span. */
  private Outcome pending;

  private long pendingStart;

  /** A record found by resynchronisation, to process next. */
  private WarcRecord lookahead;

  /** Set when jwarc found no CRLFCRLF after the block it just finished: a wrong Content-Length. */
  private boolean badTrailer;

  WarcFileReader(FileContext ctx, Configuration conf) {
    super(ctx, conf);
    this.records = new WarcRecordExtractor(ctx);
    this.length = ctx.file.length();
  }

  @Override
  protected void step() throws IOException {
    if (reader == null && !open()) return;
    WarcRecord rec = lookahead;
    lookahead = null;
    if (rec == null) {
      badTrailer = false;
      try {
        rec = reader.next().orElse(null);
      } catch (IOException | RuntimeException e) {
        fail(e, reader.position(), null);
        return;
      }
      if (rec == null) {
        flush(length);
        finished = true;
        return;
      }
    }
    long start = reader.position();
    flush(start);
    try {
      pending = records.extract(rec, start);
      pendingStart = start;
    } catch (WarcRecordExtractor.StreamFailure e) {
      fail(e.getCause(), start, records.draft(rec.headers(), start));
    }
  }

  private boolean open() throws IOException {
    Document whole = ctx.draft(ctx.offsetId(0), null, 0);
    if (length == 0) {
      ready.add(ctx.reject(whole, ReadReason.EMPTY_FILE, "0 bytes", 0));
      finished = true;
      return false;
    }
    try {
      channel = HadoopChannel.open(ctx.file.path(), length, conf);
      if (zstd()) {
        ready.add(
            ctx.reject(whole, ReadReason.UNSUPPORTED_COMPRESSION, "zstd-compressed WARC", length));
        finished = true;
        return false;
      }
      channel.position(0);
      reader = new WarcReader(channel);
    } catch (EOFException e) {
      ready.add(
          ctx.reject(
              whole,
              WarcReason.TRUNCATED_RECORD,
              "a file of " + length + " bytes holds no WARC record",
              length));
      finished = true;
      return false;
    } catch (IOException e) {
      Failures.Failure f = Failures.classify(e);
      if (f == null) throw Failures.rethrow(e);
      ready.add(ctx.reject(whole, f.reason(), f.message(), length));
      finished = true;
      return false;
    }
    reader.setLenient(true);
    reader.onWarning(
        w -> {
          if (w.contains("trailer")) badTrailer = true;
        });
    gzip = reader.compression() == WarcCompression.GZIP;
    return true;
  }

  private boolean zstd() throws IOException {
    ByteBuffer head = ByteBuffer.allocate(4);
    while (head.hasRemaining() && channel.read(head) >= 0) {
      // a short read is legal; keep reading
    }
    byte[] b = head.array();
    return head.position() == 4
        && (b[0] & 0xff) == 0x28
        && (b[1] & 0xff) == 0xB5
        && (b[2] & 0xff) == 0x2F
        && (b[3] & 0xff) == 0xFD;
  }

  /** Emits the pending record with the span up to {@code end}. */
  private void flush(long end) {
    if (pending == null) return;
    pending.setBytesIn(end - pendingStart);
    ready.add(pending);
    pending = null;
  }

  /**
   * The stream failed with {@code e} while at record offset {@code at} (jwarc's position is only
   * advanced past a record once its body and trailer are read, so a failure while finishing the
   * pending record reports that record's offset). {@code record} is the draft of the record whose
   * block failed, when its header was read.
   */
  private void fail(Throwable e, long at, Document record) throws IOException {
    Failures.Failure f = classify(e);
    Document doc;
    long from;
    String what;
    if (pending != null
        && (pendingStart == at || (badTrailer && f.reason() == WarcReason.BAD_RECORD))) {
      doc = pending.toDocument();
      from = pendingStart;
      what =
          badTrailer && f.reason() == WarcReason.BAD_RECORD
              ? "Content-Length does not end the record (no CRLFCRLF after its block), then "
                  + f.message()
                  + " at byte "
                  + at
              : f.message();
      pending = null;
    } else {
      flush(at);
      doc = record != null ? record : ctx.draft(ctx.offsetId(at), null, at);
      from = at;
      what = f.message();
    }
    // Look for the next record from just after the damaged one's start: a Content-Length that
    // is too long ran this record into the next one, whose start then lies before the failure.
    long resume = resync(from + 1);
    long end = resume < 0 ? length : resume;
    String detail =
        what
            + " in the record at byte "
            + from
            + " of "
            + ctx.file.path()
            + "; "
            + (resume < 0
                ? "nothing readable after it (file has " + length + " bytes)"
                : "skipped " + (end - from) + " bytes to the next record at byte " + resume);
    ready.add(ctx.reject(doc, f.reason(), detail, end - from));
    if (resume < 0) finished = true;
  }

  private Failures.Failure classify(Throwable e) {
    if (e instanceof ParsingException
        || e instanceof NumberFormatException
        || e instanceof IllegalArgumentException) {
      return new Failures.Failure(WarcReason.BAD_RECORD, Failures.message(e));
    }
    if (e instanceof EOFException) {
      // jwarc's gunzip names gzip in every end-of-stream message; a WARC record cut short in an
      // intact gzip stream (or a plain file) ends with an EOF that does not.
      String m = e.getMessage() == null ? "" : e.getMessage();
      boolean cutMember = gzip && m.contains("gzip");
      return new Failures.Failure(
          cutMember ? ReadReason.TRUNCATED_GZIP : WarcReason.TRUNCATED_RECORD,
          cutMember ? "gzip stream ends inside a member" : "file ends inside the record");
    }
    Failures.Failure f = Failures.classify(e);
    if (f == null) throw Failures.rethrow(e);
    return f;
  }

  /**
   * Finds the first offset at or after {@code from} where a record parses, leaves the reader
   * positioned after that record's header with the record in {@link #lookahead}, and returns the
   * offset; -1 when there is none.
   */
  private long resync(long from) throws IOException {
    byte[] pattern = gzip ? GZIP_MAGIC : WARC_LINE;
    int lead = gzip ? 0 : 1; // the record starts after the pattern's leading LF
    long searchFrom = from - lead;
    while (true) {
      long hit = find(pattern, searchFrom);
      if (hit < 0) return -1;
      long candidate = hit + lead;
      try {
        reader.position(candidate);
        WarcRecord rec = reader.next().orElse(null);
        if (rec == null) return -1;
        lookahead = rec;
        return candidate;
      } catch (IOException | RuntimeException e) {
        if (classify(e) == null) throw Failures.rethrow(e);
        searchFrom = hit + 1;
      }
    }
  }

  /** Offset of the first {@code pattern} at or after {@code from} in the stored file, or -1. */
  private long find(byte[] pattern, long from) throws IOException {
    channel.position(from);
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long bufStart = from;
    while (true) {
      int n = channel.read(buf);
      if (n < 0 && buf.position() < pattern.length) return -1;
      byte[] a = buf.array();
      int limit = buf.position();
      for (int i = 0; i + pattern.length <= limit; i++) {
        int j = 0;
        while (j < pattern.length && a[i + j] == pattern[j]) j++;
        if (j == pattern.length) return bufStart + i;
      }
      if (n < 0) return -1;
      // keep the last bytes, which may begin a match that continues in the next read
      int keep = Math.min(pattern.length - 1, limit);
      System.arraycopy(a, limit - keep, a, 0, keep);
      bufStart += limit - keep;
      buf.position(keep);
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      HadoopChannel c = channel;
      channel = null;
      c.close();
    }
  }
}
