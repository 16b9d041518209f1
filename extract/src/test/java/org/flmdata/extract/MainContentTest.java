package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Main-content extraction on small hand-written pages, one kind of boilerplate at a time, in
 * English and in Chinese. Each page is a site header with navigation, an article of three
 * paragraphs, and the boilerplate under test; the article must come out whole and the boilerplate
 * not at all.
 */
class MainContentTest {

  /** An article in one language: headline and three paragraphs. */
  record Article(String headline, List<String> paragraphs) {
    String html() {
      StringBuilder b = new StringBuilder("<h1>").append(headline).append("</h1>");
      for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
      return b.toString();
    }
  }

  static final Article EN =
      new Article(
          "City council approves new budget for public libraries",
          List.of(
              "The city council voted on Tuesday to raise the budget of the public libraries by"
                  + " twelve percent, the first increase in almost a decade.",
              "Librarians said the money would pay for longer opening hours, more staff in the"
                  + " evenings, and a mobile library that will visit outlying districts.",
              "The mayor, who proposed the increase, said that libraries were among the few"
                  + " places where anyone could spend a day without paying for anything."));

  static final Article ZH =
      new Article(
          "市议会通过公共图书馆新预算",
          List.of(
              "市议会周二投票决定，将公共图书馆的预算提高百分之十二，这是近十年来的首次增加。",
              "图书馆员表示，这笔资金将用于延长开放时间、增加晚间工作人员，以及开设一辆前往偏远地区的流动图书馆。",
              "提出增加预算的市长说，图书馆是少数任何人都可以不花钱度过一整天的地方之一。"));

  /** A page: site header and menu, the article with {@code inside} after it, then {@code after}. */
  static String page(Article a, String inside, String after) {
    return "<html><head><title>"
        + a.headline()
        + "</title></head><body>"
        + "<div class=\"site-header\"><a href=\"/\">Example</a></div>"
        + "<div id=\"wrapper\"><div id=\"main\"><div class=\"post\">"
        + a.html()
        + inside
        + "</div>"
        + after
        + "</div></div></body></html>";
  }

  private static String text(String html) {
    return HtmlExtractor.extract(html).text();
  }

  private static void assertArticleOnly(Article a, String html, String... boilerplate) {
    String t = text(html);
    for (String p : a.paragraphs()) assertTrue(t.contains(p), "paragraph lost: " + p + "\n" + t);
    // the headline is the title: out of the text unless extract.include_title puts it first
    assertFalse(t.contains(a.headline()), "headline kept in the text:\n" + t);
    String titled = HtmlExtractor.extract(html, HtmlExtractor.DEFAULT_MODE, true).text();
    assertEquals(a.headline() + "\n\n" + t, titled);
    for (String b : boilerplate) assertFalse(t.contains(b), "boilerplate kept: " + b + "\n" + t);
  }

  @Test
  void navigationMenusAreDroppedInEnglishAndChinese() {
    String en =
        "<ul class=\"main-menu\"><li><a href=/w>World</a></li><li><a href=/b>Business</a></li>"
            + "<li><a href=/s>Sport</a></li></ul>";
    assertArticleOnly(EN, page(EN, "", en), "World", "Business", "Sport");
    String zh =
        "<div id=\"topNav\"><a href=/1>首页</a> | <a href=/2>国内新闻</a> | <a href=/3>体育频道</a>"
            + "</div>";
    assertArticleOnly(ZH, page(ZH, "", zh), "首页", "国内新闻", "体育频道");
  }

  @Test
  void linkListsWithoutHintsAreDroppedByLinkDensity() {
    String en =
        "<div><a href=/1>Weather forecast for the weekend</a> <a href=/2>Traffic updates and"
            + " road closures</a> <a href=/3>Local elections guide</a></div>";
    assertArticleOnly(EN, page(EN, "", en), "Weather forecast", "Traffic updates");
    String zh =
        "<div><a href=/1>周末天气预报</a> <a href=/2>交通路况及封路信息</a> <a href=/3>地方选举指南</a>"
            + "</div>";
    assertArticleOnly(ZH, page(ZH, "", zh), "周末天气预报", "交通路况");
  }

  @Test
  void footersAndCopyrightLinesAreDropped() {
    String en =
        "<div class=\"site-footer\"><p>Example News, 1 Main Street, Springfield. Contact us at"
            + " desk@example.org for corrections and tips.</p><p><a href=/privacy>Privacy</a></p>"
            + "</div>";
    String enCopyright = "<p>© 2024 Example News Ltd. All rights reserved.</p>";
    assertArticleOnly(EN, page(EN, enCopyright, en), "Springfield", "All rights reserved");
    String zh =
        "<div id=\"footer\"><p>地址：北京市东城区示例路一号，联系电话：010-12345678，欢迎读者来信指正。</p></div>";
    String zhCopyright = "<p>版权所有 © 2024 示例新闻网 京ICP备12345678号</p>";
    assertArticleOnly(ZH, page(ZH, zhCopyright, zh), "北京市东城区", "版权所有");
  }

  @Test
  void cookieBannersAreDroppedEvenWithLongText() {
    String en =
        "<div class=\"cookie-consent\"><p>We use cookies to improve your experience on our"
            + " site, to show you personalised advertising and to analyse our traffic. By"
            + " continuing to browse you agree to our use of cookies.</p><a href=#>Accept</a></div>";
    assertArticleOnly(EN, page(EN, "", en), "We use cookies", "Accept");
    String zh =
        "<div id=\"gdpr-banner\"><p>本网站使用Cookie来改善您的浏览体验、向您展示个性化广告并分析网站流量。继续浏览即表示您同意我们使用Cookie。"
            + "</p></div>";
    assertArticleOnly(ZH, page(ZH, "", zh), "本网站使用Cookie");
  }

  @Test
  void commentSectionsAreDroppedEvenWhenLongerThanTheArticle() {
    StringBuilder en = new StringBuilder("<section id=\"comments\"><h3>42 comments</h3>");
    StringBuilder zh = new StringBuilder("<div class=\"comment-list\"><h3>网友评论</h3>");
    for (int i = 0; i < 6; i++) {
      en.append("<div class=\"comment\"><p>Reader ")
          .append(i)
          .append(" wrote: I completely disagree with this decision, because the libraries in")
          .append(" my district are already empty most of the week, and the money would be")
          .append(" better spent on roads.</p></div>");
      zh.append("<div class=\"reply\"><p>网友")
          .append(i)
          .append("：我完全不同意这个决定，我们区的图书馆一周大部分时间都空着，这笔钱用来修路更好。</p></div>");
    }
    en.append("</section>");
    zh.append("</div>");
    assertArticleOnly(EN, page(EN, "", en.toString()), "42 comments", "I completely disagree");
    assertArticleOnly(ZH, page(ZH, "", zh.toString()), "网友评论", "我完全不同意");
  }

  @Test
  void shareWidgetsInsideTheArticleAreDropped() {
    String en =
        "<div class=\"share-buttons\"><a href=#>Share on Facebook</a> <a href=#>Tweet</a>"
            + " <a href=#>Email</a></div>";
    assertArticleOnly(EN, page(EN, en, ""), "Share on Facebook", "Tweet");
    String zh = "<div class=\"bdsharebuttonbox social\">分享到：<a href=#>微信</a> <a href=#>微博</a></div>";
    assertArticleOnly(ZH, page(ZH, zh, ""), "分享到", "微博");
  }

  @Test
  void relatedArticlesAreDropped() {
    String en =
        "<div class=\"related-posts\"><h3>Related articles</h3><ul><li><a href=/a>School board"
            + " delays vote on new curriculum for next year</a></li><li><a href=/b>Museum"
            + " reopens after two years of renovation work</a></li></ul></div>";
    assertArticleOnly(EN, page(EN, "", en), "Related articles", "School board", "Museum");
    String zh =
        "<div class=\"xgyd recommend\"><h3>相关阅读</h3><ul><li><a href=/a>教育局推迟新课程表决</a></li>"
            + "<li><a href=/b>博物馆整修两年后重新开放</a></li></ul></div>";
    assertArticleOnly(ZH, page(ZH, "", zh), "相关阅读", "教育局", "博物馆");
  }

  @Test
  void headingsListsTablesAndCodeInsideTheArticleAreKept() {
    String inside =
        "<h2>How the money is spent</h2><ul><li>Opening hours: 40%</li><li>Staff: 35%</li></ul>"
            + "<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2023</td><td>1.2m</td></tr>"
            + "</table><pre>total = base * 1.12\n    print(total)</pre>";
    String t = text(page(EN, inside, ""));
    assertTrue(
        t.contains(
            "How the money is spent\n\nOpening hours: 40%\nStaff: 35%\n\nYear Budget\n2023 1.2m"
                + "\n\ntotal = base * 1.12\n    print(total)"),
        t);
  }

  @Test
  void recallKeepsProseBesideTheArticleThatPrecisionLeavesOut() {
    String about =
        "<div><p>Jane Doe has covered local politics for the paper since 2015 and writes a"
            + " weekly column.</p></div>";
    String html = page(EN, "", "</div><div id=\"side\">" + about);
    String recall = HtmlExtractor.extract(html, "recall").text();
    String precision = HtmlExtractor.extract(html, "precision").text();
    assertTrue(recall.contains("Jane Doe"), recall);
    assertFalse(precision.contains("Jane Doe"), precision);
    for (String p : EN.paragraphs()) {
      assertTrue(recall.contains(p));
      assertTrue(precision.contains(p));
    }
  }

  @Test
  void chineseCharactersWeighThreeAndWhitespaceNothing() {
    assertEquals(3 * 4 + 3, Measure.weight("中文 汉字 a\u00a0b c\n"));
    assertEquals(3 * 2, Measure.weight("ひら"));
    assertEquals(0, Measure.weight(" \t\n"));
  }

  @Test
  void shortChineseParagraphsStillScoreAsContent() {
    // 12-character sentences: under the 25-character paragraph floor counted in characters,
    // over it counted in weighted characters; the article wins over a Latin link block
    Article shortZh =
        new Article("短句测试", List.of("今天上午市里召开了会议。", "会议讨论了图书馆预算。", "多数代表投票表示赞成。"));
    String side = "<div class=\"x\"><a href=/1>Login</a> <a href=/2>Register account</a></div>";
    assertArticleOnly(shortZh, page(shortZh, "", side), "Login", "Register");
  }

  @Test
  void unknownModeIsBalancedAndEveryModeIsTotal() {
    String html = page(EN, "", "");
    assertEquals(text(html), HtmlExtractor.extract(html, "no-such-mode").text());
    for (String mode : HtmlExtractor.MODES) {
      assertEquals("", HtmlExtractor.extract("", mode).text());
      assertEquals("", HtmlExtractor.extract((String) null, mode).text());
      assertTrue(HtmlExtractor.extract(html, mode).text().contains(EN.paragraphs().get(0)));
    }
  }

  @Test
  void aPageWithoutScorableBlocksKeepsItsPrunedBody() {
    String html =
        "<body><nav><a>Home</a></nav><div class=\"menu\"><a>About</a></div><p>Short note.</p>"
            + "</body>";
    assertEquals("Short note.", text(html));
  }
}
