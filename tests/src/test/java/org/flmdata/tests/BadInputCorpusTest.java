package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flmdata.jobs.Main;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More of the bad input a crawl holds, through a whole {@code run} (issue 11): a .warc.gz of
 * concatenated members with a corrupt one in the middle, HTML nested a million tags deep, an HTML
 * page in UTF-16 without a BOM, text with NUL bytes, JSONL with lines that are not JSON. The run
 * finishes, each case is counted, and every valid document of the same files is kept (exact
 * counts); an input pattern that matches no file fails before any Spark work, naming it.
 */
class BadInputCorpusTest {
  @TempDir static Path dir;
  static JsonNode extract;

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

    Files.createDirectories(dir.resolve("conf/domains"));
    Files.writeString(dir.resolve("conf/pipeline.yaml"),
        "output: ../out\nrejected_text_fraction: 1.0\n");
    Files.writeString(dir.resolve("conf/domains/webtext.yaml"),
        "name: WebText\nlanguages: [en]\nproportion: 90\ninputs:\n"
            + "  - {path: ../../web/*, format: warc, source: cc}\n"
            + "  - {path: ../../html, format: html, source: pages}\n");
    Files.writeString(dir.resolve("conf/domains/book.yaml"),
        "name: Book\nlanguages: [en]\nproportion: 10\ninputs:\n"
            + "  - {path: ../../lines/*.jsonl, format: jsonl}\n");
    SparkTestSession.get();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", "-c", dir.resolve("conf/pipeline.yaml").toString(), "--stages", "extract");
    assertEquals(0, code, "the run must finish on bad input: " + err);
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("out/report/stats.json").toFile());
    extract = StatsJson.stage(stats, "extract");
  }

  @Test
  void everyCaseIsCountedAndTheValidDocumentsAreKept() {
    Map<String, Long> web = StatsJson.rejected(extract, "WebText");
    Map<String, Long> book = StatsJson.rejected(extract, "Book");
    // pages 1, 2 and 4 (the reader finds the member after the corrupt one), deep.html, good.html;
    // page 3's member is read/corrupt-gzip; UTF-16 without a BOM (NUL in every other byte) is
    // read/binary: counted, not guessed
    assertEquals(Map.of("read/corrupt-gzip", 1L, "read/binary", 1L), web);
    assertEquals(5, StatsJson.kept(extract, "WebText"));
    // three JSON objects (the NUL bytes do not stop one); the two lines that are not objects
    assertEquals(Map.of("read/bad-json", 2L), book);
    assertEquals(3, StatsJson.kept(extract, "Book"));
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
