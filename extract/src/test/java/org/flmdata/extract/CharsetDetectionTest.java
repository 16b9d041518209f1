package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages without a usable charset declaration: detection, wrong labels, undecodable bytes. */
class CharsetDetectionTest {
  @TempDir Path dir;

  static final String TRADITIONAL =
      "<html><body><p>台灣的公共圖書館將延長開放時間，市議會週二通過了新的預算。圖書館員表示，這筆經費將用於增加晚間人手，"
          + "並開設一輛前往偏遠地區的行動圖書館。市長說，圖書館是少數任何人都可以不花錢度過一整天的地方。</p></body></html>";

  static final String JAPANESE =
      "<html><body><p>市議会は火曜日、公共図書館の予算を十二パーセント増やすことを決めました。図書館の職員によると、"
          + "このお金は開館時間の延長や夜の職員の増員、そして遠くの地区を回る移動図書館に使われるということです。</p></body></html>";

  static final String SIMPLIFIED =
      "<html><body><p>市议会周二投票决定，将公共图书馆的预算提高百分之十二，这是近十年来的首次增加。图书馆员表示，"
          + "这笔资金将用于延长开放时间、增加晚间工作人员，以及开设一辆前往偏远地区的流动图书馆。</p></body></html>";

  static final String GERMAN =
      "<html><body><p>Der Stadtrat hat am Dienstag beschlossen, das Budget der öffentlichen"
          + " Bibliotheken um zwölf Prozent zu erhöhen. Die Bibliothekarinnen sagten, das Geld"
          + " werde für längere Öffnungszeiten und größere Bestände verwendet.</p></body></html>";

  private static PageDecoder.Decoded decode(String page, String charset, String header) {
    byte[] b = page.getBytes(Charset.forName(charset));
    return PageDecoder.decode(b, b.length, header);
  }

  @Test
  void undeclaredBig5ShiftJisGbkAndLatin1AreDetected() {
    for (String[] c :
        new String[][] {
          {TRADITIONAL, "Big5", "Big5-HKSCS"},
          {JAPANESE, "Shift_JIS", "windows-31j"},
          {SIMPLIFIED, "GBK", "GB18030"},
          {GERMAN, "ISO-8859-1", "windows-1252"}
        }) {
      PageDecoder.Decoded d = decode(c[0], c[1], null);
      assertEquals(c[0], d.text(), c[1]);
      assertEquals(c[2], d.charset(), c[1]);
      assertEquals(PageDecoder.Source.GUESS, d.source(), c[1]);
    }
  }

  @Test
  void aWrongDeclarationLosesToACharsetThatDecodesEveryByte() {
    // a UTF-8 page served as GBK
    PageDecoder.Decoded utf8 = decode(SIMPLIFIED, "UTF-8", "text/html; charset=gbk");
    assertEquals(SIMPLIFIED, utf8.text());
    assertEquals("UTF-8", utf8.charset());
    // a Shift-JIS page labelled UTF-8 in its meta tag
    String labelled = JAPANESE.replace("<html>", "<html><head><meta charset=utf-8></head>");
    PageDecoder.Decoded sjis = decode(labelled, "Shift_JIS", null);
    assertEquals(labelled, sjis.text());
    assertEquals("windows-31j", sjis.charset());
    assertEquals(PageDecoder.Source.GUESS, sjis.source());
  }

  @Test
  void aRightDeclarationIsKeptAsDeclared() {
    PageDecoder.Decoded d = decode(TRADITIONAL, "Big5", "text/html; charset=big5");
    assertEquals(TRADITIONAL, d.text());
    assertEquals(PageDecoder.Source.HTTP, d.source());
  }

  @Test
  void pagesNoCharsetDecodesAreCountedAsUndecodableAndCleanPagesAreKept() {
    Path root = dir.resolve("site");
    // declared Shift-JIS, but the body is bytes that no charset reads as text
    byte[] head = "<html><head><meta charset=shift_jis></head><body><p>".getBytes(StandardCharsets.US_ASCII);
    byte[] junk = new byte[400];
    // 0x85 then a space: a Shift-JIS lead byte without its trail byte, 200 times
    for (int i = 0; i < junk.length; i++) junk[i] = (byte) (i % 2 == 0 ? 0x85 : 0x20);
    write(root.resolve("bad.html"), Fixtures.concat(head, junk));
    write(root.resolve("big5.html"), TRADITIONAL.getBytes(Charset.forName("Big5")));
    write(root.resolve("sjis.html"), JAPANESE.getBytes(Charset.forName("Shift_JIS")));

    List<Outcome> outs = Fixtures.read(root, InputFormat.HTML, "zh", "ja");

    assertEquals(Map.of("kept", 2, "extract/undecodable", 1), counts(outs));
    Outcome bad = outs.get(0);
    assertEquals("undecodable", bad.getReason());
    assertTrue(bad.getDetail().contains("U+FFFD as windows-31j"), bad.getDetail());
    assertEquals("zh", outs.get(1).getLang());
    assertEquals("ja", outs.get(2).getLang());
    for (Outcome o : outs.subList(1, 3)) assertFalse(o.getText().contains("\uFFFD"));
  }

  @Test
  void undecodableShareCountsReplacementCharactersAmongNonSpace() {
    assertEquals(0, HtmlExtractor.undecodableShare(""));
    assertEquals(0, HtmlExtractor.undecodableShare("clean text"));
    assertEquals(0.5, HtmlExtractor.undecodableShare("a\uFFFD \n b\uFFFD"));
  }
}
