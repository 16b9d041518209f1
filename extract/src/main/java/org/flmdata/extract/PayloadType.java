package org.flmdata.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what a payload is and so which extractor gets it: by its declared type (HTTP
 * Content-Type, or the record's), and when that is missing or generic ({@code
 * application/octet-stream}, {@code unknown/unknown}), by the bytes: an HTML start tag, else Tika's
 * magic-byte detection on the first {@value #DETECT_BYTES} bytes (tika-core's MIME registry only:
 * no container detector reads the whole record). Pure; never throws.
 */
final class PayloadType {
  private PayloadType() {}

  /** Bytes given to magic detection; Tika's longest magic offsets stay below it. */
  static final int DETECT_BYTES = 64 * 1024;

  /** What a payload becomes. */
  enum Kind {
    /** jsoup main-content extraction. */
    HTML,
    /** Plain text, decoded by {@link PageDecoder} (declared charset, strict UTF-8, detection). */
    TEXT,
    /** A document format parsed by Tika ({@link TikaText}): PDF, Word, RTF, XML feeds. */
    DOCUMENT,
    /** Images, video, audio, fonts, archives, executables: {@code warc/binary-type}. */
    BINARY,
    /** Any other type (scripts, stylesheets, JSON, formats without a parser here): not-html. */
    UNSUPPORTED
  }

  /**
   * A decision.
   *
   * @param kind what to do with the payload
   * @param type the media type it was decided by, base type only, lower case ("" when none)
   * @param detected whether {@code type} comes from the bytes rather than a declaration
   */
  record Decision(Kind kind, String type, boolean detected) {}

  private static final Set<String> GENERIC =
      Set.of(
          "",
          "application/octet-stream",
          "binary/octet-stream",
          "unknown/unknown",
          "application/unknown",
          "application/x-unknown",
          "application/x-download",
          "application/force-download");

  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  private static final Set<String> BINARY_TYPES =
      Set.of(
          "application/zip",
          "application/gzip",
          "application/x-gzip",
          "application/x-tar",
          "application/x-gtar",
          "application/x-7z-compressed",
          "application/x-rar-compressed",
          "application/vnd.rar",
          "application/x-bzip2",
          "application/x-xz",
          "application/zstd",
          "application/x-compress",
          "application/java-archive",
          "application/x-msdownload",
          "application/x-executable",
          "application/x-sharedlib",
          "application/x-elf",
          "application/x-dosexec",
          "application/vnd.microsoft.portable-executable",
          "application/x-shockwave-flash",
          "application/vnd.android.package-archive",
          "application/x-iso9660-image",
          "application/x-apple-diskimage",
          "application/wasm",
          "application/ogg",
          "application/vnd.ms-fontobject",
          "application/x-font-ttf",
          "application/font-woff",
          "application/x-matroska");

  private static final MimeTypes MIME = MimeTypes.getDefaultMimeTypes();

  /** The decision for a payload declared as {@code declared} (may be null) with these bytes. */
  static Decision decide(String declared, byte[] bytes, int len) {
    String base = WarcRecordExtractor.baseType(declared);
    if (!GENERIC.contains(base)) return new Decision(byType(base), base, false);
    if (WarcRecordExtractor.sniffsHtml(bytes, len)) return new Decision(Kind.HTML, "text/html", true);
    String found = detect(bytes, len);
    Kind k = byType(found);
    if (GENERIC.contains(found)) k = Kind.BINARY;
    return new Decision(k, found, true);
  }

  /** The kind of a declared, non-generic base type. */
  static Kind byType(String base) {
    if (HTML.contains(base)) return Kind.HTML;
    if (base.equals("text/plain")) return Kind.TEXT;
    if (TikaText.supports(base)) return Kind.DOCUMENT;
    if (base.startsWith("image/")
        || base.startsWith("video/")
        || base.startsWith("audio/")
        || base.startsWith("font/")
        || BINARY_TYPES.contains(base)) {
      return Kind.BINARY;
    }
    return Kind.UNSUPPORTED;
  }

  /** Tika's magic-byte type of the first bytes, base type, lower case; never throws. */
  static String detect(byte[] bytes, int len) {
    try {
      MediaType t =
          MIME.detect(new ByteArrayInputStream(bytes, 0, Math.min(len, DETECT_BYTES)), new Metadata());
      return t == null ? "" : t.getBaseType().toString().toLowerCase(Locale.ROOT);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
