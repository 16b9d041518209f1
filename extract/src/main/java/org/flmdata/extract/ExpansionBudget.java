package org.flmdata.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * How far a document's compressed parts may expand before it is parsed: at most {@value
 * #MAX_RATIO} times the document's size (the ratio of Tika's {@code SecureContentHandler} and of
 * POI's {@code ZipSecureFile}, whose minimum inflate ratio is 0.01), at least {@value #GRACE_BYTES}
 * bytes so small documents are never refused, and never more than {@code max_record_bytes}, the
 * stage's cap on any decoded record. {@link #checkZip} measures an Office (OOXML) package and
 * {@link PdfStreams#check} a PDF's streams by decoding them into a {@link Meter} that keeps nothing;
 * past the budget they throw {@link Exceeded}, counted as {@code tika/decompression-bomb}.
 *
 * <p>Why a check of its own: Tika guards against bombs in {@code AutoDetectParser}'s {@code
 * SecureContentHandler}, which {@link TikaText} does not use (it picks parsers by type), and
 * measures the text written, which comes only after POI has inflated every entry of a package into
 * memory and PDFBox a whole stream; and loading Tika's {@code OOXMLParser} turns POI's own ratio
 * check off for the whole JVM. The check costs one more decoding of the compressed parts.
 */
final class ExpansionBudget {
  private ExpansionBudget() {}

  /** Largest expansion of a document's size (Tika's and POI's bomb ratio, 100:1). */
  static final long MAX_RATIO = 100;

  /** Expansion allowed to any document however small: 1 MiB. */
  static final long GRACE_BYTES = 1 << 20;

  /** Bytes the parts of a document of {@code len} bytes may expand to. */
  static long of(long len, long maxExpandedBytes) {
    return Math.min(maxExpandedBytes, Math.max(GRACE_BYTES, MAX_RATIO * len));
  }

  /** The document's parts expand past its budget; the message says where and how far. */
  static final class Exceeded extends IOException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }

  /** Counts decoded bytes of one document against its budget. */
  static final class Meter {
    private final long len;
    private final long budget;
    private final String rule;
    private long used;

    /** The budget {@link ExpansionBudget#of}{@code (len, maxExpandedBytes)}. */
    Meter(long len, long maxExpandedBytes) {
      this(len, of(len, maxExpandedBytes),
          MAX_RATIO + " x its size, at least " + GRACE_BYTES + ", at most max_record_bytes");
    }

    /** A fixed {@code budget}, explained by {@code rule} in the message. */
    Meter(long len, long budget, String rule) {
      this.len = len;
      this.budget = budget;
      this.rule = rule;
    }

    /** Adds {@code n} decoded bytes of {@code part}; throws past the budget. */
    void add(long n, String part) throws Exceeded {
      used += n;
      if (used > budget) {
        throw new Exceeded(
            part + " expands the document of " + len + " bytes past " + budget + " bytes ("
                + rule + ")");
      }
    }

    /** Bytes still allowed. */
    long left() {
      return budget - used;
    }

    /** A stream that counts what is written to it as {@code part} and keeps nothing. */
    OutputStream sink(String part) {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          add(1, part);
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
          add(n, part);
        }
      };
    }
  }

  /**
   * Inflates every entry of the zip package {@code bytes[0, len)} as POI's streaming reader sees
   * them (commons-compress, local headers in order, sizes not trusted) and throws {@link Exceeded}
   * when they add up past the budget. A package that cannot be read is left to POI to refuse.
   */
  static void checkZip(byte[] bytes, int len, long maxExpandedBytes) throws Exceeded {
    Meter meter = new Meter(len, maxExpandedBytes);
    byte[] buf = new byte[64 << 10];
    try (ZipArchiveInputStream zip =
        new ZipArchiveInputStream(
            new ByteArrayInputStream(bytes, 0, len), StandardCharsets.UTF_8.name(), false, true)) {
      for (ZipArchiveEntry e; (e = zip.getNextEntry()) != null; ) {
        String part = "zip entry " + e.getName();
        for (int n; (n = zip.read(buf)) > 0; ) meter.add(n, part);
      }
    } catch (Exceeded e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // not a readable package: POI says why
    }
  }
}
