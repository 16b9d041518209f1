package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;

/**
 * Reads a file of one record per line: JSONL (an object per line, text in {@code text_field}) or
 * text with {@code text_unit: line}. Plain or {@code .gz}. Blank lines separate records and are not
 * records; their bytes are counted with the record before them (or the first one), so the {@code
 * bytesIn} of a file's outcomes add up to its decompressed size. A file with no record at all is
 * one {@code read/empty-file}.
 *
 * <p>Per line, in order: {@code read/too-large} (longer than {@code max_record_bytes}; skipped
 * without buffering), {@code read/invalid-utf8} (decoded strictly; rejected, not repaired, so
 * replacement characters never reach the corpus), then for JSONL {@code read/bad-json} and {@code
 * read/missing-text} (absent, null or not a string). A gzip stream that breaks midway keeps every
 * line before the break and adds one {@code read/truncated-gzip} or {@code read/corrupt-gzip}
 * outcome for the rest. A file that starts with the signature of a format this reader does not
 * decode (zstd, bzip2, xz, zip, PDF, ...) is one {@code read/binary} outcome of its stored size.
 */
final class LinesFileReader extends OutcomeReader {
  /** Strings as long as max_record_bytes allows; Jackson's default caps them at 20M chars. */
  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final int SIGNATURE_BYTES = 16;

  private final boolean jsonl;
  private final StrictUtf8 utf8 = new StrictUtf8();
  private InputStream in;
  private LineReader lines;
  private Outcome pending;
  private long unattributed;
  private long records;
  private long lastLine;

  LinesFileReader(FileContext ctx, Configuration conf) {
    super(ctx, conf);
    this.jsonl = ctx.in.input().format() == InputFormat.JSONL;
  }

  @Override
  protected void step() throws IOException {
    if (lines == null && !open()) return;
    long start = lines.position();
    LineReader.Line l;
    try {
      l = lines.next();
    } catch (IOException e) {
      fail(e, start, lines.position() - start);
      return;
    }
    if (l == null) {
      end();
      return;
    }
    lastLine = l.number();
    if (l.blank()) {
      if (pending != null) {
        pending.setBytesIn(pending.getBytesIn() + l.rawLength());
      } else {
        unattributed += l.rawLength();
      }
      return;
    }
    Outcome o = record(l, start);
    o.setBytesIn(l.rawLength() + unattributed);
    unattributed = 0;
    if (pending != null) ready.add(pending);
    pending = o;
    records++;
  }

  private boolean open() throws IOException {
    if (ctx.file.length() == 0) {
      ready.add(
          ctx.reject(ctx.draft(ctx.recordId(1), null, -1), ReadReason.EMPTY_FILE, "0 bytes", 0));
      finished = true;
      return false;
    }
    byte[] head;
    try {
      in = WholeFileReader.open(ctx.file.path(), conf);
      // A compressed or binary file this reader does not decode (.jsonl.zst, .bz2, a PDF) would
      // be thousands of junk lines, each rejected: it is one read/binary outcome instead.
      BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
      in = buffered;
      buffered.mark(SIGNATURE_BYTES);
      head = buffered.readNBytes(SIGNATURE_BYTES);
      buffered.reset();
    } catch (IOException e) {
      fail(e, 0, ctx.file.length());
      return false;
    }
    String binary = BinarySniffer.signature(head, head.length);
    if (binary != null) {
      ready.add(
          ctx.reject(
              ctx.draft(ctx.recordId(1), null, 0),
              ReadReason.BINARY,
              binary + ": not JSONL or text",
              ctx.file.length()));
      finished = true;
      return false;
    }
    lines = new LineReader(in, ctx.in.maxRecordBytes());
    return true;
  }

  private void end() {
    if (pending != null) {
      ready.add(pending);
      pending = null;
    } else if (records == 0) {
      ready.add(
          ctx.reject(
              ctx.draft(ctx.recordId(1), null, -1),
              ReadReason.EMPTY_FILE,
              "no records, " + unattributed + " bytes of blank lines",
              unattributed));
    }
    finished = true;
  }

  /** Everything from the failure on is one outcome; lines before it are kept as read. */
  private void fail(IOException e, long at, long bytes) {
    Failures.Failure f = Failures.classify(e);
    if (f == null) throw Failures.rethrow(e);
    if (pending != null) ready.add(pending);
    pending = null;
    long line = lastLine + 1;
    String detail =
        f.message()
            + " in line "
            + line
            + " (byte "
            + at
            + " decompressed) of "
            + ctx.file.path()
            + "; "
            + records
            + " records before it kept";
    ready.add(
        ctx.reject(
            ctx.draft(ctx.recordId(line), null, at), f.reason(), detail, bytes + unattributed));
    finished = true;
  }

  private Outcome record(LineReader.Line l, long offset) {
    long n = l.number();
    Document draft = ctx.draft(ctx.recordId(n), null, offset);
    long max = ctx.in.maxRecordBytes();
    if (l.tooLong()) {
      return ctx.reject(
          draft,
          ReadReason.TOO_LARGE,
          "line " + n + " has " + l.length() + " bytes > max_record_bytes " + max,
          0);
    }
    String s = utf8.decode(l.bytes(), 0, l.bytes().length);
    if (s == null) {
      return ctx.reject(
          draft,
          ReadReason.INVALID_UTF8,
          "invalid UTF-8 at byte " + utf8.errorOffset() + " of line " + n,
          0);
    }
    if (!jsonl) return ctx.finish(draft.withMeta(MetaKeys.CONTENT_TYPE.name(), "text/plain"), s, null, 0);
    JsonNode node;
    try {
      node = JSON.readTree(s);
    } catch (JsonProcessingException e) {
      return ctx.reject(draft, ReadReason.BAD_JSON, "line " + n + ": " + e.getOriginalMessage(), 0);
    }
    if (node == null || !node.isObject()) {
      return ctx.reject(draft, ReadReason.BAD_JSON, "line " + n + " is not a JSON object", 0);
    }
    InputSpec spec = ctx.in.input();
    String id = scalar(node, spec.idField());
    Document doc =
        ctx.draft(id != null ? id : ctx.recordId(n), scalar(node, spec.urlField()), offset);
    JsonNode text = node.get(spec.textField());
    if (text == null || text.isNull()) {
      return ctx.reject(doc, ReadReason.MISSING_TEXT, "no field " + spec.textField(), 0);
    }
    if (!text.isTextual()) {
      return ctx.reject(
          doc,
          ReadReason.MISSING_TEXT,
          "field "
              + spec.textField()
              + " is "
              + text.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          0);
    }
    return ctx.finish(doc, text.textValue(), scalar(node, spec.langField()), 0);
  }

  /** A string or number field as text; null when unset, absent, null, or a container. */
  static String scalar(JsonNode node, String field) {
    if (field == null) return null;
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      InputStream i = in;
      in = null;
      i.close();
    }
  }
}
