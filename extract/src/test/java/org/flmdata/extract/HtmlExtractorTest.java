package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  private static String text(String html) {
    return HtmlExtractor.extract(html).text();
  }

  @Test
  void blockElementsBecomeParagraphsSeparatedByABlankLine() {
    String html =
        "<html><body><h1>Title here</h1><p>First  paragraph\n spans\tlines.</p>"
            + "<div>A div.</div><blockquote>Quoted.</blockquote><section><article>"
            + "<p>In article.</p></article></section></body></html>";
    assertEquals(
        "First paragraph spans lines.\n\nA div.\n\nQuoted.\n\nIn article.",
        text(html));
  }

  @Test
  void listItemsAndTableRowsAreLinesAndCellsAreSpaced() {
    String html =
        "<p>Intro</p><ul><li>one</li><li>two <b>bold</b></li></ul>"
            + "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>"
            + "<dl><dt>Term</dt><dd>Definition</dd></dl>";
    assertEquals("Intro\n\none\ntwo bold\n\nName Age\nAnn 31\n\nTerm\nDefinition", text(html));
  }

  @Test
  void inlineElementsKeepTheirSpacingAndDoNotBreakLines() {
    assertEquals(
        "a bold word, a link and x2",
        text("<p>a <b>bold</b> word, <a href=x>a link</a> and x<sup>2</sup></p>"));
  }

  @Test
  void brBreaksALineAndTwoBrsBreakAParagraph() {
    assertEquals(
        "line one\nline two\n\nnext paragraph",
        text("<div>line one<br>line two<br><br>next paragraph</div>"));
  }

  @Test
  void preKeepsLinesAndIndentation() {
    String html =
        "<p>Code:</p><pre>def f(x):\n    return  x * 2\n\n\tprint(f(1))</pre><p>after</p>";
    assertEquals("Code:\n\ndef f(x):\n    return  x * 2\n\n\tprint(f(1))\n\nafter", text(html));
  }

  @Test
  void scriptsStylesNavigationAndControlsAreDropped() {
    String html =
        "<head><title>T</title><style>p{}</style></head><body>"
            + "<header><a>Home</a> <a>About</a></header><nav><ul><li>Menu</li></ul></nav>"
            + "<script>var x = 1;</script><noscript>enable js</noscript>"
            + "<p>Body text.</p><aside>Related</aside><form><input value=q><button>Go</button>"
            + "<select><option>A</option></select></form><iframe src=x>frame</iframe>"
            + "<svg><text>svg text</text></svg><template><p>tpl</p></template>"
            + "<footer>Copyright</footer></body>";
    assertEquals("Body text.", text(html));
  }

  @Test
  void headerAndFooterInsideAnArticleAreKept() {
    String html =
        "<header>Site</header><article><header><h1>Headline</h1><p>In short: a story.</p>"
            + "</header><p>Story.</p><footer>A correction was appended.</footer></article>"
            + "<footer>Copyright</footer>";
    // (a byline or "Filed under" line there would be left out as framing: see EdgesTest)
    assertEquals("In short: a story.\n\nStory.\n\nA correction was appended.", text(html));
  }

  @Test
  void aFormWrappingThePageIsKept() {
    String html =
        "<body><form id=form1 action=x><div><h1>News</h1><p>The article text.</p>"
            + "<input type=hidden value=state></div></form></body>";
    assertEquals("The article text.", text(html));
  }

  @Test
  void hiddenElementsAreDropped() {
    String html =
        "<p>shown</p><p hidden>h1</p><div style=\"display: none\">h2</div>"
            + "<span aria-hidden=true>h3</span><p style='visibility:hidden'>h4</p>";
    assertEquals("shown", text(html));
  }

  @Test
  void whitespaceIsNormalisedInsideLines() {
    String html = "<p>\u00a0 a\u00a0\u00a0b \t c\u3000d \ufeff</p><p>   </p><p>\n e \n</p>";
    assertEquals("a b c d\n\ne", text(html));
  }

  @Test
  void titleIsCollapsedAndSeparateFromText() {
    HtmlExtractor.Page p =
        HtmlExtractor.extract(
            "<html><head><title>  My \n Page </title></head><body><p>x</p></body></html>");
    assertEquals("My Page", p.title());
    assertEquals("x", p.text());
    assertEquals("", HtmlExtractor.extract("<p>no title</p>").title());
  }

  @Test
  void bytesAreDecodedWithTheHttpCharset() {
    String html = "<html><head><title>中文</title></head><body><p>你好，世界</p></body></html>";
    byte[] gbk = html.getBytes(java.nio.charset.Charset.forName("GBK"));
    HtmlExtractor.Page p = HtmlExtractor.extract(gbk, gbk.length, "text/html; charset=gb2312");
    assertEquals("中文", p.title());
    assertEquals("你好，世界", p.text());
    assertEquals("GB18030", p.charset());
    assertEquals(PageDecoder.Source.HTTP, p.charsetSource());
  }

  @Test
  void anyInputGivesAResultAndNeverThrows() {
    assertEquals("", text(""));
    assertEquals("", text("<html><body></body></html>"));
    assertEquals("<<>>", text("<<>>"));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 5000; i++) deep.append("<div><span>");
    deep.append("deep");
    assertEquals("deep", text(deep.toString()));
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[r.nextInt(2000)];
      r.nextBytes(junk);
      String type = i % 2 == 0 ? null : "text/html; charset=bogus";
      HtmlExtractor.Page p = HtmlExtractor.extract(junk, junk.length, type);
      assertNotNull(p.text());
      assertFalse(p.text().startsWith(" ") || p.text().endsWith(" "));
    }
  }

  @Test
  void unclosedTagsStillGiveTheirText() {
    // the li closes the open paragraph: a paragraph break, not a line break
    assertEquals("one\n\ntwo\n\nitem", text("<p>one<p>two<li>item"));
    String page =
        new String("<p>caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertTrue(text(page).endsWith("café"));
  }

  @Test
  void headlineGoesToTheTitleAndBackIntoTheTextOnlyWhenAsked() {
    String body =
        "<p>The council voted on Tuesday to raise the budget of the public libraries by twelve"
            + " percent, the first increase in almost a decade, after a long debate.</p>";
    String html =
        "<html><head><title>Libraries get more money | Example News</title></head><body>"
            + "<article><h1>Libraries get more money</h1>" + body + "</article></body></html>";
    HtmlExtractor.Page without = HtmlExtractor.extract(html, "balanced", false);
    assertEquals("Libraries get more money | Example News", without.title());
    assertFalse(without.text().contains("Libraries get more money"), without.text());
    assertTrue(without.text().startsWith("The council voted"), without.text());
    HtmlExtractor.Page with = HtmlExtractor.extract(html, "balanced", true);
    assertEquals("Libraries get more money\n\n" + without.text(), with.text());
  }

  @Test
  void aProductNameInTheH1StaysInTheText() {
    String html =
        "<html><head><title>Oak desk 120 cm</title>"
            + "<meta property=\"og:type\" content=\"product\"></head><body><main>"
            + "<h1>Oak desk 120 cm</h1><p>A solid oak desk with two drawers, oiled by hand, for"
            + " a study or a small office; delivered assembled.</p></main></body></html>";
    assertTrue(HtmlExtractor.extract(html).text().startsWith("Oak desk 120 cm"));
  }
}
