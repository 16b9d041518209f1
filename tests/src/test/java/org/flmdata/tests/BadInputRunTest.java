package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.LogCapture;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run over bad input (issue 2 acceptance): a truncated .warc.gz, a WARC record with a wrong
 * Content-Length, invalid UTF-8, an empty file and a binary file named .html. The run finishes,
 * each is counted under its own reason in stats.json, valid documents of the same files are kept,
 * the ledger reconciles, and the log names each bad file.
 */
class BadInputRunTest {
  static final String PAGE = "<html><head><title>T%d</title></head><body><nav>menu</nav>"
      + "<p>This is the article number %d, and it has enough words to be a paragraph of text."
      + "</p></body></html>";

  @TempDir static Path dir;
  static JsonNode extract;
  static List<String> log;

  static byte[] response(int i) {
    byte[] html = String.format(PAGE, i, i).getBytes(StandardCharsets.UTF_8);
    byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + html.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] block = concat(http, html);
    return record(i, block, block.length);
  }

  /** A WARC response record whose Content-Length header says {@code declared}. */
  static byte[] record(int i, byte[] block, int declared) {
    String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-"
        + "0000-" + String.format("%012d", i) + ">\r\nWARC-Date: 2024-03-01T00:00:00Z\r\n"
        + "WARC-Target-URI: http://example.com/" + i + "\r\nContent-Type: application/http;"
        + " msgtype=response\r\nContent-Length: " + declared + "\r\n\r\n";
    return concat(concat(head.getBytes(StandardCharsets.UTF_8), block),
        "\r\n\r\n".getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] gzipMember(byte[] data) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(data);
    }
    return buf.toByteArray();
  }

  @BeforeAll
  static void runPipelineOnBadInput() throws IOException {
    Path web = Files.createDirectories(dir.resolve("web"));
    Path html = Files.createDirectories(dir.resolve("html"));
    Path books = Files.createDirectories(dir.resolve("books"));
    // truncated .warc.gz: members for pages 1-3, the third cut in half
    byte[] m1 = gzipMember(response(1));
    byte[] m2 = gzipMember(response(2));
    byte[] m3 = gzipMember(response(3));
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    cut.write(m1);
    cut.write(m2);
    cut.write(m3, 0, m3.length / 2);
    Files.write(web.resolve("a-truncated.warc.gz"), cut.toByteArray());
    // wrong Content-Length: page 11 declares 40 bytes too many, then pages 12 and 13 are fine
    byte[] good = response(11);
    byte[] block = java.util.Arrays.copyOfRange(good, good.length - 4 - blockLength(11),
        good.length - 4);
    ByteArrayOutputStream wrong = new ByteArrayOutputStream();
    wrong.write(record(11, block, block.length + 40));
    wrong.write(response(12));
    wrong.write(response(13));
    Files.write(web.resolve("b-wrong-length.warc"), wrong.toByteArray());
    // a binary file named .html, and a good page
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Files.write(html.resolve("junk.html"), junk);
    Files.writeString(html.resolve("good.html"), String.format(PAGE, 21, 21));
    // JSONL: two good lines around one with invalid UTF-8; and an empty file
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    jsonl.write("{\"text\":\"The first chapter is long enough.\"}\n".getBytes(StandardCharsets.UTF_8));
    jsonl.write("{\"text\":\"broken \u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    jsonl.write("{\"text\":\"The third chapter is long enough.\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(books.resolve("books.jsonl"), jsonl.toByteArray());
    Files.write(books.resolve("empty.jsonl"), new byte[0]);

    writeWebTextConfig(dir);
    Files.writeString(dir.resolve("conf/domains/book.yaml"),
        "name: Book\nlanguages: [en]\nproportion: 10\ninputs:\n"
            + "  - {path: ../../books/*.jsonl, format: jsonl}\n");

    SparkTestSession.get();
    try (LogCapture capture = new LogCapture()) {
      int code = Main.execute("run", "-c", dir.resolve("conf/pipeline.yaml").toString());
      assertEquals(0, code, "the run must finish on bad input");
      log = capture.lines();
    }
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("out/report/stats.json").toFile());
    extract = StatsJson.stage(stats, "extract");
  }

  /**
   * {@code conf/pipeline.yaml} (output {@code out}, every rejected text kept) and a WebText domain
   * (90%) reading {@code web/*} as WARC and {@code html/} as HTML; the caller adds the other domains.
   */
  static void writeWebTextConfig(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("conf/domains"));
    Files.writeString(dir.resolve("conf/pipeline.yaml"),
        "output: ../out\nrejected_text_fraction: 1.0\n");
    Files.writeString(dir.resolve("conf/domains/webtext.yaml"),
        "name: WebText\nlanguages: [en]\nproportion: 90\ninputs:\n"
            + "  - {path: ../../web/*, format: warc, source: cc}\n"
            + "  - {path: ../../html, format: html, source: pages}\n");
  }

  static int blockLength(int i) {
    byte[] html = String.format(PAGE, i, i).getBytes(StandardCharsets.UTF_8);
    return ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + html.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8).length + html.length;
  }

  @Test
  void eachBadInputIsCountedUnderItsOwnReason() {
    Map<String, Long> web = StatsJson.rejected(extract, "WebText");
    assertEquals(1L, web.get("read/truncated-gzip"), web.toString());
    assertEquals(1L, web.get("warc/bad-record"), web.toString());
    assertEquals(1L, web.get("read/binary"), web.toString());
    Map<String, Long> book = StatsJson.rejected(extract, "Book");
    assertEquals(1L, book.get("read/invalid-utf8"), book.toString());
    assertEquals(1L, book.get("read/empty-file"), book.toString());
  }

  @Test
  void validDocumentsOfTheSameFilesAreKept() {
    // pages 1, 2 (before the cut), 12, 13 (after the bad record) and good.html; two book lines
    assertEquals(5, StatsJson.kept(extract, "WebText"));
    assertEquals(2, StatsJson.kept(extract, "Book"));
  }

  @Test
  void everyLedgerRowReconciles() {
    StatsJson.assertStageRowsReconcile(extract);
  }

  @Test
  void theLogNamesEachBadFile() {
    for (String file : new String[] {"a-truncated.warc.gz", "b-wrong-length.warc", "junk.html",
        "books.jsonl", "empty.jsonl"}) {
      assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains(file)),
          "no WARN line names " + file);
    }
  }
}
