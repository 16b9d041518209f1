package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.gzip;
import static org.flmdata.extract.Fixtures.utf8;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesFileReaderTest {
  @TempDir Path dir;

  private static final String EN = "This is an English sentence that is long enough for the test.";

  private static InputContext jsonl(Path p, String... langs) {
    InputSpec spec =
        new InputSpec(
            p.toString(), InputFormat.JSONL, "wudao", "content", "id", "lang", "url", false);
    return Fixtures.input(spec, List.of(langs));
  }

  @Test
  void jsonlFieldsGiveTextIdLanguageAndUrl() {
    String l1 =
        "{\"id\": \"a-1\", \"content\": \"你好，世界。\", \"lang\": \"zh_CN\", \"url\":"
            + " \"http://x/1\"}\n";
    String l2 = "{\"id\": 42, \"content\": \"" + EN + "\"}\n";
    Path p = write(dir.resolve("d.jsonl"), utf8(l1 + l2));

    List<Outcome> outs = Fixtures.read(jsonl(p, "zh", "en"));

    assertEquals(2, outs.size());
    Outcome a = outs.get(0);
    assertTrue(a.isKept());
    assertEquals("a-1", a.getId());
    assertEquals("你好，世界。", a.getText());
    assertEquals("zh", a.getLang());
    assertEquals("zh_CN", a.getMeta().get(MetaKeys.LANG_GIVEN.name()));
    assertEquals("http://x/1", a.getUrl());
    assertEquals("wudao", a.getSource());
    assertEquals("0", a.getMeta().get(MetaKeys.OFFSET.name()));
    assertEquals(utf8(l1).length, a.getBytesIn());
    Outcome b = outs.get(1);
    assertEquals("42", b.getId());
    assertEquals("en", b.getLang()); // no lang field: guessed among the domain's two
    assertEquals(Long.toString(utf8(l1).length), b.getMeta().get(MetaKeys.OFFSET.name()));
  }

  @Test
  void withoutIdFieldTheIdIsSourcePathAndLineNumber() {
    Path p =
        write(dir.resolve("sub/x.jsonl"), utf8("{\"text\": \"one\"}\n\n{\"text\": \"two\"}\n"));
    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");
    assertEquals(
        List.of("src/x.jsonl#1", "src/x.jsonl#3"), outs.stream().map(Outcome::getId).toList());
    assertEquals("en", outs.get(0).getLang()); // the domain's only language
  }

  @Test
  void badLinesAreCountedEachUnderItsReason() {
    byte[] invalid = concat(utf8("{\"text\": \"caf"), new byte[] {(byte) 0xE9}, utf8("\"}\n"));
    byte[] file =
        concat(
            utf8("{\"text\": \"" + EN + "\"}\n"),
            invalid,
            utf8("{\"text\": \"unterminated\n"),
            utf8("[1, 2, 3]\n"),
            utf8("{\"other\": \"x\"}\n"),
            utf8("{\"text\": null}\n"),
            utf8("{\"text\": 17}\n"),
            utf8("{\"text\": \"   \"}\n"),
            utf8("{\"text\": \"" + EN + "\"}\n"));
    Path p = write(dir.resolve("bad.jsonl"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");

    assertEquals(
        Map.of(
            "kept",
            2,
            "read/invalid-utf8",
            1,
            "read/bad-json",
            2,
            "read/missing-text",
            3,
            "extract/empty-text",
            1),
        counts(outs));
    assertEquals("invalid UTF-8 at byte 13 of line 2", outs.get(1).getDetail());
    assertEquals("field text is number", outs.get(6).getDetail());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void blankLinesAreNotRecordsButTheirBytesAreCounted() {
    byte[] file = utf8("\n\n{\"text\": \"a\"}\r\n   \n{\"text\": \"b\"}\n\n");
    Path p = write(dir.resolve("blank.jsonl"), file);

    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");

    assertEquals(Map.of("kept", 2), counts(outs));
    assertEquals(List.of("a", "b"), outs.stream().map(Outcome::getText).toList());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void emptyAndBlankFilesAreOneEmptyFile() {
    Path empty = write(dir.resolve("e/empty.jsonl"), new byte[0]);
    Path blank = write(dir.resolve("b/blank.jsonl"), utf8("\n \n"));
    assertEquals(
        Map.of("read/empty-file", 1), counts(Fixtures.read(empty, InputFormat.JSONL, "en")));
    List<Outcome> outs = Fixtures.read(blank, InputFormat.JSONL, "en");
    assertEquals(Map.of("read/empty-file", 1), counts(outs));
    assertEquals(3, outs.get(0).getBytesIn());
  }

  @Test
  void aLineOverMaxRecordBytesIsSkippedWithoutBeingHeld() {
    String big = "{\"text\": \"" + "y".repeat(10_000) + "\"}\n";
    Path p = write(dir.resolve("big.jsonl"), utf8(big + "{\"text\": \"small\"}\n"));
    InputContext in = Fixtures.input(Fixtures.spec(p, InputFormat.JSONL), List.of("en"), 1000, 1);

    List<Outcome> outs = Fixtures.read(in);

    assertEquals(Map.of("kept", 1, "read/too-large", 1), counts(outs));
    assertEquals(
        "line 1 has " + (big.length() - 1) + " bytes > max_record_bytes 1000",
        outs.get(0).getDetail());
    assertNull(outs.get(0).getText());
  }

  @Test
  void gzipJsonlOfSeveralMembersIsReadWhole() {
    byte[] part1 = utf8("{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
    byte[] part2 = utf8("{\"text\": \"c\"}\n");
    Path p = write(dir.resolve("m.jsonl.gz"), concat(gzip(part1), gzip(part2)));

    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");

    assertEquals(List.of("a", "b", "c"), outs.stream().map(Outcome::getText).toList());
    assertEquals(part1.length + part2.length, Fixtures.bytesIn(outs));
  }

  @Test
  void truncatedGzipJsonlKeepsTheLinesBeforeTheCut() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 2000; i++) b.append("{\"text\": \"line ").append(i).append("\"}\n");
    byte[] plain = utf8(b.toString());
    byte[] gz = gzip(plain);
    Path p = write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));

    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");

    Outcome last = outs.get(outs.size() - 1);
    assertEquals("truncated-gzip", last.getReason());
    List<Outcome> kept = outs.subList(0, outs.size() - 1);
    assertTrue(kept.size() > 100, "lines before the cut: " + kept.size());
    for (int i = 0; i < kept.size(); i++) assertEquals("line " + i, kept.get(i).getText());
    assertEquals("src/cut.jsonl.gz#" + (kept.size() + 1), last.getId());
    // every byte that could be inflated is accounted for, and no more than the file holds
    long inflated = Fixtures.bytesIn(outs);
    assertTrue(inflated > Fixtures.bytesIn(kept) && inflated < plain.length);
  }

  @Test
  void aCompressedFileThatIsNotGzipIsOneBinaryOutcomeNotThousandsOfLines() {
    byte[] zstd =
        concat(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, utf8("x\n".repeat(500)));
    Path p = write(dir.resolve("z/data.jsonl.zst"), zstd);
    byte[] tiny = gzip(new byte[] {'B', 'Z', 'h', '9', 1, 2, 3});
    Path q = write(dir.resolve("b/data.jsonl.gz"), tiny);

    List<Outcome> z = Fixtures.read(p, InputFormat.JSONL, "en");
    List<Outcome> b = Fixtures.read(q, InputFormat.JSONL, "en");

    assertEquals(Map.of("read/binary", 1), counts(z));
    assertEquals("zstd data signature: not JSONL or text", z.get(0).getDetail());
    assertEquals(zstd.length, z.get(0).getBytesIn());
    assertEquals("bzip2 data signature: not JSONL or text", b.get(0).getDetail());
  }

  @Test
  void aGzipFileCutInsideItsHeaderIsOneTruncatedGzip() {
    Path p = write(dir.resolve("h/cut.jsonl.gz"), Arrays.copyOf(gzip(utf8("{}\n")), 5));
    List<Outcome> outs = Fixtures.read(p, InputFormat.JSONL, "en");
    assertEquals(Map.of("read/truncated-gzip", 1), counts(outs));
    assertEquals(5, outs.get(0).getBytesIn());
  }

  @Test
  void textPerLineMakesADocumentOfEachLine() {
    byte[] file =
        concat(
            utf8("first line\n\nsecond line\r\n"),
            new byte[] {(byte) 0xC3, 0x28},
            utf8("\nlast line without newline"));
    Path p = write(dir.resolve("t.txt"), file);
    InputSpec spec =
        new InputSpec(p.toString(), InputFormat.TEXT, "books", "text", null, null, null, true);

    List<Outcome> outs = Fixtures.read(Fixtures.input(spec, List.of("en")));

    assertEquals(Map.of("kept", 3, "read/invalid-utf8", 1), counts(outs));
    assertEquals(
        List.of("first line", "second line", "last line without newline"),
        outs.stream().filter(Outcome::isKept).map(Outcome::getText).toList());
    assertEquals(
        List.of("books/t.txt#1", "books/t.txt#3", "books/t.txt#4", "books/t.txt#5"),
        outs.stream().map(Outcome::getId).toList());
    assertEquals(file.length, Fixtures.bytesIn(outs));
  }

  @Test
  void damageIsLoggedWithFileAndOffsetAtMostThreeTimesPerReason() {
    byte[] prefix = utf8("{\"text\": \"x");
    byte[] bad = concat(prefix, new byte[] {(byte) 0xFF}, utf8("\"}\n"));
    byte[] file = concat(utf8("{\"text\": \"ok\"}\n"), bad, bad, bad, bad, bad, utf8("[]\n"));
    Path p = write(dir.resolve("noisy.jsonl"), file);

    List<String> lines;
    try (LogCapture log = new LogCapture()) {
      Fixtures.read(p, InputFormat.JSONL, "en");
      lines = log.lines().stream().filter(l -> l.contains("noisy.jsonl")).toList();
    }

    String offset = Integer.toString(utf8("{\"text\": \"ok\"}\n").length);
    assertEquals(
        "WARN extract: file:"
            + p
            + " at byte "
            + offset
            + ": read/invalid-utf8: invalid UTF-8 at byte "
            + prefix.length
            + " of line 2",
        lines.get(0));
    assertEquals(5, lines.size(), String.join("\n", lines));
    assertEquals(
        "WARN extract: file:" + p + ": more read/invalid-utf8 in this file are counted, not logged",
        lines.get(3));
    assertTrue(lines.get(4).contains(": read/bad-json: line 7 is not a JSON object"), lines.get(4));
  }
}
