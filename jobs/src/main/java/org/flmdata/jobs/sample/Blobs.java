package org.flmdata.jobs.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small valid non-HTML payloads for the sample crawl, built byte by byte so they are the same on
 * every run: a PNG image and a one-page PDF with a line of text.
 */
final class Blobs {
  private Blobs() {}

  /** A {@code size} x {@code size} RGB PNG with a diagonal two-colour pattern. */
  static byte[] png(int size) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < size; y++) {
      raw.write(0);
      for (int x = 0; x < size; x++) {
        boolean leaf = (x + y) % 8 < 4;
        raw.write(leaf ? 0x3a : 0xf2);
        raw.write(leaf ? 0x8f : 0xe8);
        raw.write(leaf ? 0x3c : 0xd0);
      }
    }
    Deflater d = new Deflater(9);
    d.setInput(raw.toByteArray());
    d.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) z.write(buf, 0, d.deflate(buf));
    d.end();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, size);
    putInt(ihdr, 4, size);
    ihdr[8] = 8;
    ihdr[9] = 2;
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** A one-page PDF 1.4 showing {@code lines} of ASCII text, with a correct xref table. */
  static byte[] pdf(String... lines) {
    StringBuilder content = new StringBuilder("BT /F1 12 Tf 72 720 Td 16 TL\n");
    for (String line : lines) {
      content.append('(').append(line.replace("\\", "\\\\").replace("(", "\\(")
          .replace(")", "\\)")).append(") '\n");
    }
    content.append("ET");
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >>"
          + " >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int off : offsets) pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", off));
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\n")
        .append("startxref\n").append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
