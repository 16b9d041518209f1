package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.flmdata.extract.TikaText;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of the extract stage's Tika path on one thread: PDFs and DOCX files made from the text of
 * a Gutenberg book (Pride and Prejudice), 10 pages each and one of about 1 MiB (Common Crawl's
 * payload cut), parsed by {@link TikaText} as the stage does. Prints MB/s of document bytes,
 * documents/s and the time of the largest PDF, the basis of {@code tika_timeout_ms}.
 *
 * <p>mvn -B verify -Pbench -pl tests -am -Dtest=TikaBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("benchmark")
class TikaBenchmark {
  static final int LINES_PER_PAGE = 45;
  static final int CHARS_PER_LINE = 90;

  @Test
  void tikaThroughputOnPdfAndDocx() throws Exception {
    String book =
        Files.readString(
            SharedData.require("data/text/gutenberg/pg1342-pride-and-prejudice.txt"),
            StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String l : book.replaceAll("\\s+", " ").split("(?<=\\G.{" + CHARS_PER_LINE + "})")) {
      // Standard-14 Helvetica encodes WinAnsi only
      lines.add(l.replaceAll("[^\\x20-\\x7e]", " "));
    }
    List<byte[]> pdfs = new ArrayList<>();
    List<byte[]> docxs = new ArrayList<>();
    int perDoc = 10 * LINES_PER_PAGE;
    for (int i = 0; i + perDoc <= lines.size() && pdfs.size() < 40; i += perDoc) {
      pdfs.add(pdf(lines.subList(i, i + perDoc)));
      docxs.add(docx(lines.subList(i, i + perDoc)));
    }
    byte[] big = pdf(lines.subList(0, Math.min(lines.size(), 260 * LINES_PER_PAGE)));
    for (int warm = 0; warm < 2; warm++) {
      run("pdf", pdfs, "application/pdf", warm == 1);
      run("docx", docxs, "application/x-tika-ooxml", warm == 1);
    }
    long t0 = System.nanoTime();
    TikaText.Result r = TikaText.parse(big, big.length, "application/pdf", Integer.MAX_VALUE - 8);
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "largest pdf: %.2f MiB, %d pages, %d chars of text, parsed in %.0f ms%n",
        big.length / 1048576.0,
        260,
        r.text().length(),
        ms);
    assertTrue(r.text().length() > 100_000);
  }

  private static void run(String name, List<byte[]> docs, String type, boolean print)
      throws Exception {
    long bytes = 0;
    long chars = 0;
    long t0 = System.nanoTime();
    for (byte[] d : docs) {
      TikaText.Result r = TikaText.parse(d, d.length, type, Integer.MAX_VALUE - 8);
      bytes += d.length;
      chars += r.text().length();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "%-5s %3d docs of 10 pages, %.1f MB: %.1f MB/s, %.1f docs/s, %.1f M chars of text/s (1"
              + " thread)%n",
          name,
          docs.size(),
          bytes / 1e6,
          bytes / 1e6 / s,
          docs.size() / s,
          chars / 1e6 / s);
    }
    assertTrue(chars > 0);
  }

  static byte[] pdf(List<String> lines) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < lines.size(); i += LINES_PER_PAGE) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(font, 9);
          s.setLeading(14);
          s.newLineAtOffset(40, 750);
          for (String line : lines.subList(i, Math.min(lines.size(), i + LINES_PER_PAGE))) {
            s.showText(line);
            s.newLine();
          }
          s.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(List<String> lines) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String l : lines) doc.createParagraph().createRun().setText(l);
      doc.write(out);
      return out.toByteArray();
    }
  }
}
