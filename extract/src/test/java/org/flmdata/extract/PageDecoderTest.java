package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset CP1251 = Charset.forName("windows-1251");

  private static PageDecoder.Decoded decode(byte[] b, String contentType) {
    return PageDecoder.decode(b, b.length, contentType);
  }

  @Test
  void byteOrderMarkWinsOverEverything() {
    byte[] body = "<meta charset=gbk><p>Condé</p>".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    PageDecoder.Decoded d = decode(withBom, "text/html; charset=gbk");
    assertEquals("<meta charset=gbk><p>Condé</p>", d.text());
    assertEquals(PageDecoder.Source.BOM, d.source());

    byte[] utf16 = "\uFEFF<p>héllo</p>".getBytes(StandardCharsets.UTF_16LE);
    PageDecoder.Decoded le = decode(utf16, null);
    assertEquals("<p>héllo</p>", le.text());
    assertEquals("UTF-16LE", le.charset());
  }

  @Test
  void httpCharsetWinsOverMetaCharset() {
    String page = "<meta charset=utf-8><p>Привет</p>";
    PageDecoder.Decoded d = decode(page.getBytes(CP1251), "text/html;charset=\"windows-1251\"");
    assertEquals(page, d.text());
    assertEquals(PageDecoder.Source.HTTP, d.source());
  }

  @Test
  void metaCharsetAndHttpEquivAndXmlDeclarationAreRead() {
    String a =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            + "</head><body>中文网页</body></html>";
    PageDecoder.Decoded d = decode(a.getBytes(GBK), "text/html");
    assertEquals(a, d.text());
    assertEquals("GB18030", d.charset());
    assertEquals(PageDecoder.Source.META, d.source());

    String b = "<meta charset='windows-1251'><p>Привет</p>";
    assertEquals(b, decode(b.getBytes(CP1251), null).text());

    String c = "<?xml version=\"1.0\" encoding=\"GBK\"?><html><p>中文</p></html>";
    assertEquals(c, decode(c.getBytes(GBK), null).text());
  }

  @Test
  void aUtf16MetaLabelMeansUtf8() {
    String page = "<meta charset=utf-16><p>Condé</p>";
    PageDecoder.Decoded d = decode(page.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(page, d.text());
    assertEquals("UTF-8", d.charset());
  }

  @Test
  void undeclaredValidUtf8IsUtf8() {
    String page = "<p>Condé Nast — “quotes” 中文</p>";
    PageDecoder.Decoded d = decode(page.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(page, d.text());
    assertEquals(PageDecoder.Source.UTF8, d.source());
  }

  @Test
  void declaredLatin1ThatIsValidUtf8IsReadAsUtf8() {
    String page = "<p>Condé</p>";
    PageDecoder.Decoded d =
        decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=ISO-8859-1");
    assertEquals(page, d.text());
    assertEquals(PageDecoder.Source.UTF8, d.source());
    // real Latin-1 stays Latin-1 (as windows-1252, as browsers do)
    PageDecoder.Decoded latin =
        decode(page.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=ISO-8859-1");
    assertEquals(page, latin.text());
    assertEquals("windows-1252", latin.charset());
  }

  @Test
  void undeclaredGbkIsGuessedAsGb18030() {
    String page = "<html><body><p>中华人民共和国是一个国家。欢迎访问我们的网站！</p></body></html>";
    PageDecoder.Decoded d = decode(page.getBytes(GBK), null);
    assertEquals(page, d.text());
    assertEquals(PageDecoder.Source.GUESS, d.source());
    assertEquals("GB18030", d.charset());
  }

  @Test
  void undeclaredWesternBytesFallBackToWindows1252() {
    String page = "<p>Café “smart” — naïve</p>";
    PageDecoder.Decoded d = decode(page.getBytes(CP1252), null);
    assertEquals(page, d.text());
    assertEquals("windows-1252", d.charset());
    assertEquals(PageDecoder.Source.GUESS, d.source());
  }

  @Test
  void unknownLabelsAreIgnored() {
    assertNull(PageDecoder.forLabel("no-such-charset"));
    assertNull(PageDecoder.forLabel("  "));
    assertNull(PageDecoder.forLabel("bad name with spaces"));
    String page = "<p>Condé</p>";
    assertEquals(
        page, decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-nope").text());
  }

  @Test
  void labelsMapAsBrowsersMapThem() {
    assertEquals("GB18030", PageDecoder.forLabel("GB2312").name());
    assertEquals("windows-1252", PageDecoder.forLabel("us-ascii").name());
    assertEquals("windows-31j", PageDecoder.forLabel("Shift_JIS").name());
    assertEquals("x-windows-949", PageDecoder.forLabel("euc-kr").name());
    assertEquals("EUC-JP", PageDecoder.forLabel("euc-jp").name());
  }
}
