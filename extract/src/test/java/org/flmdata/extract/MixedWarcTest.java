package org.flmdata.extract;

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
 * A crawl as it comes: an article page with its boilerplate, a PDF, an image and a gzip bomb (a
 * small Content-Encoding: gzip body that inflates past max_record_bytes) in one WARC. Every record
 * leaves once under its reason and the bytes reconcile.
 */
class MixedWarcTest {
  @TempDir Path dir;

  @Test
  void htmlPdfImageAndGzipBombEachLeaveUnderTheirReason() throws java.io.IOException {
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
    byte[] pdfBody = utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    byte[] pdf = response("urn:uuid:2", "http://e/b.pdf", http(200, pdfBody, "Content-Type: application/pdf"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] image = response("urn:uuid:3", "http://e/c.png", http(200, png, "Content-Type: image/png"));
    byte[] bombBody = gzip(new byte[4 << 20]); // 4 MiB of zeros, about 4 KB compressed
    byte[] bomb =
        response(
            "urn:uuid:4",
            "http://e/d",
            http(200, bombBody, "Content-Type: text/html", "Content-Encoding: gzip"));
    Path p = write(dir.resolve("crawl.warc"), concat(html, pdf, image, bomb));
    InputContext in =
        Fixtures.input(Fixtures.spec(p, InputFormat.WARC), List.of("en"), 1L << 20, 1);

    List<Outcome> outs = Fixtures.read(in);

    assertEquals(
        Map.of("kept", 1, "warc/not-html", 2, "read/too-large", 1), counts(outs), outs.toString());
    Outcome page = outs.get(0);
    assertTrue(page.getText().startsWith("Libraries get more\n\nThe city council"), page.getText());
    assertFalse(page.getText().contains("World") || page.getText().contains("cookies"));
    assertEquals("application/pdf", outs.get(1).getDetail());
    assertEquals("image/png", outs.get(2).getDetail());
    assertTrue(outs.get(3).getDetail().contains("max_record_bytes"), outs.get(3).getDetail());
    assertTrue(bombBody.length < 64 << 10);
    assertEquals(Files.size(p), Fixtures.bytesIn(outs));
  }
}
