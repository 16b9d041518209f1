package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.gzip;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileReaderTest {
  @TempDir Path dir;

  private static final String PAGE =
      "<html><head><title>T</title></head><body>"
          + "<p>This page is written in English and has a paragraph.</p></body></html>";

  @Test
  void anHtmlFolderGivesOnePagePerFileWithGzipAndCharsets() throws Exception {
    Path root = dir.resolve("site");
    write(root.resolve("a.html"), utf8(PAGE));
    write(root.resolve("sub/b.html.gz"), gzip(utf8(PAGE.replace("T<", "B<"))));
    String zh =
        "<html><head><meta charset=gb2312><title>中文</title></head><body><p>你好世界</p></body></html>";
    write(root.resolve("sub/c.htm"), zh.getBytes(Charset.forName("GBK")));

    List<Outcome> outs = Fixtures.read(root, InputFormat.HTML, "en", "zh");

    assertEquals(
        List.of("src/a.html#1", "src/sub/b.html.gz#1", "src/sub/c.htm#1"),
        outs.stream().map(Outcome::getId).toList());
    assertEquals(Map.of("kept", 3), counts(outs));
    assertEquals("This page is written in English and has a paragraph.", outs.get(0).getText());
    assertEquals("B", outs.get(1).getMeta().get(MetaKeys.TITLE.name()));
    assertEquals("你好世界", outs.get(2).getText());
    assertEquals("zh", outs.get(2).getLang());
    assertEquals("GB18030", outs.get(2).getMeta().get(MetaKeys.CHARSET.name()));
    long stored = 0;
    for (String f : List.of("a.html", "sub/b.html.gz", "sub/c.htm"))
      stored += Files.size(root.resolve(f));
    assertEquals(stored, Fixtures.bytesIn(outs));
  }

  @Test
  void badFilesAreCountedEachUnderItsReason() {
    Path root = dir.resolve("bad");
    write(root.resolve("empty.html"), new byte[0]);
    write(
        root.resolve("image.html"),
        concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, new byte[100]));
    write(root.resolve("nul.html"), concat(utf8("<html>"), new byte[] {0, 1, 2}, utf8("</html>")));
    write(root.resolve("script-only.html"), utf8("<script>x()</script>"));
    write(
        root.resolve("german.html"),
        utf8("<p>Der schnelle braune Fuchs springt über den Hund.</p>"));
    byte[] gz = gzip(utf8(PAGE.repeat(20)));
    write(root.resolve("cut.html.gz"), Arrays.copyOf(gz, gz.length - 9));
    write(root.resolve("ok.html"), utf8(PAGE));

    List<Outcome> outs = Fixtures.read(root, InputFormat.HTML, "en", "zh");

    assertEquals(
        Map.of(
            "kept",
            1,
            "read/empty-file",
            1,
            "read/binary",
            2,
            "extract/empty-text",
            1,
            "lang/not-in-domain",
            1,
            "read/truncated-gzip",
            1),
        counts(outs));
    Outcome png = outs.stream().filter(o -> o.getId().equals("src/image.html#1")).findFirst().get();
    assertEquals("PNG image signature", png.getDetail());
  }

  @Test
  void aFileOverMaxRecordBytesIsTooLarge() {
    Path p = write(dir.resolve("big.html"), utf8(PAGE + "<p>" + "z ".repeat(5000) + "</p>"));
    InputContext in = Fixtures.input(Fixtures.spec(p, InputFormat.HTML), List.of("en"), 4096, 1);
    List<Outcome> outs = Fixtures.read(in);
    assertEquals(Map.of("read/too-large", 1), counts(outs));
    assertEquals("more than max_record_bytes 4096 bytes", outs.get(0).getDetail());
  }

  @Test
  void aTextFileIsOneStrictUtf8Document() {
    Path good =
        write(dir.resolve("t/good.txt"), utf8("\uFEFFChapter 1\n\nIt was the best of times.\n"));
    Path bad =
        write(dir.resolve("u/bad.txt"), concat(utf8("ok "), new byte[] {(byte) 0xFF}, utf8(" no")));

    Outcome g = Fixtures.read(good, InputFormat.TEXT, "en").get(0);
    assertTrue(g.isKept());
    assertEquals("Chapter 1\n\nIt was the best of times.\n", g.getText());
    assertEquals("src/good.txt#1", g.getId());

    Outcome b = Fixtures.read(bad, InputFormat.TEXT, "en").get(0);
    assertEquals("invalid-utf8", b.getReason());
    assertEquals("invalid UTF-8 at byte 3", b.getDetail());
  }

  @Test
  void aPdfAmongHtmlFilesIsParsedByTikaUpToMaxTikaBytes() throws Exception {
    Path root = dir.resolve("docs");
    byte[] pdf = Documents.pdf("Hours", TikaTextTest.LINES);
    write(root.resolve("hours.html"), pdf);
    InputContext roomy = Fixtures.input(Fixtures.spec(root, InputFormat.HTML), List.of("en"));
    InputContext tight =
        new InputContext(
            "Web",
            new DomainLanguages(List.of("en")),
            Fixtures.spec(root, InputFormat.HTML),
            50L << 20,
            1,
            HtmlExtractor.DEFAULT_MODE,
            0.01,
            pdf.length - 1,
            30_000,
            ExtractStage.INCLUDE_TITLE.defaultValue());

    Outcome parsed = Fixtures.read(roomy).get(0);
    Outcome skipped = Fixtures.read(tight).get(0);

    assertTrue(parsed.isKept(), parsed.toString());
    assertEquals(String.join("\n\n", TikaTextTest.LINES), parsed.getText());
    assertEquals("application/pdf", parsed.getMeta().get(MetaKeys.DETECTED_TYPE.name()));
    assertEquals("tika/too-large", skipped.getRule() + "/" + skipped.getReason());
    assertEquals(pdf.length + " bytes > max_tika_bytes " + (pdf.length - 1), skipped.getDetail());
  }

  @Test
  void includeTitlePutsTheHeadlineBackAtTheStartOfAnHtmlFilesText() {
    Path root = dir.resolve("titled");
    String story =
        "The council voted on Tuesday to raise the budget of the public libraries by twelve"
            + " percent, the first increase in almost a decade.";
    write(
        root.resolve("a.html"),
        utf8(
            "<html><head><title>Libraries get more money</title></head><body><article>"
                + "<h1>Libraries get more money</h1><p>" + story + "</p></article></body></html>"));
    InputSpec spec = Fixtures.spec(root, InputFormat.HTML);
    InputContext plain = Fixtures.input(spec, List.of("en"));
    InputContext titled =
        new InputContext(
            plain.domain(),
            plain.languages(),
            spec,
            plain.maxRecordBytes(),
            plain.minTextChars(),
            plain.htmlMode(),
            plain.maxUndecodableShare(),
            plain.maxTikaBytes(),
            plain.tikaTimeoutMs(),
            true);

    Outcome without = Fixtures.read(plain).get(0);
    Outcome with = Fixtures.read(titled).get(0);

    assertEquals(story, without.getText());
    assertEquals("Libraries get more money", without.getMeta().get(MetaKeys.TITLE.name()));
    assertEquals("Libraries get more money\n\n" + story, with.getText());
  }
}
