package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.flmdata.extract.ParquetFiles;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More of the bad input a crawl holds, through a whole {@code run} (issue 11): a .warc.gz of
 * concatenated members with a corrupt one in the middle, HTML nested a million tags deep, an HTML
 * page in UTF-16 without a BOM, text with NUL bytes, JSONL with lines that are not JSON, HTTP
 * responses with broken chunked encoding, a 200 MB line (in JSONL, as an HTML file, as a WARC
 * record), Parquet files with a wrong schema, not Parquet at all, cut, or empty. The run finishes,
 * each case is counted, and every valid document of the same files is kept (exact counts); an
 * input pattern that matches no file fails before any Spark work, naming it.
 */
class BadInputCorpusTest {
  @TempDir static Path dir;
  static JsonNode extract;
  static List<String> log;

  @BeforeAll
  static void run() throws Exception {
    Path web = Files.createDirectories(dir.resolve("web"));
    Path html = Files.createDirectories(dir.resolve("html"));
    Path lines = Files.createDirectories(dir.resolve("lines"));
    // members for pages 1..4, the third with its deflate data overwritten by junk
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    for (int i = 1; i <= 4; i++) {
      byte[] m = BadInputRunTest.gzipMember(BadInputRunTest.response(i));
      if (i == 3) {
        for (int k = 12; k < m.length - 8; k++) m[k] = (byte) (k * 31);
      }
      warc.write(m);
    }
    Files.write(web.resolve("members.warc.gz"), warc.toByteArray());
    // a million nested tags around one paragraph
    StringBuilder deep = new StringBuilder("<html><body>");
    deep.append("<div>".repeat(1_000_000));
    deep.append("<p>A paragraph at the bottom of a very deep page, long enough to keep.</p>");
    deep.append("</div>".repeat(1_000_000)).append("</body></html>");
    Files.writeString(html.resolve("deep.html"), deep);
    // UTF-16LE without a BOM, and a normal page
    Files.write(html.resolve("utf16.html"), String.format(BadInputRunTest.PAGE, 31, 31)
        .getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(html.resolve("good.html"), String.format(BadInputRunTest.PAGE, 32, 32));
    // JSONL: good, not JSON, good with NUL bytes in the text, a JSON array, good
    String jsonl = "{\"text\":\"First line of a book that is long enough to keep.\"}\n"
        + "this is not json at all\n"
        + "{\"text\":\"Second line with \\u0000 NUL \\u0000 bytes inside, long enough.\"}\n"
        + "[1, 2, 3]\n"
        + "{\"text\":\"Third line of a book that is long enough to keep too.\"}\n";
    Files.writeString(lines.resolve("book.jsonl"), jsonl);
    chunkedWarc(web.resolve("chunked.warc"));
    // 200 MB without a newline: a JSONL line between two good ones, an HTML file, a WARC record
    // between two pages; written streaming, counted read/too-large (max_record_bytes 50 MiB)
    List<Path> huge = new ArrayList<>();
    huge.add(hugeJsonl(lines.resolve("huge.jsonl")));
    huge.add(hugeHtml(html.resolve("huge.html")));
    huge.add(hugeWarc(web.resolve("huge.warc.gz")));
    parquetFiles(Files.createDirectories(dir.resolve("pq")));

    BadInputRunTest.writeWebTextConfig(dir);
    Files.writeString(dir.resolve("conf/domains/book.yaml"),
        "name: Book\nlanguages: [en]\nproportion: 5\ninputs:\n"
            + "  - {path: ../../lines/*.jsonl, format: jsonl}\n");
    Files.writeString(dir.resolve("conf/domains/academic.yaml"),
        "name: Academic\nlanguages: [en]\nproportion: 5\ninputs:\n"
            + "  - {path: ../../pq, format: parquet, id_field: id}\n");
    ExtractOnlyRun run = ExtractOnlyRun.of(dir);
    log = run.log();
    for (Path p : huge) Files.delete(p);
    assertEquals(0, run.code(), "the run must finish on bad input: " + run.err());
    extract = run.extract();
  }

  static final long HUGE = 200_000_000L;
  static final String EN = "This is row %d of a paper, and it has enough words to be kept.";

  /** A WARC response record of page {@code i} with a chunked body made of {@code chunks}. */
  static byte[] chunked(int i, String chunks) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] block = BadInputRunTest.concat(head, chunks.getBytes(StandardCharsets.UTF_8));
    return BadInputRunTest.record(i, block, block.length);
  }

  /** {@code s} as chunks of 16 bytes, without the last (0) chunk. */
  static String chunks(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i += 16) {
      String c = s.substring(i, Math.min(s.length(), i + 16));
      b.append(Integer.toHexString(c.length())).append("\r\n").append(c).append("\r\n");
    }
    return b.toString();
  }

  /**
   * Pages 41 and 46 around four broken chunked bodies: a size line that is not hex after two
   * chunks (warc/bad-chunked), a chunk of 0x4000 bytes of which 90 arrived, every chunk but no
   * last chunk (both kept, truncated=payload), and a body stored de-chunked under the header
   * (kept).
   */
  static void chunkedWarc(Path file) throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    w.write(BadInputRunTest.response(41));
    String page = String.format(BadInputRunTest.PAGE, 42, 42);
    int third = chunks(page.substring(0, 32)).length();
    String good = chunks(page) + "0\r\n\r\n";
    w.write(chunked(42, good.substring(0, third) + "zz" + good.substring(third + 2)));
    page = String.format(BadInputRunTest.PAGE, 43, 43);
    w.write(chunked(43, chunks(page.substring(0, 32)) + "4000\r\n" + page.substring(32, 122)));
    w.write(chunked(44, chunks(String.format(BadInputRunTest.PAGE, 44, 44))));
    w.write(chunked(45, String.format(BadInputRunTest.PAGE, 45, 45)));
    w.write(BadInputRunTest.response(46));
    Files.write(file, w.toByteArray());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code n} bytes of 'x' to {@code out}, a megabyte at a time. */
  static void xs(OutputStream out, long n) throws IOException {
    byte[] mb = new byte[1 << 20];
    Arrays.fill(mb, (byte) 'x');
    for (long left = n; left > 0; left -= mb.length) {
      out.write(mb, 0, (int) Math.min(mb.length, left));
    }
  }

  static Path hugeJsonl(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(utf8("{\"text\":\"A first line of a book, long enough to keep.\"}\n"));
      out.write("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
      xs(out, HUGE);
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(utf8("{\"text\":\"A third line of a book, long enough to keep.\"}\n"));
    }
    return file;
  }

  static Path hugeHtml(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
      xs(out, HUGE);
      out.write("</p></body></html>".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** Pages 51 and 52 around a text/plain resource record of 200 MB, one gzip member each. */
  static Path hugeWarc(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(BadInputRunTest.gzipMember(BadInputRunTest.response(51)));
      GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
      gz.write(("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:huge>\r\n"
          + "WARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Target-URI: file:///huge.txt\r\n"
          + "Content-Type: text/plain\r\nContent-Length: " + HUGE + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      xs(gz, HUGE);
      gz.write("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      gz.finish();
      out.write(BadInputRunTest.gzipMember(BadInputRunTest.response(52)));
    }
    return file;
  }

  /**
   * Two good files (three rows with a string id, two with an int id), then a file whose text
   * column is an int and one without it (read/bad-schema), random bytes and a file cut before its
   * footer's end (read/corrupt-parquet), and a 0-byte file (read/empty-file).
   */
  static void parquetFiles(Path pq) {
    String stringId = "message m { optional binary text (STRING); optional binary id (STRING); }";
    Path a = ParquetFiles.write(pq.resolve("a.parquet"), stringId,
        new Object[] {"text", String.format(EN, 1), "id", "a1"},
        new Object[] {"text", String.format(EN, 2), "id", "a2"},
        new Object[] {"text", String.format(EN, 3)});
    ParquetFiles.write(pq.resolve("b.parquet"),
        "message m { optional binary text (STRING); optional int32 id; }",
        new Object[] {"text", String.format(EN, 4), "id", 4},
        new Object[] {"text", String.format(EN, 5), "id", 5});
    ParquetFiles.write(pq.resolve("c.parquet"), "message m { required int32 text; }",
        new Object[] {"text", 6});
    ParquetFiles.write(pq.resolve("d.parquet"), "message m { optional binary body (STRING); }",
        new Object[] {"body", String.format(EN, 7)});
    ParquetFiles.junk(pq.resolve("e.parquet"), 5000, 5);
    ParquetFiles.truncated(a, pq.resolve("f.parquet"), 12);
    try {
      Files.write(pq.resolve("g.parquet"), new byte[0]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyCaseIsCountedAndTheValidDocumentsAreKept() {
    Map<String, Long> web = StatsJson.rejected(extract, "WebText");
    Map<String, Long> book = StatsJson.rejected(extract, "Book");
    // pages 1, 2 and 4 (the reader finds the member after the corrupt one), deep.html, good.html;
    // page 3's member is read/corrupt-gzip; UTF-16 without a BOM (NUL in every other byte) is
    // read/binary: counted, not guessed
    // chunked.warc: pages 41 and 46, the cut page 43, page 44 without its last chunk, page 45
    // stored de-chunked are kept; page 42's framing breaks after two chunks: warc/bad-chunked.
    // huge.warc.gz: pages 51 and 52 around the 200 MB record; huge.html: read/too-large
    assertEquals(Map.of("read/corrupt-gzip", 1L, "read/binary", 1L, "warc/bad-chunked", 1L,
        "read/too-large", 2L), web);
    assertEquals(5 + 5 + 2, StatsJson.kept(extract, "WebText"));
    // three JSON objects (the NUL bytes do not stop one); the two lines that are not objects;
    // huge.jsonl: the 200 MB line between two kept lines
    assertEquals(Map.of("read/bad-json", 2L, "read/too-large", 1L), book);
    assertEquals(3 + 2, StatsJson.kept(extract, "Book"));
  }

  @Test
  void brokenChunkedPagesThatAreKeptAreMarkedTruncated() {
    Map<String, String> truncated = new TreeMap<>();
    for (Row r : SparkTestSession.get().read()
        .parquet(dir.resolve("out/extract/status=kept").toString())
        .selectExpr("url", "coalesce(meta['truncated'], '-')")
        .where("url rlike '^http://example.com/4[1-6]$'")
        .collectAsList()) {
      truncated.put(r.getString(0).substring("http://example.com/".length()), r.getString(1));
    }
    assertEquals(Map.of("41", "-", "43", "payload", "44", "payload", "45", "-", "46", "-"),
        truncated);
  }

  @Test
  void theLogNamesEachNewBadFile() {
    for (String file : new String[] {"chunked.warc", "huge.jsonl", "huge.html", "huge.warc.gz",
        "c.parquet", "d.parquet", "e.parquet", "f.parquet", "g.parquet"}) {
      assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN") && l.contains(file)),
          "no WARN line names " + file);
    }
  }

  @Test
  void parquetFilesThatCannotBeReadAreCountedAndEveryGoodRowKept() {
    assertEquals(Map.of("read/bad-schema", 2L, "read/corrupt-parquet", 2L, "read/empty-file", 1L),
        StatsJson.rejected(extract, "Academic"));
    assertEquals(5, StatsJson.kept(extract, "Academic"));
  }

  @Test
  void anInputMatchingNoFileFailsBeforeSparkNamingThePattern() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("empty-glob/domains"));
    Files.writeString(conf.getParent().resolve("pipeline.yaml"), "output: ../out2\n");
    Files.writeString(conf.resolve("web.yaml"), "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs:\n  - {path: ../nothing/*.warc.gz, format: warc}\n");
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", "-c", conf.getParent().resolve("pipeline.yaml").toString());
    assertTrue(code != 0);
    assertTrue(err.toString().contains("nothing/*.warc.gz") && err.toString().contains("matches no"),
        err.toString());
    assertTrue(!Files.exists(dir.resolve("out2")), "no output written");
  }
}
