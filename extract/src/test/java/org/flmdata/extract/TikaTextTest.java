package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TikaTextTest {
  static final List<String> LINES =
      List.of("Riverside Library opening hours", "Monday to Thursday 9:00 - 20:00", "Sunday closed");

  @Test
  void pdfTextAndTitleComeOutLineByLine() throws Exception {
    byte[] pdf = Documents.pdf("Opening hours", LINES);
    TikaText.Result r = TikaText.parse(pdf, pdf.length, "application/pdf", 1 << 20);
    // PDFBox makes each text line a paragraph
    assertEquals(String.join("\n\n", LINES), r.text());
    assertEquals("Opening hours", r.title());
    assertFalse(r.truncated());
  }

  @Test
  void docxParagraphsAreKept() throws Exception {
    byte[] docx = Documents.docx(LINES);
    String type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    TikaText.Result r = TikaText.parse(docx, docx.length, type, 1 << 20);
    assertEquals(String.join("\n", LINES), r.text());
  }

  @Test
  void rssItemsGiveTheirText() throws Exception {
    byte[] rss =
        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>City news</title>"
                + "<item><title>Libraries get more</title><description>The council raised the"
                + " budget.</description></item></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
    String text = TikaText.parse(rss, rss.length, "application/rss+xml", 1 << 20).text();
    assertTrue(text.contains("Libraries get more"), text);
    assertTrue(text.contains("The council raised the budget."), text);
  }

  @Test
  void textPastTheWriteLimitIsCutAndMarked() throws Exception {
    byte[] pdf = Documents.pdf("t", LINES);
    TikaText.Result r = TikaText.parse(pdf, pdf.length, "application/pdf", 10);
    assertTrue(r.truncated());
    assertEquals(LINES.get(0).substring(0, 10).strip(), r.text());
  }

  @Test
  void brokenAndTruncatedPdfsThrowNotHang() {
    byte[] pdf = Documents.pdf("t", LINES);
    byte[] junk = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    // "not hang": each parse ends (by throwing) well within the stage's tika_timeout_ms; a parse
    // that ran on would be stopped here and fail the test instead of hanging the build
    Duration cap = Duration.ofMillis(ExtractStage.TIKA_TIMEOUT_MS.defaultValue());
    assertThrows(Exception.class, () -> assertTimeoutPreemptively(cap,
        () -> TikaText.parse(junk, junk.length, "application/pdf", 1000)));
    assertThrows(Exception.class, () -> assertTimeoutPreemptively(cap,
        () -> TikaText.parse(pdf, pdf.length / 3, "application/pdf", 1000)));
  }

  @Test
  void parsingWritesNoTemporaryFile() throws Exception {
    byte[] pdf = Documents.pdf("t", LINES);
    byte[] docx = Documents.docx(LINES);
    assertEquals(Set.of(), tempFilesOf(() -> TikaText.parse(pdf, pdf.length, "application/pdf", 1000)), "pdf");
    assertEquals(
        Set.of(),
        tempFilesOf(() -> TikaText.parse(docx, docx.length, "application/x-tika-ooxml", 1000)),
        "docx");
  }

  /** Temporary files named like Tika's, PDFBox's or POI's that appear while {@code parse} runs. */
  private static Set<Path> tempFilesOf(java.util.concurrent.Callable<?> parse) throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Set<Path> before = list(tmp);
    parse.call();
    Set<Path> after = list(tmp);
    after.removeAll(before);
    return after.stream()
        .filter(p -> p.getFileName().toString().matches("(?i).*(tika|poi|pdfbox|ooxml).*"))
        .collect(Collectors.toSet());
  }

  @Test
  void tidyJoinsBlankRunsAndTrimsLines() {
    assertEquals(" a\n\nb\nc", TikaText.tidy("\n\n a  \n\n\n\fb\r\nc \n\n"));
    assertEquals("", TikaText.tidy(""));
  }

  private static Set<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.collect(Collectors.toSet());
    }
  }

}
