package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.netpreserve.jwarc.DecodedBody;
import org.netpreserve.jwarc.HttpParser;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Turns one WARC record into one outcome (its {@code bytesIn} is set by the caller, who knows where
 * the next record starts). Pages are: {@code response} records with a 2xx HTTP status and an HTML
 * payload; {@code resource} records of HTML; and {@code conversion} records of plain text (Common
 * Crawl WET), whose text is kept as is. Payloads of other types: plain text is decoded, PDF, Word,
 * RTF and XML feeds are parsed by Tika ({@code tika/...} reasons), images, video, audio and archives
 * are {@code warc/binary-type}, the rest {@code warc/not-html}. Everything else is counted: {@code
 * warc/not-response} for warcinfo/request/metadata/revisit/..., {@code warc/http-status}, {@code
 * warc/bad-http}, {@code warc/bad-chunked}, {@code read/too-large} for blocks over {@code
 * max_record_bytes}. Chunked bodies are de-chunked by {@link Dechunker}: a cut one is kept with
 * meta {@code truncated=payload}, one whose framing breaks midway is {@code warc/bad-chunked} (see
 * {@link WarcReason#BAD_CHUNKED}).
 *
 * <p>The payload type is Common Crawl's WARC-Identified-Payload-Type when present (detected from
 * the bytes), else the HTTP Content-Type; when that is missing or {@code application/octet-stream},
 * the first bytes decide: an HTML start tag, else Tika's magic detection ({@link PayloadType}).
 *
 * <p>The record block is read whole into memory (at most {@code max_record_bytes}) before parsing,
 * so a failure of the stream ({@link StreamFailure}: the file's problem) is told apart from a
 * malformed HTTP message inside an intact record (the record's problem).
 */
final class WarcRecordExtractor {

  /** Reading the block failed in the file's stream; the reader decides what it costs. */
  static final class StreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamFailure(Throwable cause) {
      super(cause);
    }
  }

  private final FileContext ctx;
  private final StrictUtf8 utf8 = new StrictUtf8();

  WarcRecordExtractor(FileContext ctx) {
    this.ctx = ctx;
  }

  /** The draft document of a record: id, url and WARC facts in meta, no text. */
  Document draft(MessageHeaders h, long offset) {
    String id = unbracket(h.first("WARC-Record-ID").orElse(null));
    String url = unbracket(h.first("WARC-Target-URI").orElse(null));
    Document d = ctx.draft(id != null ? id : ctx.offsetId(offset), url, offset);
    String date = h.first("WARC-Date").orElse(null);
    if (date != null) d = d.withMeta(MetaKeys.FETCH_DATE.name(), date);
    String truncated = h.first("WARC-Truncated").orElse(null);
    if (truncated != null) d = d.withMeta(MetaKeys.TRUNCATED.name(), truncated);
    return d;
  }

  Outcome extract(WarcRecord rec, long offset) {
    MessageHeaders h = rec.headers();
    Document doc = draft(h, offset);
    String type = h.first("WARC-Type").orElse("").toLowerCase(Locale.ROOT);
    String blockType = h.first("Content-Type").orElse("");
    switch (type) {
      case "response" -> {
        // dns, gemini, ... responses are not HTTP; a block without a type is tried as HTTP
        String base = baseType(blockType);
        if (!base.isEmpty() && !base.startsWith("application/http")) {
          return notHtml(doc, blockType);
        }
        byte[] block = block(rec);
        return block == null ? tooLarge(doc, rec) : response(doc, block, h);
      }
      case "resource" -> {
        byte[] block = block(rec);
        if (block == null) return tooLarge(doc, rec);
        String t = h.first("WARC-Identified-Payload-Type").orElse(blockType);
        if (!blockType.isEmpty()) doc = doc.withMeta(MetaKeys.CONTENT_TYPE.name(), blockType);
        return payload(doc, block, block.length, t, blockType);
      }
      case "conversion" -> {
        if (!baseType(blockType).equals("text/plain")) return notHtml(doc, blockType);
        byte[] block = block(rec);
        if (block == null) return tooLarge(doc, rec);
        String text = utf8.decode(block, 0, block.length);
        if (text == null) {
          return ctx.reject(
              doc,
              ReadReason.INVALID_UTF8,
              "invalid UTF-8 at byte " + utf8.errorOffset() + " of the record block",
              0);
        }
        return ctx.finish(doc.withMeta(MetaKeys.CONTENT_TYPE.name(), blockType), text, null, 0);
      }
      default -> {
        return ctx.reject(doc, WarcReason.NOT_RESPONSE, type.isEmpty() ? "no WARC-Type" : type, 0);
      }
    }
  }

  private Outcome response(Document doc, byte[] block, MessageHeaders warc) {
    HttpResponse http;
    try {
      http = HttpResponse.parse(new ByteArrayChannel(block, block.length));
    } catch (IOException | RuntimeException e) {
      return ctx.reject(doc, WarcReason.BAD_HTTP, Failures.message(e), 0);
    }
    int status = http.status();
    if (status < 200 || status > 299) {
      return ctx.reject(doc, WarcReason.HTTP_STATUS, "status " + status, 0);
    }
    String served = http.headers().first("Content-Type").orElse(null);
    if (served != null) doc = doc.withMeta(MetaKeys.CONTENT_TYPE.name(), served);
    long max = ctx.in.maxRecordBytes();
    int start = bodyStart(block);
    byte[] transfer = block;
    int from = start;
    int to = block.length;
    boolean cut = false;
    if (chunked(http.headers())) {
      Dechunker.Result c = Dechunker.decode(block, start, block.length);
      if (c.ending() == Dechunker.Ending.BAD_FRAMING) {
        return ctx.reject(
            doc,
            WarcReason.BAD_CHUNKED,
            "chunked body framing breaks at body byte "
                + c.at()
                + " after "
                + c.chunks()
                + " chunk(s) of "
                + c.length()
                + " bytes",
            0);
      }
      cut = !c.complete();
      transfer = c.bytes();
      from = 0;
      to = c.length();
    }
    Body body;
    try {
      body = read(contentDecoded(http.headers(), new ByteArrayChannel(transfer, from, to)), max);
    } catch (IOException | RuntimeException e) {
      // Crawlers that stored the decoded body but kept its Content-Encoding header (ClueWeb09)
      // give a body that is not encoded at all: read it as it is.
      Body raw = rawBody(transfer, from, to, max);
      if (raw == null
          || !raw.complete()
          || BinarySniffer.sniff(raw.bytes(), raw.length()) != null) {
        return ctx.reject(doc, WarcReason.BAD_HTTP, "body: " + Failures.message(e), 0);
      }
      body = raw;
    }
    if (cut || !body.complete()) {
      doc = doc.withMeta(MetaKeys.TRUNCATED.name(), doc.getMeta().getOrDefault(MetaKeys.TRUNCATED.name(), "payload"));
    }
    byte[] bytes = body.bytes();
    int len = body.length();
    if (len > max) {
      return ctx.reject(
          doc,
          ReadReason.TOO_LARGE,
          "decoded body of more than max_record_bytes " + max + " bytes",
          0);
    }
    String type = warc.first("WARC-Identified-Payload-Type").orElse(served);
    return payload(doc, bytes, len, type, served);
  }

  /**
   * A payload by its kind ({@link PayloadType}): HTML pages through {@link HtmlExtractor}, plain
   * text decoded, PDF/Office/RTF/XML through Tika, binary types {@code warc/binary-type}, other
   * types {@code warc/not-html}.
   *
   * @param type the type that decides (WARC-Identified-Payload-Type, else the served one)
   * @param served the HTTP Content-Type (its charset parameter counts for decoding), or null
   */
  private Outcome payload(Document doc, byte[] bytes, int len, String type, String served) {
    PayloadType.Decision d = PayloadType.decide(type, bytes, len);
    if (d.detected() && !d.type().isEmpty()) {
      doc = doc.withMeta(MetaKeys.DETECTED_TYPE.name(), d.type());
      if (!doc.getMeta().containsKey(MetaKeys.CONTENT_TYPE.name())) {
        doc = doc.withMeta(MetaKeys.CONTENT_TYPE.name(), d.type());
      }
    }
    return switch (d.kind()) {
      case HTML -> page(doc, bytes, len, served);
      case TEXT -> ctx.finishText(doc, bytes, len, served, 0);
      case DOCUMENT -> ctx.finishDocument(doc, bytes, len, d.type(), 0);
      case BINARY -> {
        String t = d.type().isEmpty() ? "binary data" : d.type();
        if (!doc.getMeta().containsKey(MetaKeys.CONTENT_TYPE.name())) doc = doc.withMeta(MetaKeys.CONTENT_TYPE.name(), t);
        yield ctx.reject(doc, WarcReason.BINARY_TYPE, t, 0);
      }
      case UNSUPPORTED -> notHtml(doc, d.detected() ? d.type() : type);
    };
  }

  /** Bytes read from an HTTP body; not complete when it ended early (EOF in a gzip stream). */
  private record Body(byte[] bytes, int length, boolean complete) {}

  /**
   * Reads at most {@code max + 1} bytes (one more tells "too large"). An early end keeps what
   * arrived; other errors (corrupt encoding) are thrown.
   */
  private static Body read(InputStream in, long max) throws IOException {
    byte[] buf = new byte[8192];
    int len = 0;
    try (InputStream s = in) {
      while (len <= max) {
        if (len == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(max + 1, len * 2L));
        int n = s.read(buf, len, buf.length - len);
        if (n < 0) break;
        len += n;
      }
    } catch (EOFException e) {
      return new Body(buf, len, false);
    }
    return new Body(buf, len, true);
  }

  /** {@code b[from, to)} without Content-Encoding decoding, or null. */
  private static Body rawBody(byte[] b, int from, int to, long max) {
    try {
      return read(Channels.newInputStream(new ByteArrayChannel(b, from, to)), max);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Where the HTTP body of {@code block} starts: past the header's empty line, as jwarc's lenient
   * parser (which parsed this block already) finds it; the block's end when it never ends.
   */
  static int bodyStart(byte[] block) {
    HttpParser parser = new HttpParser();
    parser.lenientResponse();
    ByteBuffer buf = ByteBuffer.wrap(block);
    parser.parse(buf);
    return parser.isFinished() ? buf.position() : block.length;
  }

  /** True when the last transfer coding is chunked (RFC 9112 section 6.1). */
  static boolean chunked(MessageHeaders h) {
    List<String> all = h.all("Transfer-Encoding");
    if (all.isEmpty()) return false;
    String last = all.get(all.size() - 1);
    int comma = last.lastIndexOf(',');
    return last.substring(comma + 1).trim().equalsIgnoreCase("chunked");
  }

  /**
   * The body with its Content-Encoding removed, as jwarc's {@code bodyDecoded()} does (gzip by the
   * JDK, whose stream hands out what it inflated before a cut, where jwarc's loses its last read).
   */
  private static InputStream contentDecoded(MessageHeaders h, ReadableByteChannel body)
      throws IOException {
    List<String> codings = h.all("Content-Encoding");
    if (codings.isEmpty()) return Channels.newInputStream(body);
    if (codings.size() > 1) {
      throw new IOException("Multiple Content-Encodings not supported: " + codings);
    }
    String coding = codings.get(0).trim().toLowerCase(Locale.ROOT);
    if (coding.equals("gzip") || coding.equals("x-gzip")) {
      // the JDK's stream hands out what it inflated before a cut; jwarc's loses its last read
      return new GZIPInputStream(Channels.newInputStream(body), 8192);
    }
    DecodedBody.Encoding e =
        switch (coding) {
          case "identity", "none", "" -> null;
          case "br" -> DecodedBody.Encoding.BROTLI;
          case "deflate" -> DecodedBody.Encoding.DEFLATE;
          case "zstd" -> DecodedBody.Encoding.ZSTD;
          default -> throw new IOException("Content-Encoding not supported: " + codings.get(0));
        };
    if (e == null) return Channels.newInputStream(body);
    return DecodedBody.create(body, e).stream();
  }

  private Outcome page(Document doc, byte[] bytes, int len, String contentType) {
    HtmlExtractor.Page p = HtmlExtractor.extract(bytes, len, contentType, ctx.in.htmlMode(), ctx.in.includeTitle());
    Document d =
        doc.withMeta(MetaKeys.CHARSET.name(), p.charset())
            .withMeta(MetaKeys.CHARSET_SOURCE.name(), p.charsetSource().key());
    if (!p.title().isEmpty()) d = d.withMeta(MetaKeys.TITLE.name(), p.title());
    return ctx.finishPage(d, p, 0);
  }

  /** The whole block, or null when it is longer than max_record_bytes (it is then skipped). */
  private byte[] block(WarcRecord rec) {
    try {
      MessageBody body = rec.body();
      long size = body.size();
      if (size > ctx.in.maxRecordBytes()) return null;
      byte[] b = body.stream().readNBytes((int) size);
      if (b.length < size)
        throw new EOFException("record block ends after " + b.length + " of " + size + " bytes");
      return b;
    } catch (IOException e) {
      throw new StreamFailure(e);
    }
  }

  private Outcome tooLarge(Document doc, WarcRecord rec) {
    long size;
    try {
      size = rec.body().size();
    } catch (IOException e) {
      size = -1;
    }
    return ctx.reject(
        doc,
        ReadReason.TOO_LARGE,
        "record block of " + size + " bytes > max_record_bytes " + ctx.in.maxRecordBytes(),
        0);
  }

  private Outcome notHtml(Document doc, String type) {
    String t = type == null || type.isEmpty() ? "no content type" : type;
    return ctx.reject(doc.withMeta(MetaKeys.CONTENT_TYPE.name(), t), WarcReason.NOT_HTML, t, 0);
  }

  /** HTML by type; a missing or generic type is decided by sniffing the first bytes. */
  static boolean isHtml(String type, byte[] body, int len) {
    String base = baseType(type);
    if (base.equals("text/html") || base.equals("application/xhtml+xml")) return true;
    if (!base.isEmpty()
        && !base.equals("application/octet-stream")
        && !base.equals("unknown/unknown")
        && !base.equals("application/unknown")) {
      return false;
    }
    return sniffsHtml(body, len);
  }

  static boolean sniffsHtml(byte[] body, int len) {
    String head =
        new String(body, 0, Math.min(len, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < head.length()
        && (Character.isWhitespace(head.charAt(i))
            || head.charAt(i) == '\u00ef'
            || head.charAt(i) == '\u00bb'
            || head.charAt(i) == '\u00bf')) {
      i++;
    }
    String s = head.substring(i);
    return s.startsWith("<!doctype html")
        || s.startsWith("<html")
        || s.startsWith("<head")
        || s.startsWith("<body")
        || (s.startsWith("<!--") && s.contains("<html"));
  }

  static String baseType(String type) {
    if (type == null) return "";
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static String unbracket(String s) {
    if (s == null) return null;
    String t = s.trim();
    if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1).trim();
    return t.isEmpty() ? null : t;
  }
}
