package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.flmdata.extract.Documents;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 acceptance: one WARC with an HTML article, a PDF and a DOCX (both parsed by Tika), a
 * broken PDF, an image and a gzip bomb (4 MiB of zeros in 4 KB of Content-Encoding: gzip, past
 * max_record_bytes) runs through the extract stage; stats.json shows each under its reason with
 * exact counts, and the PDF's and DOCX's text are in the kept documents. The PDF and DOCX are made
 * by PDFBox and POI, which the stage's Tika modules bring.
 */
class MixedWarcRunTest {
  static final List<String> PDF_LINES =
      List.of(
          "Riverside Library opening hours from April",
          "Monday to Thursday 9:00 - 20:00",
          "Sunday closed");
  static final List<String> DOCX_PARAGRAPHS =
      List.of(
          "Minutes of the library board meeting.",
          "The board approved the new opening hours for the summer.");
  static final String ARTICLE =
      "<html><head><title>Budget</title></head><body><nav><a href=/>Home</a></nav><article>"
          + "<h1>Libraries get more</h1><p>The city council voted on Tuesday to raise the budget"
          + " of the public libraries by twelve percent, the first increase in almost a decade."
          + "</p></article></body></html>";

  @TempDir static Path dir;
  static JsonNode extract;

  @BeforeAll
  static void runExtractOnAMixedCrawl() throws IOException {
    Path web = Files.createDirectories(dir.resolve("web"));
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.write(response(1, "http://e/a", "text/html; charset=utf-8", utf8(ARTICLE), null));
    warc.write(response(2, "http://e/b.pdf", "application/pdf", Documents.pdf(null, PDF_LINES), null));
    warc.write(
        response(
            3,
            "http://e/m.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Documents.docx(DOCX_PARAGRAPHS),
            null));
    warc.write(
        response(
            4,
            "http://e/x.pdf",
            "application/pdf",
            utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"),
            null));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    warc.write(response(5, "http://e/c.png", "image/png", png, null));
    warc.write(response(6, "http://e/d", "text/html", BadInputRunTest.gzipMember(new byte[4 << 20]), "gzip"));
    Files.write(web.resolve("crawl.warc"), warc.toByteArray());

    Files.createDirectories(dir.resolve("conf/domains"));
    Files.writeString(dir.resolve("conf/pipeline.yaml"), "output: ../out\n");
    Files.writeString(
        dir.resolve("conf/domains/webtext.yaml"),
        "name: WebText\nlanguages: [en]\nproportion: 100\ninputs:\n"
            + "  - {path: ../../web/*, format: warc, source: cc}\n"
            + "extract: {max_record_bytes: 1048576}\n");
    SparkTestSession.get();
    int code =
        Main.execute(
            "run", "-c", dir.resolve("conf/pipeline.yaml").toString(), "--stages", "extract");
    assertEquals(0, code);
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("out/report/stats.json").toFile());
    for (JsonNode st : stats.get("stages")) {
      if (st.get("name").asText().equals("extract")) extract = st;
    }
    StatsJson.assertEveryRowBalanced(stats);
  }

  @Test
  void statsJsonShowsEachRecordUnderItsReason() {
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode row : extract.get("rows")) {
      counts.merge("kept", row.get("docs_kept").asLong(), Long::sum);
      row.get("rejected")
          .properties()
          .forEach(e -> counts.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    assertEquals(
        Map.of(
            "kept", 3L,
            "tika/parse-error", 1L,
            "warc/binary-type", 1L,
            "read/too-large", 1L),
        counts);
  }

  @Test
  void pdfAndDocxTextIsInTheKeptDocuments() {
    Map<String, String> text = new TreeMap<>();
    for (Row r :
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("out/extract/status=kept").toString())
            .select("url", "text")
            .collectAsList()) {
      text.put(r.getString(0), r.getString(1));
    }
    assertEquals(String.join("\n\n", PDF_LINES), text.get("http://e/b.pdf"));
    assertEquals(String.join("\n", DOCX_PARAGRAPHS), text.get("http://e/m.docx"));
    assertEquals(List.of("http://e/a", "http://e/b.pdf", "http://e/m.docx"), List.copyOf(text.keySet()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] response(int i, String url, String type, byte[] body, String encoding)
      throws IOException {
    String httpHead =
        "HTTP/1.1 200 OK\r\nContent-Type: "
            + type
            + "\r\n"
            + (encoding == null ? "" : "Content-Encoding: " + encoding + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    block.write(httpHead.getBytes(StandardCharsets.ISO_8859_1));
    block.write(body);
    String head =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
            + String.format("%012d", i)
            + ">\r\nWARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Target-URI: "
            + url
            + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + block.size()
            + "\r\n\r\n";
    ByteArrayOutputStream rec = new ByteArrayOutputStream();
    rec.write(head.getBytes(StandardCharsets.ISO_8859_1));
    block.writeTo(rec);
    rec.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return rec.toByteArray();
  }
}
