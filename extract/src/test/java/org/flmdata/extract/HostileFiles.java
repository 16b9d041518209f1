package org.flmdata.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Hostile documents made in the test, small and deterministic: XML with nested entities (billion
 * laughs), a DOCX whose document part inflates to gigabytes, PDFs whose content stream or object
 * stream does, and HTML with a flat list of many items. The bombs are built without compressing
 * gigabytes: one compressed piece (a megabyte of the repeated text, ended by a full flush so it
 * starts no back-reference outside itself) is written many times over. Shared with the end-to-end
 * tests through this module's test-jar.
 */
public final class HostileFiles {
  private HostileFiles() {}

  /** One mebibyte: the uncompressed size of each repeated piece of a bomb. */
  public static final int MIB = 1 << 20;

  /**
   * An RSS feed whose one item refers to entity {@code l<levels>}, each level {@code fan} copies
   * of the one below: {@code fan^levels} times "ha" when expanded (10^9 for 9 levels of 10).
   */
  public static byte[] billionLaughs(int levels, int fan) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n");
    b.append("<!ENTITY l0 \"ha\">\n");
    for (int i = 1; i <= levels; i++) {
      b.append("<!ENTITY l").append(i).append(" \"");
      b.append(("&l" + (i - 1) + ";").repeat(fan)).append("\">\n");
    }
    b.append("]>\n<rss version=\"2.0\"><channel><title>Feed</title><item><title>Laughs</title>");
    b.append("<description>&l").append(levels).append(";</description></item></channel></rss>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A DOCX made by POI whose {@code word/document.xml} holds {@code mib} mebibytes of one short
   * paragraph repeated (valid WordprocessingML), deflated at about 340:1. Every entry keeps its
   * sizes and CRC in a data descriptor after its data, as streaming zip writers do, so a reader
   * learns the inflated size only by inflating.
   */
  public static byte[] docxBomb(List<String> paragraphs, int mib) {
    byte[] docx = Documents.docx(paragraphs);
    ZipWriter zip = new ZipWriter();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int body = xml.indexOf("<w:sectPr");
          if (body < 0) body = xml.indexOf("</w:body>");
          zip.add(e.getName(), repeated(utf8(xml.substring(0, body)),
              piece("<w:p><w:r><w:t>ha</w:t></w:r></w:p>"), mib, utf8(xml.substring(body)), false));
        } else {
          zip.add(e.getName(), repeated(data, new byte[0], 0, new byte[0], false));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip.finish();
  }

  /** Writes deflated zip entries with data descriptors, then the central directory. */
  static final class ZipWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int entries;

    void add(String name, Deflated d) {
      byte[] n = utf8(name);
      int offset = out.size();
      // local header: version 2.0, flag 3 (sizes and CRC follow the data), deflate, 1980-01-01
      int32(out, 0x04034b50);
      int16(out, 20);
      int16(out, 0x0808);
      int16(out, 8);
      int16(out, 0);
      int16(out, 0x21);
      int32(out, 0);
      int32(out, 0);
      int32(out, 0);
      int16(out, n.length);
      int16(out, 0);
      out.writeBytes(n);
      out.writeBytes(d.bytes());
      int32(out, 0x08074b50);
      int32(out, (int) d.crc());
      int32(out, d.bytes().length);
      int32(out, (int) d.inflated());
      int32(central, 0x02014b50);
      int16(central, 20);
      int16(central, 20);
      int16(central, 0x0808);
      int16(central, 8);
      int16(central, 0);
      int16(central, 0x21);
      int32(central, (int) d.crc());
      int32(central, d.bytes().length);
      int32(central, (int) d.inflated());
      int16(central, n.length);
      for (int i = 0; i < 4; i++) int16(central, 0);
      int32(central, 0);
      int32(central, offset);
      central.writeBytes(n);
      entries++;
    }

    byte[] finish() {
      int at = out.size();
      out.writeBytes(central.toByteArray());
      int32(out, 0x06054b50);
      int16(out, 0);
      int16(out, 0);
      int16(out, entries);
      int16(out, entries);
      int32(out, central.size());
      int32(out, at);
      int16(out, 0);
      return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream o, int v) {
      o.write(v & 0xFF);
      o.write((v >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream o, int v) {
      int16(o, v & 0xFFFF);
      int16(o, v >>> 16);
    }
  }

  /**
   * A one-page PDF (classic cross-reference table) whose page has a short text stream ("Hello
   * from a small page") and a second content stream of {@code mib} mebibytes of "q Q" operators,
   * FlateDecode.
   */
  public static byte[] pdfContentBomb(int mib) {
    return pdfPage("/Filter /FlateDecode", flateOperators(mib));
  }

  /**
   * A one-page PDF whose page has the short text stream and a second content stream of {@code
   * data} under the dictionary entries {@code filterEntries} (e.g. {@code /Filter /FlateDecode});
   * {@code extraObjects} are added as objects 7, 8, ...
   */
  public static byte[] pdfPage(String filterEntries, byte[] data, String... extraObjects) {
    PdfWriter w = new PdfWriter();
    w.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    w.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    w.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4"
        + " 0 R >> >> /Contents [5 0 R 6 0 R] >>");
    w.object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    w.stream(5, "", utf8(HELLO_PAGE));
    w.stream(6, filterEntries, data);
    for (int i = 0; i < extraObjects.length; i++) w.object(7 + i, extraObjects[i]);
    return w.withXrefTable(1);
  }

  /**
   * Flate data that inflates to {@code mib} mebibytes of run-length code (PDF's RunLengthDecode),
   * each two bytes of it 128 spaces: 64 times more again, for a stream filtered {@code
   * [/FlateDecode /RunLengthDecode]}.
   */
  public static byte[] flateOfRunLength(int mib) {
    byte[] runs = new byte[MIB];
    for (int i = 0; i < runs.length; i += 2) {
      runs[i] = (byte) 129; // 257 - 129 = 128 copies of the next byte
      runs[i + 1] = ' ';
    }
    return repeated(new byte[0], runs, mib, new byte[] {(byte) 128}, true).bytes();
  }

  /** Flate data (zlib) of {@code mib} mebibytes of "q Q" operators. */
  public static byte[] flateOperators(int mib) {
    return repeated(new byte[0], piece("q Q\n"), mib, new byte[0], true).bytes();
  }

  /** The text operators of the small page the PDF bombs carry. */
  static final String HELLO_PAGE = "BT /F1 12 Tf 72 720 Td (Hello from a small page) Tj ET\n";

  /**
   * A PDF 1.5 whose catalog, page tree, page and font are in one object stream (FlateDecode)
   * followed by {@code mib} mebibytes of spaces inside the same stream, with a cross-reference
   * stream pointing into it: a reader decodes the whole object stream to find the catalog.
   */
  public static byte[] pdfObjectStreamBomb(int mib) {
    String[] objs = {
      "<< /Type /Catalog /Pages 3 0 R >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >>"
          + " >> /Contents 6 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder header = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < objs.length; i++) {
      header.append(2 + i).append(' ').append(body.length()).append(' ');
      body.append(objs[i]).append('\n');
    }
    int first = header.length();
    Deflated objStm = repeated(utf8(header + body.toString()), piece(" "), mib, new byte[0], true);
    PdfWriter w = new PdfWriter();
    w.stream(1, "/Type /ObjStm /N " + objs.length + " /First " + first + " /Filter /FlateDecode",
        objStm.bytes());
    w.stream(6, "", utf8(HELLO_PAGE));
    return w.withXrefStream(2, 1, objs.length);
  }

  /** An HTML page whose body is one list of {@code n} items, closed or not ({@code </li>}). */
  public static String htmlList(int n, boolean closeItems) {
    StringBuilder b = new StringBuilder(n * 40 + 200);
    b.append("<!doctype html><html><head><title>A long list</title></head><body>");
    b.append("<nav><a href=\"/\">Home</a></nav><ul>");
    for (int i = 0; i < n; i++) {
      b.append("<li>Item ").append(i).append(" of the long list");
      if (closeItems) b.append("</li>");
    }
    return b.append("</ul></body></html>").toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code unit} repeated to one mebibyte (whole units, so pieces join into whole units). */
  static byte[] piece(String unit) {
    byte[] u = utf8(unit);
    byte[] p = new byte[MIB / u.length * u.length];
    for (int i = 0; i < p.length; i += u.length) System.arraycopy(u, 0, p, i, u.length);
    return p;
  }

  /** Compressed bytes, and the size and CRC-32 of what they inflate to. */
  record Deflated(byte[] bytes, long inflated, long crc) {}

  /**
   * Deflate data of {@code head}, {@code times} copies of {@code piece}, then {@code tail};
   * {@code zlib}: with the zlib header and Adler-32 trailer (PDF's FlateDecode), else raw (zip).
   */
  static Deflated repeated(byte[] head, byte[] piece, int times, byte[] tail, boolean zlib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (zlib) {
      out.write(0x78);
      out.write(0xDA);
    }
    byte[] p = flushed(piece, false);
    out.writeBytes(flushed(head, false));
    CRC32 crc = new CRC32();
    crc.update(head);
    long adler = adler(head);
    long adlerPiece = adler(piece);
    for (int i = 0; i < times; i++) {
      out.writeBytes(p);
      crc.update(piece);
      adler = adlerCombine(adler, adlerPiece, piece.length);
    }
    out.writeBytes(flushed(tail, true));
    crc.update(tail);
    adler = adlerCombine(adler, adler(tail), tail.length);
    if (zlib) {
      for (int s = 24; s >= 0; s -= 8) out.write((int) (adler >>> s) & 0xFF);
    }
    long size = head.length + (long) times * piece.length + tail.length;
    return new Deflated(out.toByteArray(), size, crc.getValue());
  }

  /** Raw deflate blocks of {@code data}: the last block when {@code last}, else a full flush. */
  private static byte[] flushed(byte[] data, boolean last) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 << 10];
    d.setInput(data);
    if (last) {
      d.finish();
      while (!d.finished()) out.write(buf, 0, d.deflate(buf));
    } else {
      int n;
      do {
        n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
    }
    d.end();
    return out.toByteArray();
  }

  private static long adler(byte[] b) {
    java.util.zip.Adler32 a = new java.util.zip.Adler32();
    a.update(b);
    return a.getValue();
  }

  /** The Adler-32 of A then B from theirs (RFC 1950's sums, moved by B's length). */
  static long adlerCombine(long a1, long a2, long len2) {
    final long base = 65521;
    long rem = len2 % base;
    long s1 = ((a1 & 0xFFFF) + (a2 & 0xFFFF) + base - 1) % base;
    long s2 = (((a1 >>> 16) & 0xFFFF) + ((a2 >>> 16) & 0xFFFF) + rem * (a1 & 0xFFFF) + 2 * base - rem)
        % base;
    return (s2 << 16) | s1;
  }

  /** Writes PDF objects and remembers their offsets for the cross-reference section. */
  static final class PdfWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final java.util.TreeMap<Integer, Integer> offsets = new java.util.TreeMap<>();

    PdfWriter() {
      out.writeBytes(utf8("%PDF-1.7\n%\u00e2\u00e3\n"));
    }

    void object(int n, String dict) {
      offsets.put(n, out.size());
      out.writeBytes(utf8(n + " 0 obj\n" + dict + "\nendobj\n"));
    }

    void stream(int n, String dictEntries, byte[] data) {
      offsets.put(n, out.size());
      out.writeBytes(utf8(n + " 0 obj\n<< " + dictEntries + " /Length " + data.length
          + " >>\nstream\n"));
      out.writeBytes(data);
      out.writeBytes(utf8("\nendstream\nendobj\n"));
    }

    /** Ends the file with a classic table; {@code root} is the catalog's number. */
    byte[] withXrefTable(int root) {
      int size = offsets.lastKey() + 1;
      int xref = out.size();
      StringBuilder t = new StringBuilder("xref\n0 " + size + "\n0000000000 65535 f \n");
      for (int i = 1; i < size; i++) {
        Integer off = offsets.get(i);
        t.append(off == null ? "0000000000 65535 f \n" : String.format("%010d 00000 n \n", off));
      }
      t.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root).append(" 0 R >>\n");
      t.append("startxref\n").append(xref).append("\n%%EOF\n");
      out.writeBytes(utf8(t.toString()));
      return out.toByteArray();
    }

    /**
     * Ends the file with a cross-reference stream: the written objects by offset, objects 2 to
     * {@code 1 + inStream} in object stream {@code objStm}, catalog = object 2.
     */
    byte[] withXrefStream(int catalog, int objStm, int inStream) {
      int xrefNumber = Math.max(offsets.lastKey(), 1 + inStream) + 1;
      int size = xrefNumber + 1;
      int xref = out.size();
      offsets.put(xrefNumber, xref);
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      for (int i = 0; i < size; i++) {
        Integer off = offsets.get(i);
        if (off != null) {
          row(rows, 1, off, 0);
        } else if (i >= 2 && i < 2 + inStream) {
          row(rows, 2, objStm, i - 2);
        } else {
          row(rows, 0, 0, 0xFFFF);
        }
      }
      byte[] data = rows.toByteArray();
      out.writeBytes(utf8(xrefNumber + " 0 obj\n<< /Type /XRef /Size " + size + " /W [1 4 2] /Root "
          + catalog + " 0 R /Length " + data.length + " >>\nstream\n"));
      out.writeBytes(data);
      out.writeBytes(utf8("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
      return out.toByteArray();
    }

    private static void row(ByteArrayOutputStream rows, int type, long f2, int f3) {
      rows.write(type);
      for (int s = 24; s >= 0; s -= 8) rows.write((int) (f2 >>> s) & 0xFF);
      rows.write((f3 >>> 8) & 0xFF);
      rows.write(f3 & 0xFF);
    }
  }
}
