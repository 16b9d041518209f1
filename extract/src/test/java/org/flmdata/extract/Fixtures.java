package org.flmdata.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.io.InputFiles.InputFile;
import org.flmdata.pipeline.io.InputFiles;

/** Builds inputs byte by byte and reads them through the stage's readers, without Spark. */
final class Fixtures {
  private Fixtures() {}

  static final Configuration CONF = new Configuration();

  static InputSpec spec(Path path, InputFormat format) {
    return new InputSpec(path.toString(), format, "src", "text", null, null, null, false);
  }

  static InputContext input(InputSpec spec, List<String> languages) {
    return input(spec, languages, 50L << 20, 1);
  }

  static InputContext input(
      InputSpec spec, List<String> languages, long maxRecordBytes, int minTextChars) {
    return input("Web", new DomainLanguages(languages), spec, maxRecordBytes, minTextChars);
  }

  /** An input with the stage's defaults for every other setting. */
  static InputContext input(String domain, DomainLanguages languages, InputSpec spec,
      long maxRecordBytes, int minTextChars) {
    return new InputContext(
        domain,
        languages,
        spec,
        maxRecordBytes,
        minTextChars,
        HtmlExtractor.DEFAULT_MODE,
        ExtractStage.MAX_UNDECODABLE_SHARE.defaultValue(),
        ExtractStage.MAX_TIKA_BYTES.defaultValue(),
        ExtractStage.TIKA_TIMEOUT_MS.defaultValue(),
        ExtractStage.INCLUDE_TITLE.defaultValue());
  }

  /** Every outcome of every file that {@code in}'s path matches, file by file. */
  static List<Outcome> read(InputContext in) {
    List<Outcome> out = new ArrayList<>();
    try {
      for (InputFile f : InputFiles.expand(in.input().path(), CONF)) {
        OutcomeReader r = BatchReader.open(in, f, CONF);
        r.forEachRemaining(out::add);
        r.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Outcome> read(Path file, InputFormat format, String... languages) {
    return read(input(spec(file, format), List.of(languages)));
  }

  /** Outcomes counted by {@code kept} or {@code rule/reason}. */
  static Map<String, Integer> counts(List<Outcome> outs) {
    Map<String, Integer> m = new TreeMap<>();
    for (Outcome o : outs)
      m.merge(o.isKept() ? "kept" : o.getRule() + "/" + o.getReason(), 1, Integer::sum);
    return m;
  }

  static long bytesIn(List<Outcome> outs) {
    return outs.stream().mapToLong(Outcome::getBytesIn).sum();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) b.writeBytes(p);
    return b.toByteArray();
  }

  /** One gzip member of {@code data}. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  /** One gzip member per part, concatenated, as WARC writers do per record. */
  static byte[] gzipMembers(List<byte[]> parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) b.writeBytes(gzip(p));
    return b.toByteArray();
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- WARC records written by hand, so every byte (and every wrong length) is ours ----

  /** A WARC/1.0 record whose Content-Length is the block's real length. */
  static byte[] warc(String type, String id, String uri, String contentType, byte[] block) {
    return warc(type, id, uri, contentType, block, block.length);
  }

  /** A WARC/1.0 record declaring {@code contentLength}, right or wrong. */
  static byte[] warc(
      String type, String id, String uri, String contentType, byte[] block, long contentLength) {
    StringBuilder h = new StringBuilder("WARC/1.0\r\n");
    h.append("WARC-Type: ").append(type).append("\r\n");
    h.append("WARC-Record-ID: <").append(id).append(">\r\n");
    h.append("WARC-Date: 2024-05-18T01:58:10Z\r\n");
    if (uri != null) h.append("WARC-Target-URI: ").append(uri).append("\r\n");
    h.append("Content-Type: ").append(contentType).append("\r\n");
    h.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
    return concat(h.toString().getBytes(StandardCharsets.ISO_8859_1), block, utf8("\r\n\r\n"));
  }

  /** An HTTP/1.1 response with {@code body} and the given header lines. */
  static byte[] http(int status, byte[] body, String... headers) {
    StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    for (String line : headers) h.append(line).append("\r\n");
    h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return concat(h.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  static byte[] response(String id, String uri, byte[] http) {
    return warc("response", id, uri, "application/http; msgtype=response", http);
  }

  static byte[] htmlResponse(String id, String uri, String html) {
    return response(id, uri, http(200, utf8(html), "Content-Type: text/html; charset=utf-8"));
  }

  static byte[] request(String id, String uri) {
    return warc(
        "request",
        id,
        uri,
        "application/http; msgtype=request",
        utf8("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"));
  }

  static byte[] warcinfo(String id) {
    return warc("warcinfo", id, null, "application/warc-fields", utf8("software: test\r\n"));
  }
}
