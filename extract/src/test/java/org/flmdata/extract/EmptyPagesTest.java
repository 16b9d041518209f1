package org.flmdata.extract;

import static org.flmdata.extract.PageTypesTest.EN;
import static org.flmdata.extract.PageTypesTest.ZH;
import static org.flmdata.extract.PageTypesTest.assertKeptAndDropped;
import static org.flmdata.extract.PageTypesTest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written pages whose whole content used to come out empty or wrong as a whole: each is
 * written the way a common page generator or a common mistake writes it (the Elementor page
 * builder, React's streaming server rendering, a header left open, a paywalled teaser beside a big
 * menu, a paged article, a page hidden until its script runs), in English and in Chinese.
 */
class EmptyPagesTest {

  static final List<String> EN_BODY =
      List.of(
          "The harbour bridge reopened on Monday after two years of repairs, and the first buses"
              + " crossed it shortly after six in the morning, carrying commuters to the city.",
          "Engineers replaced every cable of the southern span, which had corroded faster than"
              + " the original survey predicted, and strengthened the towers against storms.",
          "The city council said the repairs came in under budget, although the work took eight"
              + " months longer than planned because of a shortage of steel last winter.");

  static final List<String> ZH_BODY =
      List.of(
          "港口大桥在经过两年的维修之后于周一重新开放，第一批公交车在早上六点过后不久驶过大桥，把上班族送进城里。",
          "工程师更换了南段的全部钢缆，这些钢缆的腐蚀速度比最初的勘测预计的要快，塔架也得到了加固以抵御风暴。",
          "市议会表示，维修费用低于预算，不过由于去年冬天钢材短缺，工程比计划多用了八个月。");

  /** One Elementor text widget, as the builder writes it. */
  static String elementorText(String hash, String paragraph) {
    return "<div class=\"elementor-element elementor-element-" + hash
        + " elementor-widget elementor-widget-text-editor\" data-id=\"" + hash + "\">"
        + "<div class=\"elementor-widget-container\"><p>" + paragraph + "</p></div></div>";
  }

  /** An Elementor page: text widgets in a section, a share-buttons widget after them. */
  static String elementorPage(PageTypesTest.Chrome c, List<String> body, String share) {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"elementor elementor-4163\"><section class=\"elementor-section")
        .append(" elementor-top-section elementor-element\"><div class=\"elementor-container\">")
        .append("<div class=\"elementor-column elementor-col-100 elementor-top-column\">")
        .append("<div class=\"elementor-widget-wrap elementor-element-populated\">");
    int i = 0;
    for (String p : body) b.append(elementorText("f0ac16" + i++, p));
    b.append("<div class=\"elementor-element elementor-widget elementor-widget-share-buttons\">")
        .append("<div class=\"elementor-widget-container\"><a href=/s>")
        .append(share)
        .append("</a></div></div></div></div></div></section></div>");
    return page(c, "", b.toString());
  }

  @Test
  void elementorWidgetsAreContentAndTheirTypeNamesBoilerplate() {
    assertKeptAndDropped(EN, elementorPage(EN, EN_BODY, "Share on Facebook"), EN_BODY,
        "Share on Facebook");
    assertKeptAndDropped(ZH, elementorPage(ZH, ZH_BODY, "分享到微博"), ZH_BODY, "分享到微博");
    // the rules alone (balanced) keep the widgets too, not only the learned classifier
    for (List<String> body : List.of(EN_BODY, ZH_BODY)) {
      String t = HtmlExtractor.extract(elementorPage(EN, body, "Share"), "balanced").text();
      for (String p : body) assertTrue(t.contains(p), "lost: " + p + "\n---\n" + t);
    }
  }

  /**
   * A page of React's streaming rendering: a loading placeholder where the article goes, the
   * article in a hidden segment at the end of the body, and the script that swaps them.
   */
  static String streamedPage(PageTypesTest.Chrome c, List<String> body, String loading) {
    StringBuilder b = new StringBuilder();
    b.append("<main><!--$?--><template id=\"B:0\"></template><p class=\"skeleton\">")
        .append(loading)
        .append("</p><!--/$--></main>");
    String html = page(c, "", b.toString());
    StringBuilder seg = new StringBuilder("<div hidden id=\"S:0\"><article>");
    for (String p : body) seg.append("<p>").append(p).append("</p>");
    seg.append("</article></div><script>$RC(\"B:0\",\"S:0\")</script>");
    // the segment streams in after the rest of the page, at the end of the body
    return html.replace("</body>", seg + "</body>");
  }

  @Test
  void reactStreamingSegmentsAreContentThoughMarkedHidden() {
    assertKeptAndDropped(EN, streamedPage(EN, EN_BODY, "Loading"), EN_BODY);
    assertKeptAndDropped(ZH, streamedPage(ZH, ZH_BODY, "加载中"), ZH_BODY);
  }

  @Test
  void otherHiddenElementsStayHidden() {
    String html =
        "<p>" + EN_BODY.get(0) + "</p><div hidden id=\"S:x\"><p>not a segment</p></div>"
            + "<span hidden id=\"S:1\">a span is not a segment</span>";
    String t = HtmlExtractor.extract(html).text();
    assertEquals(EN_BODY.get(0), t);
  }
  /** A page whose header is never closed: the parser nests the article inside the header. */
  static String unclosedHeader(List<String> body, String logo) {
    StringBuilder b = new StringBuilder("<html><head><title>Example</title></head><body>");
    b.append("<div id=\"page\"><header id=\"branding\"><div class=\"row\"><a href=\"/\">")
        .append(logo)
        .append("</a></div><div id=\"wrap\"><article class=\"page\">");
    for (String p : body) b.append("<p>").append(p).append("</p>");
    return b.append("</article></div></div></body></html>").toString();
  }

  @Test
  void aHeaderLeftOpenAroundTheArticleDoesNotHideIt() {
    for (List<String> body : List.of(EN_BODY, ZH_BODY)) {
      String t = HtmlExtractor.extract(unclosedHeader(body, "Example logo")).text();
      for (String p : body) assertTrue(t.contains(p), "lost: " + p + "\n---\n" + t);
    }
    // a page-level header that does not hold the article stays out
    String closed =
        "<header><p>" + ZH_BODY.get(2) + "</p></header><article><p>" + ZH_BODY.get(0) + "</p><p>"
            + ZH_BODY.get(1) + "</p></article>";
    assertFalse(HtmlExtractor.extract(closed).text().contains(ZH_BODY.get(2)));
  }

  /**
   * A news page behind a paywall: the article is a one-sentence teaser, and the site's main menu
   * (submenus of many links) sits in an unnamed link-dense wrapper. The menu holds more text than
   * the teaser, but it is not a list of items.
   */
  static String teaserAndMenu(PageTypesTest.Chrome c, String teaser, String[] sections) {
    StringBuilder b = new StringBuilder("<html><head><title>Example</title></head><body>");
    b.append("<div class=\"td-header-wrap\"><ul id=\"menu-main-menu-1\" class=\"sf-menu\">");
    for (String s : sections) {
      b.append("<li><a href=\"/").append(s.hashCode()).append("\">").append(s).append("</a><ul>");
      for (int i = 1; i <= 4; i++) {
        b.append("<li><a href=\"/").append(s.hashCode()).append('/').append(i).append("\">")
            .append(s).append(' ').append(i).append("</a></li>");
      }
      b.append("</ul></li>");
    }
    b.append("</ul></div><article><div class=\"td-post-content\"><p>").append(teaser)
        .append("</p><div id=\"s-pay-barrier\"></div></div></article>");
    // sidebar boxes of other shapes: the page has much more text than the menu
    for (int i = 0; i < 8; i++) {
      b.append("<div class=\"box-").append((char) ('a' + i)).append(" sidebar\"><p>")
          .append(String.join(" ", c.sidebar())).append("</p></div>");
    }
    return b.append("</body></html>").toString();
  }

  @Test
  void aMenuIsNotTakenForTheItemsOfAShortArticle() {
    String en = EN_BODY.get(0);
    String zh = ZH_BODY.get(0);
    for (String mode : List.of("balanced", "learned")) {
      String t = HtmlExtractor.extract(
          teaserAndMenu(EN, en, new String[] {"Cayman News", "Business", "Crime and Courts",
              "Opinion", "Sports"}), mode).text();
      assertEquals(en, t, mode);
      t = HtmlExtractor.extract(
          teaserAndMenu(ZH, zh, new String[] {"国内新闻", "财经频道", "法治与社会", "评论", "体育"}), mode)
          .text();
      assertEquals(zh, t, mode);
    }
  }
  /** A paged article: one section shown, the others hidden until the reader clicks "Next". */
  static String pagedGallery(List<String> body) {
    StringBuilder b = new StringBuilder("<html><head><title>Example</title></head><body><main>");
    b.append("<div class=\"gallery\">");
    for (int i = 0; i < body.size(); i++) {
      b.append("<div id=\"section-").append(i).append("\" class=\"gallery-section")
          .append(i == 0 ? "\" style=\"display: block;\">" : " hidden\" style=\"display: none;\">")
          .append("<p>").append(body.get(i)).append("</p></div>");
    }
    b.append("</div><div class=\"note\" style=\"display:none\"><p>")
        .append("Please enable JavaScript to see the next page of this gallery.</p></div>");
    return b.append("</main></body></html>").toString();
  }

  @Test
  void theHiddenPagesOfAPagedArticleAreContentAndOtherHiddenBlocksAreNot() {
    for (List<String> body : List.of(EN_BODY, ZH_BODY)) {
      for (String mode : List.of("balanced", "learned")) {
        String t = HtmlExtractor.extract(pagedGallery(body), mode).text();
        for (String p : body) assertTrue(t.contains(p), mode + " lost: " + p + "\n---\n" + t);
        assertFalse(t.contains("enable JavaScript"), t);
      }
    }
  }
  @Test
  void aPageThatHidesAllItShowsUntilItsScriptRunsIsExtractedRevealed() {
    for (List<String> body : List.of(EN_BODY, ZH_BODY)) {
      // the whole page under a wrapper hidden until hydration; a hidden cookie dialog inside
      String html =
          "<html><head><title>Example</title></head><body><div id=\"__next\">"
              + "<div style=\"visibility:hidden;min-height:100vh\"><main><article>"
              + String.join("", body.stream().map(p -> "<p>" + p + "</p>").toList())
              + "</article></main><div class=\"cookie-consent\" hidden><p>We use cookies to"
              + " improve your experience on our site and to show you relevant adverts.</p></div>"
              + "</div></div></body></html>";
      for (String mode : List.of("balanced", "learned")) {
        String t = HtmlExtractor.extract(html, mode).text();
        for (String p : body) assertTrue(t.contains(p), mode + " lost: " + p + "\n---\n" + t);
        assertFalse(t.contains("cookies"), t);
      }
    }
    // a page with text shown keeps its hidden parts hidden
    String shown =
        "<p>" + EN_BODY.get(0) + "</p><p>" + EN_BODY.get(1) + "</p><div style=\"display:none\">"
            + "<p>" + EN_BODY.get(2) + "</p></div>";
    assertFalse(HtmlExtractor.extract(shown).text().contains(EN_BODY.get(2)));
  }
}
