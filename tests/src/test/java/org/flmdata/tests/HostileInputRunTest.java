package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.flmdata.extract.Documents;
import org.flmdata.extract.HostileFiles;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents inside a real run (issue 17): one WARC holds, between good pages, an RSS feed
 * with billion-laughs entities, a DOCX zip bomb and two PDFs whose content stream and object stream
 * inflate to 2 GiB each (a few megabytes on disk), a good PDF and a good DOCX; the HTML input holds
 * a page of 100,000 sibling list items. The extract stage finishes, counts each bomb under its
 * reason ({@code tika/entity-expansion}, {@code tika/decompression-bomb}), keeps every other
 * document (the list page whole), the ledger reconciles, and the log names the file.
 */
class HostileInputRunTest {
  @TempDir static Path dir;
  static JsonNode extract;
  static List<String> log;

  static final List<String> PARAGRAPHS = List.of("Minutes of the library board meeting.");
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** A WARC response record of {@code body} served as {@code type}. */
  static byte[] response(int i, String type, byte[] body) {
    byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] block = BadInputRunTest.concat(http, body);
    return BadInputRunTest.record(i, block, block.length);
  }

  static byte[] page(int i) {
    return BadInputRunTest.response(i);
  }

  @BeforeAll
  static void runExtractOnHostileInput() throws Exception {
    Path web = Files.createDirectories(dir.resolve("web"));
    Path html = Files.createDirectories(dir.resolve("html"));
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.write(page(1));
    warc.write(response(2, "application/rss+xml", HostileFiles.billionLaughs(9, 10)));
    warc.write(response(3, DOCX, HostileFiles.docxBomb(PARAGRAPHS, 2048)));
    warc.write(page(4));
    warc.write(response(5, "application/pdf", HostileFiles.pdfContentBomb(2048)));
    warc.write(response(6, "application/pdf", HostileFiles.pdfObjectStreamBomb(2048)));
    warc.write(response(7, "application/pdf",
        Documents.pdf("Hours", List.of("Riverside Library opening hours", "Sunday closed"))));
    warc.write(response(8, DOCX, Documents.docx(PARAGRAPHS)));
    warc.write(page(9));
    Files.write(web.resolve("hostile.warc"), warc.toByteArray());
    Files.writeString(html.resolve("list.html"), HostileFiles.htmlList(100_000, true));
    Files.writeString(html.resolve("good.html"), String.format(BadInputRunTest.PAGE, 21, 21));

    Files.createDirectories(dir.resolve("conf/domains"));
    Files.writeString(dir.resolve("conf/pipeline.yaml"), "output: ../out\n");
    Files.writeString(dir.resolve("conf/domains/webtext.yaml"),
        "name: WebText\nlanguages: [en]\nproportion: 100\ninputs:\n"
            + "  - {path: ../../web/*, format: warc, source: cc}\n"
            + "  - {path: ../../html, format: html, source: pages}\n");
    ExtractOnlyRun run = ExtractOnlyRun.of(dir);
    log = run.log();
    assertEquals(0, run.code(), "the run must finish on hostile input: " + run.err());
    extract = run.extract();
  }

  @Test
  void eachHostileDocumentIsCountedUnderItsReasonAndEveryOtherKept() {
    assertEquals(Map.of("tika/entity-expansion", 1L, "tika/decompression-bomb", 3L),
        StatsJson.rejected(extract, "WebText"));
    // pages 1, 4, 9, the good PDF and DOCX; list.html and good.html
    assertEquals(5 + 2, StatsJson.kept(extract, "WebText"));
  }

  @Test
  void theListPageIsKeptWhole() {
    List<Row> rows = SparkTestSession.get().read()
        .parquet(dir.resolve("out/extract/status=kept").toString())
        .where("meta['file'] like '%list.html'")
        .selectExpr("size(filter(split(text, '\\n'), l -> l rlike '^Item [0-9]+ of the long list$'))")
        .collectAsList();
    assertEquals(1, rows.size());
    assertEquals(100_000, rows.get(0).getInt(0));
  }

  @Test
  void everyLedgerRowReconciles() {
    StatsJson.assertStageRowsReconcile(extract);
  }

  @Test
  void theLogNamesTheFileForEachReason() {
    for (String reason : List.of("tika/entity-expansion", "tika/decompression-bomb")) {
      assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains("hostile.warc")
          && l.contains(reason)), "no WARN line names hostile.warc with " + reason);
    }
  }
}
