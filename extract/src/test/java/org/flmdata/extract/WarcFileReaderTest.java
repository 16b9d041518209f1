package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.gzip;
import static org.flmdata.extract.Fixtures.gzipMembers;
import static org.flmdata.extract.Fixtures.htmlResponse;
import static org.flmdata.extract.Fixtures.http;
import static org.flmdata.extract.Fixtures.request;
import static org.flmdata.extract.Fixtures.response;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.warc;
import static org.flmdata.extract.Fixtures.warcinfo;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarcFileReaderTest {
  @TempDir Path dir;

  private static String page(int i) {
    return "<html><head><title>Page "
        + i
        + "</title></head><body><p>This is the text of page "
        + i
        + " and it is written in English for the test.</p></body></html>";
  }

  /** Records of every kind, and the outcome key each must get. */
  private static List<byte[]> mixedRecords(Map<String, Integer> expected) {
    List<byte[]> r = new ArrayList<>();
    r.add(warcinfo("urn:uuid:0"));
    r.add(request("urn:uuid:1", "http://example.com/"));
    r.add(htmlResponse("urn:uuid:2", "http://example.com/", page(2)));
    r.add(
        response(
            "urn:uuid:3",
            "http://example.com/missing",
            http(404, utf8("<p>Not found here</p>"), "Content-Type: text/html")));
    r.add(
        response(
            "urn:uuid:4",
            "http://example.com/a.pdf",
            http(200, utf8("%PDF-1.4 ..."), "Content-Type: application/pdf")));
    r.add(
        htmlResponse(
            "urn:uuid:5",
            "http://example.com/empty",
            "<html><body><script>var x;</script></body></html>"));
    r.add(warc("resource", "urn:uuid:6", "file:///page.html", "text/html", utf8(page(6))));
    r.add(
        warc(
            "conversion",
            "urn:uuid:7",
            "http://example.com/",
            "text/plain",
            utf8("This is the plain text of a WET record.\nIt is kept as it is.")));
    r.add(
        warc(
            "metadata",
            "urn:uuid:8",
            "http://example.com/",
            "application/warc-fields",
            utf8("fetchTimeMs: 12\r\n")));
    r.add(response("urn:uuid:9", "http://example.com/bad", utf8("this is not HTTP at all")));
    r.add(
        htmlResponse(
            "urn:uuid:10",
            "http://example.de/",
            "<p>Der schnelle braune Fuchs springt über den faulen Hund.</p>"));
    expected.put("warc/not-response", 3);
    expected.put("kept", 3);
    expected.put("warc/http-status", 1);
    expected.put("tika/parse-error", 1); // "%PDF-1.4 ..." is a PDF header and nothing more
    expected.put("extract/empty-text", 1);
    expected.put("warc/bad-http", 1);
    expected.put("lang/not-in-domain", 1);
    return r;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyRecordIsOneOutcomeUnderItsOwnReason(boolean gzipped) {
    Map<String, Integer> expected = new TreeMap<>();
    List<byte[]> records = mixedRecords(expected);
    byte[] file = gzipped ? gzipMembers(records) : concat(records.toArray(new byte[0][]));
    Path p = write(dir.resolve(gzipped ? "a.warc.gz" : "a.warc"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en", "zh");

    assertEquals(records.size(), outs.size());
    assertEquals(expected, counts(outs));
    assertEquals(file.length, Fixtures.bytesIn(outs));
    List<String> ids = outs.stream().map(Outcome::getId).toList();
    List<String> want = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) want.add("urn:uuid:" + i);
    assertEquals(want, ids);
    assertEquals("http-status", outs.get(3).getReason());
    assertEquals("status 404", outs.get(3).getDetail());
    assertEquals("de", outs.get(10).getDetail()); // the German page, named by the model-free guess
    assertEquals(
        "This is the plain text of a WET record.\nIt is kept as it is.", outs.get(7).getText());
  }

  @Test
  void aPageCarriesIdUrlLanguageAndMeta() {
    byte[] rec = htmlResponse("urn:uuid:abc", "http://example.com/x", page(1));
    byte[] file = concat(warcinfo("urn:uuid:info"), rec);
    Path p = write(dir.resolve("one.warc"), file);

    Outcome o = Fixtures.read(p, InputFormat.WARC, "en").get(1);

    assertTrue(o.isKept());
    assertEquals("urn:uuid:abc", o.getId());
    assertEquals("http://example.com/x", o.getUrl());
    assertEquals("Web", o.getDomain());
    assertEquals("src", o.getSource());
    assertEquals("en", o.getLang());
    assertEquals(
        "This is the text of page 1 and it is written in English for the test.", o.getText());
    Map<String, String> meta = o.getMeta();
    assertEquals("file:" + p, meta.get(MetaKeys.FILE.name()));
    assertEquals(Long.toString(warcinfo("urn:uuid:info").length), meta.get(MetaKeys.OFFSET.name()));
    assertEquals("2024-05-18T01:58:10Z", meta.get(MetaKeys.FETCH_DATE.name()));
    assertEquals("text/html; charset=utf-8", meta.get(MetaKeys.CONTENT_TYPE.name()));
    assertEquals("Page 1", meta.get(MetaKeys.TITLE.name()));
    assertEquals("UTF-8", meta.get(MetaKeys.CHARSET.name()));
    assertEquals("http", meta.get(MetaKeys.CHARSET_SOURCE.name()));
    assertEquals(rec.length, o.getBytesIn());
    assertEquals(Outcome.utf8Length(o.getText()), o.getBytesOut());
  }

  @Test
  void truncatedGzipKeepsRecordsBeforeTheCutAndCountsTheCutOnce() {
    List<byte[]> members = new ArrayList<>();
    for (int i = 0; i < 4; i++)
      members.add(gzip(htmlResponse("urn:uuid:" + i, "http://e/" + i, page(i))));
    byte[] whole = concat(members.toArray(new byte[0][]));
    List<Long> ends = new ArrayList<>();
    long end = 0;
    for (byte[] m : members) ends.add(end += m.length);

    for (int cut = 4; cut <= whole.length; cut++) {
      Path p = write(dir.resolve("cut.warc.gz"), Arrays.copyOf(whole, cut));
      List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");
      final long c = cut;
      int complete = (int) ends.stream().filter(e -> e <= c).count();
      boolean atBoundary = ends.contains(c);
      Map<String, Integer> want = new TreeMap<>();
      if (complete > 0) want.put("kept", complete);
      if (!atBoundary) want.put("read/truncated-gzip", 1);
      assertEquals(want, counts(outs), "cut at " + cut);
      assertEquals(cut, Fixtures.bytesIn(outs), "cut at " + cut);
      for (int i = 0; i < complete; i++) assertEquals("urn:uuid:" + i, outs.get(i).getId());
      if (!atBoundary) {
        Outcome f = outs.get(outs.size() - 1);
        long start = complete == 0 ? 0 : ends.get(complete - 1);
        assertTrue(f.getDetail().contains("at byte " + start + " of file:" + p), f.getDetail());
        assertEquals(cut - start, f.getBytesIn());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void tooShortContentLengthIsOneBadRecordAndLaterRecordsAreRead(boolean gzipped) {
    byte[] http = http(200, utf8(page(1)), "Content-Type: text/html");
    List<byte[]> records =
        List.of(
            htmlResponse("urn:uuid:0", "http://e/0", page(0)),
            warc(
                "response",
                "urn:uuid:1",
                "http://e/1",
                "application/http; msgtype=response",
                http,
                http.length - 10),
            htmlResponse("urn:uuid:2", "http://e/2", page(2)),
            request("urn:uuid:3", "http://e/3"));
    byte[] file = gzipped ? gzipMembers(records) : concat(records.toArray(new byte[0][]));
    Path p = write(dir.resolve(gzipped ? "cl.warc.gz" : "cl.warc"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 2, "warc/bad-record", 1, "warc/not-response", 1), counts(outs));
    assertEquals(
        List.of("urn:uuid:0", "urn:uuid:1", "urn:uuid:2", "urn:uuid:3"),
        outs.stream().map(Outcome::getId).toList());
    assertTrue(
        outs.get(1).getDetail().startsWith("Content-Length does not end the record"),
        outs.get(1).getDetail());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void tooLongContentLengthIsOneBadRecordAndTheRecordItRanIntoIsStillRead(boolean gzipped) {
    byte[] http = http(200, utf8(page(1)), "Content-Type: text/html");
    List<byte[]> records =
        List.of(
            htmlResponse("urn:uuid:0", "http://e/0", page(0)),
            warc(
                "response",
                "urn:uuid:1",
                "http://e/1",
                "application/http; msgtype=response",
                http,
                http.length + 30),
            htmlResponse("urn:uuid:2", "http://e/2", page(2)),
            request("urn:uuid:3", "http://e/3"));
    byte[] file = gzipped ? gzipMembers(records) : concat(records.toArray(new byte[0][]));
    Path p = write(dir.resolve(gzipped ? "cl.warc.gz" : "cl.warc"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 2, "warc/bad-record", 1, "warc/not-response", 1), counts(outs));
    assertEquals(
        List.of("urn:uuid:0", "urn:uuid:1", "urn:uuid:2", "urn:uuid:3"),
        outs.stream().map(Outcome::getId).toList());
    byte[] bad = records.get(1);
    assertEquals(gzipped ? gzip(bad).length : bad.length, outs.get(1).getBytesIn());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void aWarcGzippedWholeAsOneMemberIsReadAndReconciles() {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      records.add(htmlResponse("urn:uuid:" + i, "http://e/" + i, page(i)));
    }
    byte[] file = gzip(concat(records.toArray(new byte[0][])));
    Path p = write(dir.resolve("whole.warc.gz"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 30), counts(outs));
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void corruptGzipMembersAreCountedAndReadingGoesOn() {
    List<byte[]> members = new ArrayList<>();
    for (int i = 0; i < 5; i++)
      members.add(gzip(htmlResponse("urn:uuid:" + i, "http://e/" + i, page(i))));
    members.get(1)[2] = 9; // unknown compression method in the member header
    members.get(3)[10] = (byte) 0xFF; // reserved deflate block type
    byte[] file = concat(members.toArray(new byte[0][]));
    Path p = write(dir.resolve("corrupt.warc.gz"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 3, "read/corrupt-gzip", 2), counts(outs));
    assertEquals("urn:uuid:0", outs.get(0).getId());
    assertEquals("urn:uuid:2", outs.get(2).getId());
    assertEquals("urn:uuid:4", outs.get(4).getId());
    assertEquals(members.get(1).length, outs.get(1).getBytesIn());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void garbageBeforeTheFirstRecordIsOneBadRecord() {
    byte[] junk = utf8("some junk that is not a WARC header\n\n");
    byte[] file =
        concat(junk, htmlResponse("urn:uuid:0", "http://e/0", page(0)), warcinfo("urn:uuid:1"));
    Path p = write(dir.resolve("junk.warc"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 1, "warc/bad-record", 1, "warc/not-response", 1), counts(outs));
    assertEquals("src/junk.warc@0", outs.get(0).getId());
    assertEquals(junk.length, outs.get(0).getBytesIn());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void aFileEndingInsideARecordIsATruncatedRecord() {
    byte[] first = htmlResponse("urn:uuid:0", "http://e/0", page(0));
    byte[] second = htmlResponse("urn:uuid:1", "http://e/1", page(1));
    byte[] file = concat(first, Arrays.copyOf(second, second.length - 40));
    Path p = write(dir.resolve("short.warc"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 1, "warc/truncated-record", 1), counts(outs));
    assertEquals("urn:uuid:1", outs.get(1).getId());
    assertEquals(file.length - first.length, outs.get(1).getBytesIn());
  }

  @Test
  void anEmptyFileIsOneEmptyFile() {
    Path p = write(dir.resolve("empty.warc.gz"), new byte[0]);
    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");
    assertEquals(Map.of("read/empty-file", 1), counts(outs));
  }

  @Test
  void aBlockOverMaxRecordBytesIsSkippedAndTheNextRecordRead() {
    byte[] big = htmlResponse("urn:uuid:0", "http://e/0", page(0) + "x".repeat(5000));
    byte[] small = htmlResponse("urn:uuid:1", "http://e/1", page(1));
    Path p = write(dir.resolve("big.warc"), concat(big, small));
    InputContext in = Fixtures.input(Fixtures.spec(p, InputFormat.WARC), List.of("en"), 2000, 1);

    List<Outcome> outs = Fixtures.read(in);

    assertEquals(Map.of("kept", 1, "read/too-large", 1), counts(outs));
    assertTrue(outs.get(0).getDetail().contains("> max_record_bytes 2000"));
    assertNull(outs.get(0).getText());
  }

  @Test
  void chunkedAndGzipEncodedBodiesAreDecoded() {
    byte[] gz = gzip(utf8(page(3)));
    String hex = Integer.toHexString(gz.length);
    byte[] chunked = concat(utf8(hex + "\r\n"), gz, utf8("\r\n0\r\n\r\n"));
    byte[] head =
        utf8(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
    Path p =
        write(dir.resolve("enc.warc"), response("urn:uuid:0", "http://e/", concat(head, chunked)));

    Outcome o = Fixtures.read(p, InputFormat.WARC, "en").get(0);

    assertTrue(o.isKept(), o.toString());
    assertEquals(
        "This is the text of page 3 and it is written in English for the test.", o.getText());
  }

  @Test
  void aContentEncodingHeaderOnAPlainBodyReadsTheBodyAsIs() {
    // ClueWeb09 stored decoded bodies but kept "Content-Encoding: gzip"
    byte[] http = http(200, utf8(page(4)), "Content-Type: text/html", "Content-Encoding: gzip");
    Path p = write(dir.resolve("quirk.warc"), response("urn:uuid:0", "http://e/", http));

    Outcome o = Fixtures.read(p, InputFormat.WARC, "en").get(0);

    assertTrue(o.isKept(), o.toString());
    assertEquals(
        "This is the text of page 4 and it is written in English for the test.", o.getText());
  }

  @Test
  void nonHttpResponsesAreNotHtmlAndUntypedOnesAreTriedAsHttp() {
    byte[] dns = warc("response", "urn:uuid:0", "dns:example.com", "text/dns", utf8("20240101 A"));
    String untyped =
        new String(htmlResponse("urn:uuid:1", "http://e/", page(1)), StandardCharsets.ISO_8859_1)
            .replace("Content-Type: application/http; msgtype=response\r\n", "");
    Path p =
        write(
            dir.resolve("types.warc"), concat(dns, untyped.getBytes(StandardCharsets.ISO_8859_1)));

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals("not-html", outs.get(0).getReason());
    assertEquals("text/dns", outs.get(0).getDetail());
    assertTrue(outs.get(1).isKept(), outs.get(1).toString());
  }

  @Test
  void aRecordWithoutRecordIdIsNamedByFileAndOffset() {
    byte[] info = warcinfo("urn:uuid:0");
    byte[] noId =
        new String(
                htmlResponse("x", "http://e/", page(1)),
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("WARC-Record-ID: <x>\r\n", "")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path p = write(dir.resolve("d/noid.warc"), concat(info, noId));

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals("src/noid.warc@" + info.length, outs.get(1).getId());
    assertTrue(outs.get(1).isKept());
  }

  private static byte[] chunkedResponse(String id, String chunks) {
    byte[] head =
        utf8(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
    return response(id, "http://e/" + id, concat(head, utf8(chunks)));
  }

  /** {@code html} as chunks of at most {@code size} bytes, without the last chunk. */
  private static String chunks(String html, int size) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < html.length(); i += size) {
      String c = html.substring(i, Math.min(html.length(), i + size));
      b.append(Integer.toHexString(c.length())).append("\r\n").append(c).append("\r\n");
    }
    return b.toString();
  }

  @Test
  void brokenChunkedBodiesAreCutPagesOrBadChunkedAndTheFileGoesOn() throws Exception {
    String html = page(1);
    String good = chunks(html, 16) + "0\r\n\r\n";
    // (a) the third size line is not hex; (b) a chunk says 0x400 bytes and 20 follow;
    // (c) every chunk but no 0-chunk; a body stored de-chunked under a chunked header
    int third = chunks(html.substring(0, 32), 16).length();
    String notHex = good.substring(0, third) + "zz" + good.substring(third + 2);
    String cut = chunks(html.substring(0, 32), 16) + "400\r\n" + html.substring(32, 100);
    String noLast = chunks(html, 16);
    Path p =
        write(
            dir.resolve("chunked.warc"),
            concat(
                htmlResponse("urn:uuid:0", "http://e/0", page(0)),
                chunkedResponse("urn:uuid:a", notHex),
                chunkedResponse("urn:uuid:b", cut),
                chunkedResponse("urn:uuid:c", noLast),
                chunkedResponse("urn:uuid:d", html),
                chunkedResponse("urn:uuid:e", good)));

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertEquals(Map.of("kept", 5, "warc/bad-chunked", 1), counts(outs));
    Outcome a = outs.get(1);
    assertEquals("bad-chunked", a.getReason());
    assertEquals(
        "chunked body framing breaks at body byte " + third + " after 2 chunk(s) of 32 bytes",
        a.getDetail());
    String text = "This is the text of page 1 and it is written in English for the test.";
    Outcome b = outs.get(2);
    assertTrue(b.isKept(), b.toString());
    assertEquals("payload", b.getMeta().get(MetaKeys.TRUNCATED.name()));
    // the 100 bytes that arrived hold the start of the paragraph
    assertTrue(b.getText().length() > 10 && text.startsWith(b.getText()), b.getText());
    Outcome c = outs.get(3);
    assertTrue(c.isKept(), c.toString());
    assertEquals("payload", c.getMeta().get(MetaKeys.TRUNCATED.name()));
    assertEquals(text, c.getText());
    Outcome d = outs.get(4);
    assertTrue(d.isKept(), d.toString());
    assertNull(d.getMeta().get(MetaKeys.TRUNCATED.name()));
    assertEquals(text, d.getText());
    Outcome e = outs.get(5);
    assertNull(e.getMeta().get(MetaKeys.TRUNCATED.name()));
    assertEquals(text, e.getText());
    assertEquals(Files.size(p), Fixtures.bytesIn(outs));
  }

  @Test
  void aCutChunkedGzipBodyKeepsTheTextThatArrived() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 300; i++) words.append("Sentence number ").append(i).append(" is here. ");
    String html = "<html><body><p>" + words + "</p></body></html>";
    byte[] gz = gzip(utf8(html));
    int half = gz.length / 2;
    byte[] chunked =
        concat(utf8(Integer.toHexString(gz.length) + "\r\n"), Arrays.copyOf(gz, half));
    byte[] head =
        utf8(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
    Path p =
        write(
            dir.resolve("cutgz.warc"),
            concat(
                response("urn:uuid:0", "http://e/", concat(head, chunked)),
                htmlResponse("urn:uuid:1", "http://e/1", page(1))));

    List<Outcome> outs = Fixtures.read(p, InputFormat.WARC, "en");

    assertTrue(outs.get(0).isKept(), outs.get(0).toString());
    assertEquals("payload", outs.get(0).getMeta().get(MetaKeys.TRUNCATED.name()));
    String text = outs.get(0).getText();
    assertTrue(text.startsWith("Sentence number 0 is here. Sentence number 1 is here."), text);
    assertTrue(!text.contains("Sentence number 299 "), text);
    assertTrue(outs.get(1).isKept());
  }
}
