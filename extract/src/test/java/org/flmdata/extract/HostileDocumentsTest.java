package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.http;
import static org.flmdata.extract.Fixtures.response;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents (issue 17): XML with billion-laughs entities, a DOCX zip bomb, PDFs whose
 * content stream or object stream inflates to gigabytes, and HTML with 100,000 sibling list items.
 * Each bomb is refused quickly under its own reason before a parser holds it in memory; the list
 * page comes out whole, in time and allocation linear in its size; and in one WARC with good
 * records around them, every other record is kept and the bytes reconcile.
 */
class HostileDocumentsTest {
  @TempDir Path dir;

  static final List<String> PARAGRAPHS = List.of("Minutes of the library board meeting.");
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** Every bomb here inflates to 2 GiB. */
  static final int GIB2 = 2048;
  static final Duration QUICKLY = Duration.ofSeconds(60);

  @Test
  void theBombsAreValidFilesThatReallyInflateThatFar() throws IOException {
    // small copies of the same builders, inflated in full by the JDK (which checks CRC/Adler-32)
    long xml = 0;
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(
        HostileFiles.docxBomb(PARAGRAPHS, 3)))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        long n = z.transferTo(java.io.OutputStream.nullOutputStream());
        if (e.getName().equals("word/document.xml")) xml = n;
      }
    }
    assertTrue(xml > 3L * HostileFiles.MIB && xml < 3L * HostileFiles.MIB + 4096, "" + xml);
    byte[] flate = HostileFiles.flateOperators(3);
    try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(flate))) {
      long unit = "q Q\n".length();
      assertEquals(3 * (HostileFiles.MIB / unit * unit), in.transferTo(java.io.OutputStream.nullOutputStream()));
    }
    // without the bomb, the same PDF builders make PDFs PDFBox reads
    for (byte[] pdf : List.of(HostileFiles.pdfContentBomb(0), HostileFiles.pdfObjectStreamBomb(0))) {
      try {
        assertEquals("Hello from a small page",
            TikaText.parse(pdf, pdf.length, "application/pdf", 1 << 20).text());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void theExpansionBudgetIsAHundredTimesTheSizeBetweenOneMebibyteAndMaxRecordBytes() {
    long max = 50L << 20;
    assertEquals(ExpansionBudget.GRACE_BYTES, ExpansionBudget.of(5_000, max));
    assertEquals(100L * 200_000, ExpansionBudget.of(200_000, max));
    assertEquals(max, ExpansionBudget.of(2_000_000, max));
    assertEquals(1000, ExpansionBudget.of(2_000_000, 1000));
  }

  @Test
  void billionLaughsStopsAtTwentyExpansionsAsEntityExpansion() {
    byte[] rss = HostileFiles.billionLaughs(9, 10);
    assertTrue(rss.length < 2048);
    Exception e = assertThrows(Exception.class, () -> assertTimeoutPreemptively(QUICKLY,
        () -> TikaText.parse(rss, rss.length, "application/rss+xml", 50 << 20)));
    assertEquals(TikaReason.ENTITY_EXPANSION, TikaReason.of(e), e.toString());
  }

  @Test
  void aFeedWithAFewEntitiesIsStillParsedAndExternalEntitiesAreNotRead() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-CONTENT");
    String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY city \"Riverside\">"
        + "<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><rss version=\"2.0\"><channel><item>"
        + "<description>&city; library, &city; council, &city; budget. &x;</description>"
        + "</item></channel></rss>";
    byte[] b = utf8(feed);
    String text = TikaText.parse(b, b.length, "application/rss+xml", 1 << 20).text();
    assertTrue(text.contains("Riverside library, Riverside council, Riverside budget."), text);
    assertFalse(text.contains("SECRET"), text);
    // the same entity referenced more often than the parser's limit is refused
    b = utf8(feed.replace("&x;", "&city; ".repeat(30)));
    byte[] many = b;
    Exception e = assertThrows(Exception.class,
        () -> TikaText.parse(many, many.length, "application/rss+xml", 1 << 20));
    assertEquals(TikaReason.ENTITY_EXPANSION, TikaReason.of(e));
  }

  @Test
  void aDocxZipBombIsRefusedBeforePoiInflatesIt() {
    byte[] docx = HostileFiles.docxBomb(PARAGRAPHS, GIB2);
    assertTrue(docx.length < 8 << 20, docx.length + " bytes");
    ExpansionBudget.Exceeded e = assertThrows(ExpansionBudget.Exceeded.class,
        () -> assertTimeoutPreemptively(QUICKLY, () -> TikaText.parse(docx, docx.length, DOCX, 50 << 20)));
    assertTrue(e.getMessage().startsWith("zip entry word/document.xml"), e.getMessage());
    assertEquals(TikaReason.DECOMPRESSION_BOMB, TikaReason.of(e));
    // the same package with a normal body: parsed
    byte[] small = HostileFiles.docxBomb(PARAGRAPHS, 0);
    assertDoesNotThrow(() -> assertEquals(PARAGRAPHS.get(0),
        TikaText.parse(small, small.length, DOCX, 1 << 20).text()));
  }

  @Test
  void pdfsWhoseContentOrObjectStreamInflatesToGigabytesAreRefused() {
    byte[] content = HostileFiles.pdfContentBomb(GIB2);
    byte[] objects = HostileFiles.pdfObjectStreamBomb(GIB2);
    for (byte[] pdf : List.of(content, objects)) {
      assertTrue(pdf.length < 4 << 20, pdf.length + " bytes");
      ExpansionBudget.Exceeded e = assertThrows(ExpansionBudget.Exceeded.class,
          () -> assertTimeoutPreemptively(QUICKLY,
              () -> TikaText.parse(pdf, pdf.length, "application/pdf", 50 << 20)));
      assertEquals(TikaReason.DECOMPRESSION_BOMB, TikaReason.of(e));
    }
  }

  @Test
  void filterChainsAndReferencedFiltersAreDecodedToTheEnd() {
    // Flate inflates to 1 MiB, within the budget of a small file; run-length makes it 64 MiB
    byte[] chain = HostileFiles.pdfPage("/Filter [/FlateDecode /RunLengthDecode]",
        HostileFiles.flateOfRunLength(1));
    assertThrows(ExpansionBudget.Exceeded.class,
        () -> PdfStreams.check(chain, chain.length, 50L << 20));
    // the filter named in another object
    byte[] referenced = HostileFiles.pdfPage("/Filter 7 0 R", HostileFiles.flateOperators(64),
        "[/FlateDecode]");
    assertThrows(ExpansionBudget.Exceeded.class,
        () -> PdfStreams.check(referenced, referenced.length, 50L << 20));
    // an escaped filter name
    byte[] escaped = HostileFiles.pdfPage("/Filter /Fl#61teDecode", HostileFiles.flateOperators(64));
    assertThrows(ExpansionBudget.Exceeded.class,
        () -> PdfStreams.check(escaped, escaped.length, 50L << 20));
    // the same streams at a size the budget allows
    byte[] fine = HostileFiles.pdfPage("/Filter 7 0 R", HostileFiles.flateOperators(1), "/FlateDecode");
    assertDoesNotThrow(() -> PdfStreams.check(fine, fine.length, 50L << 20));
  }

  @Test
  void imageStreamsHaveTheirOwnAllowanceSoBlankScansPassButDisguisedBombsDoNot() {
    String image = "/Subtype /Image /Width 8192 /Height 8192 /BitsPerComponent 8"
        + " /ColorSpace /DeviceGray /Filter /FlateDecode";
    long max = 50L << 20;
    // 64 MiB inflated from about 64 KB, as a blank scan inflates: past the
    // ratio budget of a text stream, within images' 4 x max_record_bytes
    byte[] scan = HostileFiles.pdfPage(image, HostileFiles.flateOperators(64));
    assertDoesNotThrow(() -> PdfStreams.check(scan, scan.length, max));
    byte[] text = HostileFiles.pdfPage("/Filter /FlateDecode", HostileFiles.flateOperators(64));
    assertThrows(ExpansionBudget.Exceeded.class, () -> PdfStreams.check(text, text.length, max));
    // a content stream that calls itself an image is still decoded by PDFBox: bounded too
    byte[] disguised = HostileFiles.pdfPage(image, HostileFiles.flateOperators(GIB2));
    ExpansionBudget.Exceeded e = assertThrows(ExpansionBudget.Exceeded.class,
        () -> PdfStreams.check(disguised, disguised.length, max));
    assertTrue(e.getMessage().contains("images: 4 x max_record_bytes"), e.getMessage());
  }

  @Test
  void aHundredThousandSiblingListItemsComeOutWholeInLinearTimeAndMemory() throws Exception {
    int n = 100_000;
    byte[] big = utf8(HostileFiles.htmlList(n, true));
    byte[] tenth = utf8(HostileFiles.htmlList(n / 10, true));
    extractOnSmallStack(tenth); // warm up
    long[] small = extractOnSmallStack(tenth);
    AtomicReference<String> text = new AtomicReference<>();
    long[] large = assertTimeoutPreemptively(QUICKLY, () -> extractOnSmallStack(big, text));
    long items = text.get().lines().filter(l -> l.matches("Item \\d+ of the long list")).count();
    assertEquals(n, items);
    assertTrue(text.get().contains("Item 99999 of the long list"));
    // ten times the items: about ten times the bytes allocated (quadratic would be a hundred)
    double ratio = (double) large[1] / small[1];
    assertTrue(ratio < 20, "allocated " + large[1] + " vs " + small[1] + " bytes: x" + ratio);
    // items without </li> (the parser closes each at the next): the same text
    byte[] open = utf8(HostileFiles.htmlList(n, false));
    AtomicReference<String> openText = new AtomicReference<>();
    assertTimeoutPreemptively(QUICKLY, () -> extractOnSmallStack(open, openText));
    assertEquals(text.get(), openText.get());
  }

  /** Extracts on a thread with a 512 KiB stack; {time ns, bytes allocated}. */
  private static long[] extractOnSmallStack(byte[] html) throws Exception {
    return extractOnSmallStack(html, new AtomicReference<>());
  }

  private static long[] extractOnSmallStack(byte[] html, AtomicReference<String> text)
      throws Exception {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] out = new long[2];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        long id = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(id);
        long t0 = System.nanoTime();
        text.set(HtmlExtractor.extract(html, html.length, "text/html; charset=utf-8").text());
        out[0] = System.nanoTime() - t0;
        out[1] = mx.getThreadAllocatedBytes(id) - a0;
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 512 << 10);
    t.start();
    t.join();
    if (failure.get() != null) throw new AssertionError(failure.get());
    return out;
  }

  @Test
  void inOneCrawlEachHostileRecordIsCountedAndEveryOtherRecordKept() throws IOException {
    String page = "<html><body><p>This is article %d, and it has enough words to be a page of"
        + " text.</p></body></html>";
    byte[] warc = concat(
        response("urn:uuid:1", "http://e/1", http(200, utf8(String.format(page, 1)),
            "Content-Type: text/html; charset=utf-8")),
        response("urn:uuid:2", "http://e/feed", http(200, HostileFiles.billionLaughs(9, 10),
            "Content-Type: application/rss+xml")),
        response("urn:uuid:3", "http://e/m.docx", http(200,
            HostileFiles.docxBomb(PARAGRAPHS, GIB2), "Content-Type: " + DOCX)),
        response("urn:uuid:4", "http://e/c.pdf", http(200, HostileFiles.pdfContentBomb(GIB2),
            "Content-Type: application/pdf")),
        response("urn:uuid:5", "http://e/o.pdf", http(200, HostileFiles.pdfObjectStreamBomb(GIB2),
            "Content-Type: application/octet-stream")),
        response("urn:uuid:6", "http://e/list", http(200, utf8(HostileFiles.htmlList(100_000, true)),
            "Content-Type: text/html; charset=utf-8")),
        response("urn:uuid:7", "http://e/ok.pdf", http(200,
            Documents.pdf("Hours", TikaTextTest.LINES), "Content-Type: application/pdf")),
        response("urn:uuid:8", "http://e/ok.docx", http(200, Documents.docx(PARAGRAPHS),
            "Content-Type: " + DOCX)),
        response("urn:uuid:9", "http://e/9", http(200, utf8(String.format(page, 9)),
            "Content-Type: text/html; charset=utf-8")));
    Path p = write(dir.resolve("hostile.warc"), warc);
    List<Outcome> outs;
    List<String> log;
    try (LogCapture capture = new LogCapture()) {
      outs = Fixtures.read(p, InputFormat.WARC, "en");
      log = capture.lines();
    }
    assertEquals(Map.of("kept", 5, "tika/entity-expansion", 1, "tika/decompression-bomb", 3),
        counts(outs), outs.toString());
    assertEquals(List.of("urn:uuid:1", "urn:uuid:6", "urn:uuid:7", "urn:uuid:8", "urn:uuid:9"),
        outs.stream().filter(Outcome::isKept).map(o -> o.getId()).toList());
    assertEquals(Files.size(p), Fixtures.bytesIn(outs));
    for (String reason : List.of("tika/entity-expansion", "tika/decompression-bomb")) {
      assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains(p.toString())
          && l.contains(reason)), "no WARN line names the file with " + reason + ": " + log);
    }
  }
}
