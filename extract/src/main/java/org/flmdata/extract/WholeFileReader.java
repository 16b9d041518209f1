package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.io.InputFiles;

/**
 * Reads a file that is one document: an HTML page ({@code .html}, {@code .htm}, {@code .xhtml}, any
 * of them {@code .gz}) through {@link HtmlExtractor}, or a text file as strict UTF-8. The outcome's
 * {@code bytesIn} is the file's stored size. Checked in order: {@code read/empty-file}, {@code
 * read/too-large} (more than {@code max_record_bytes} after decompression; reading stops there),
 * gzip failures, {@code read/binary} (except, in {@code html} inputs, a PDF/Office file, which Tika
 * parses: {@link FileContext#finishDocument}), then {@code read/invalid-utf8} for text.
 */
final class WholeFileReader extends OutcomeReader {
  private final boolean html;

  WholeFileReader(FileContext ctx, Configuration conf) {
    super(ctx, conf);
    this.html = ctx.in.input().format() == InputFormat.HTML;
  }

  @Override
  protected void step() throws IOException {
    finished = true;
    ready.add(read());
  }

  private Outcome read() throws IOException {
    long stored = ctx.file.length();
    Document doc = ctx.draft(ctx.recordId(1), null, -1);
    if (stored == 0) return ctx.reject(doc, ReadReason.EMPTY_FILE, "0 bytes", 0);
    long max = ctx.in.maxRecordBytes();
    byte[] bytes;
    int len;
    try (InputStream in = open(ctx.file.path(), conf)) {
      bytes = new byte[(int) Math.min(max + 1, Math.max(stored + 1, 8192))];
      len = 0;
      while (len <= max) {
        if (len == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(max + 1, bytes.length * 2L));
        }
        int n = in.read(bytes, len, bytes.length - len);
        if (n < 0) break;
        len += n;
      }
    } catch (IOException e) {
      Failures.Failure f = Failures.classify(e);
      if (f == null) throw Failures.rethrow(e);
      return ctx.reject(doc, f.reason(), f.message() + " in " + ctx.file.path(), stored);
    }
    if (len > max) {
      return ctx.reject(
          doc, ReadReason.TOO_LARGE, "more than max_record_bytes " + max + " bytes", stored);
    }
    if (len == 0) {
      return ctx.reject(doc, ReadReason.EMPTY_FILE, "0 bytes after decompression", stored);
    }
    String binary = BinarySniffer.sniff(bytes, len);
    if (binary != null) {
      // a PDF or Word file saved among the pages (named .html) is parsed as what it is
      PayloadType.Decision d = html ? PayloadType.decide(null, bytes, len) : null;
      if (d != null && d.kind() == PayloadType.Kind.DOCUMENT) {
        Document t =
            doc.withMeta(MetaKeys.CONTENT_TYPE.name(), d.type()).withMeta(MetaKeys.DETECTED_TYPE.name(), d.type());
        return ctx.finishDocument(t, bytes, len, d.type(), stored);
      }
      return ctx.reject(doc, ReadReason.BINARY, binary, stored);
    }
    if (html) {
      HtmlExtractor.Page page = HtmlExtractor.extract(bytes, len, null, ctx.in.htmlMode(), ctx.in.includeTitle());
      Document d =
          doc.withMeta(MetaKeys.CONTENT_TYPE.name(), "text/html")
              .withMeta(MetaKeys.CHARSET.name(), page.charset())
              .withMeta(MetaKeys.CHARSET_SOURCE.name(), page.charsetSource().key());
      if (!page.title().isEmpty()) d = d.withMeta(MetaKeys.TITLE.name(), page.title());
      return ctx.finishPage(d, page, stored);
    }
    StrictUtf8 utf8 = new StrictUtf8();
    String text = utf8.decode(bytes, 0, len);
    if (text == null) {
      return ctx.reject(
          doc, ReadReason.INVALID_UTF8, "invalid UTF-8 at byte " + utf8.errorOffset(), stored);
    }
    return ctx.finish(doc.withMeta(MetaKeys.CONTENT_TYPE.name(), "text/plain"), text, null, stored);
  }

  /** The file's bytes, gunzipped when its name ends in {@code .gz}. */
  static InputStream open(String path, Configuration conf) throws IOException {
    InputStream raw = HadoopChannel.openStream(path, conf);
    return InputFiles.lowerName(path).endsWith(".gz") ? new GzipStream(raw) : raw;
  }

  @Override
  public void close() {}
}
