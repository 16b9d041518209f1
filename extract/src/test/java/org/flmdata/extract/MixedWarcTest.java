package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.gzip;
import static org.flmdata.extract.Fixtures.http;
import static org.flmdata.extract.Fixtures.response;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl as it comes: an article page with its boilerplate, a PDF and a DOCX (parsed by Tika), a
 * broken PDF, a PDF served as octet-stream (found by its bytes), an RSS feed, robots.txt, an image
 * and a gzip bomb (a small Content-Encoding: gzip body that inflates past max_record_bytes) in one
 * WARC. Every record leaves once under its reason and the bytes reconcile.
 */
class MixedWarcTest {
  @TempDir Path dir;

  static final List<String> PDF_LINES =
      List.of(
          "Riverside Library opening hours from April",
          "Monday to Thursday 9:00 - 20:00",
          "Sunday closed");
  static final List<String> DOCX_PARAGRAPHS =
      List.of(
          "Minutes of the library board meeting.",
          "The board approved the new opening hours for the summer.");

  @Test
  void everyKindOfPayloadLeavesUnderItsReason() throws java.io.IOException {
    String article =
        "<html><head><title>Budget</title></head><body><ul class=\"main-menu\"><li><a href=/>"
            + "Home</a></li><li><a href=/w>World</a></li></ul><article><h1>Libraries get more"
            + "</h1><p>The city council voted on Tuesday to raise the budget of the public"
            + " libraries by twelve percent, the first increase in almost a decade.</p><p>"
            + "Librarians said the money would pay for longer opening hours and more staff.</p>"
            + "</article><div class=\"cookie-banner\">We use cookies.</div></body></html>";
    byte[] html =
        response(
            "urn:uuid:1",
            "http://e/a",
            http(200, utf8(article), "Content-Type: text/html; charset=utf-8"));
    byte[] pdfBody = Documents.pdf("Opening hours", PDF_LINES);
    byte[] pdf =
        response("urn:uuid:2", "http://e/b.pdf", http(200, pdfBody, "Content-Type: application/pdf"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] image =
        response("urn:uuid:3", "http://e/c.png", http(200, png, "Content-Type: image/png"));
    byte[] bombBody = gzip(new byte[4 << 20]); // 4 MiB of zeros, about 4 KB compressed
    byte[] bomb =
        response(
            "urn:uuid:4",
            "http://e/d",
            http(200, bombBody, "Content-Type: text/html", "Content-Encoding: gzip"));
    String docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    byte[] docx =
        response(
            "urn:uuid:5",
            "http://e/m.docx",
            http(200, Documents.docx(DOCX_PARAGRAPHS), "Content-Type: " + docxType));
    byte[] brokenBody = utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    byte[] broken =
        response(
            "urn:uuid:6", "http://e/x.pdf", http(200, brokenBody, "Content-Type: application/pdf"));
    byte[] untyped =
        response(
            "urn:uuid:7",
            "http://e/download?id=9",
            http(200, pdfBody, "Content-Type: application/octet-stream"));
    String feed =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>City news</title><item>"
            + "<title>Libraries get more</title><description>The council raised the library"
            + " budget by twelve percent.</description></item></channel></rss>";
    byte[] rss =
        response(
            "urn:uuid:8", "http://e/feed", http(200, utf8(feed), "Content-Type: application/rss+xml"));
    byte[] robots =
        response(
            "urn:uuid:9",
            "http://e/robots.txt",
            http(200, utf8("User-agent: *\nDisallow: /search\n"), "Content-Type: text/plain"));
    byte[] script =
        response(
            "urn:uuid:10",
            "http://e/app.js",
            http(200, utf8("var a = 1;"), "Content-Type: application/javascript"));
    Path p =
        write(
            dir.resolve("crawl.warc"),
            concat(html, pdf, image, bomb, docx, broken, untyped, rss, robots, script));
    InputContext in =
        Fixtures.input(Fixtures.spec(p, InputFormat.WARC), List.of("en"), 1L << 20, 1);

    List<Outcome> outs = Fixtures.read(in);

    assertEquals(
        Map.of(
            "kept", 6,
            "warc/binary-type", 1,
            "read/too-large", 1,
            "tika/parse-error", 1,
            "warc/not-html", 1),
        counts(outs),
        outs.toString());
    Outcome page = outs.get(0);
    // the headline is the title: in meta.title, not in the text (extract.include_title)
    assertTrue(page.getText().startsWith("The city council"), page.getText());
    assertFalse(page.getText().contains("World") || page.getText().contains("cookies"));
    Outcome pdfDoc = outs.get(1);
    assertEquals(String.join("\n\n", PDF_LINES), pdfDoc.getText());
    assertEquals("application/pdf", pdfDoc.getMeta().get(MetaKeys.CONTENT_TYPE.name()));
    assertEquals("Opening hours", pdfDoc.getMeta().get(MetaKeys.TITLE.name()));
    assertEquals("en", pdfDoc.getLang());
    assertEquals("image/png", outs.get(2).getDetail());
    assertTrue(outs.get(3).getDetail().contains("max_record_bytes"), outs.get(3).getDetail());
    assertEquals(String.join("\n", DOCX_PARAGRAPHS), outs.get(4).getText());
    assertEquals(docxType, outs.get(4).getMeta().get(MetaKeys.CONTENT_TYPE.name()));
    assertEquals("parse-error", outs.get(5).getReason());
    assertEquals(pdfDoc.getText(), outs.get(6).getText());
    assertEquals("application/pdf", outs.get(6).getMeta().get(MetaKeys.DETECTED_TYPE.name()));
    assertTrue(outs.get(7).getText().contains("The council raised the library budget"));
    assertEquals("User-agent: *\nDisallow: /search\n", outs.get(8).getText());
    assertEquals("application/javascript", outs.get(9).getDetail());
    assertTrue(bombBody.length < 64 << 10);
    assertEquals(Files.size(p), Fixtures.bytesIn(outs));
  }
}
