package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines {@link Edges} trims off the start and end of a page's text, and those it keeps. */
class EdgesTest {

  static final List<String> BODY =
      List.of(
          "The harbour bridge reopened to traffic on Monday morning, two years after engineers found"
              + " cracks in two of its steel supports.",
          "Commuters who had taken the ferry or a long detour through the valley said the reopening"
              + " would save them almost an hour a day.",
          "The repairs cost more than planned, the city said, because the old paint contained lead"
              + " and had to be removed by hand.");

  static final List<String> BODY_ZH =
      List.of(
          "港口大桥周一上午重新通车，距工程师在两根钢支柱上发现裂缝已过去两年。",
          "此前改乘渡轮或绕道山谷的通勤者表示，大桥重新开放后每天能节省将近一个小时。",
          "市政府说，维修费用超出预算，因为旧油漆含铅，只能人工清除。");

  static final String TITLE = "Harbour bridge reopens after two years of repairs";

  static String paragraphs(List<String> lines) {
    return String.join("\n\n", lines);
  }

  static String trim(String text) {
    return Edges.trim(text, List.of(TITLE + " | City News", ""), false, false);
  }

  @Test
  void bylineDateReadingTimeCreditAndShareLabelsBeforeTheArticleAreLeftOut() {
    List<String> head =
        List.of(
            TITLE,
            "By Jane Roe",
            "Senior Reporter",
            "Updated: June 12, 2020 9:49 am EST",
            "5 min read",
            "Share Tweet Email",
            "Photo: Noah Berger / AP");
    List<String> all = new ArrayList<>(head);
    all.addAll(BODY);
    assertEquals(paragraphs(BODY), trim(paragraphs(all)));
  }

  @Test
  void chineseSourceDateAndAuthorLinesAreLeftOut() {
    List<String> all = new ArrayList<>(List.of("发布时间：2024-03-01 10:20 来源：新华网", "作者：张三 责任编辑：李四"));
    all.addAll(BODY_ZH);
    all.add("相关阅读");
    all.add("市议会通过公共图书馆新预算");
    assertEquals(paragraphs(BODY_ZH), Edges.trim(paragraphs(all), List.of("", ""), false, false));
  }

  @Test
  void tagsRelatedLinksAndACallToSubscribeAfterTheArticleAreLeftOut() {
    List<String> all = new ArrayList<>(BODY);
    all.addAll(
        List.of(
            "Tags: Transport, City council",
            "Related articles",
            "Night trains to the coast return this summer",
            "New cycle lanes planned along the river",
            "Sign up for our newsletter"));
    assertEquals(paragraphs(BODY), trim(paragraphs(all)));
  }

  @Test
  void aTailHeadingBeforeMostOfTheTextOrRepeatedIsNotCut() {
    // "Related articles" after one short paragraph: what follows is most of the text
    List<String> early = new ArrayList<>(List.of(BODY.get(0), "Related articles"));
    early.addAll(BODY.subList(1, 3));
    early.addAll(BODY);
    String text = paragraphs(early);
    assertEquals(text, trim(text));
    // "Leave a comment" under every post of a blog's listing is the post's link, not a section
    List<String> listing = new ArrayList<>();
    for (String b : BODY) {
      listing.add(b);
      listing.add("Leave a comment");
    }
    listing.add(BODY.get(0));
    text = paragraphs(listing);
    assertEquals(text, trim(text));
  }

  @Test
  void datesAndNamesThatRecurAreItemsAndStay() {
    List<String> thread = new ArrayList<>();
    String[] users = {"Ann", "Bob", "Cy", "Dee"};
    for (int i = 0; i < users.length; i++) {
      thread.add(users[i]);
      thread.add("March " + (i + 3) + ", 2024, 10:1" + i + " am");
      thread.add(BODY.get(i % BODY.size()));
    }
    String text = paragraphs(thread);
    assertEquals(text, trim(text));
  }

  @Test
  void aDiscussionKeepsItsCommentsAndAProductItsNameAndDates() {
    List<String> all = new ArrayList<>(BODY);
    all.add("Comments");
    all.add("I crossed it this morning, what a relief after two years of detours!");
    String text = paragraphs(all);
    assertEquals(text, Edges.trim(text, List.of(TITLE, ""), false, true));
    assertEquals(paragraphs(BODY), Edges.trim(text, List.of(TITLE, ""), false, false));
    List<String> product = new ArrayList<>(List.of(TITLE, "Delivery Sat 7 Mar – Mon 9 Mar"));
    product.addAll(BODY);
    text = paragraphs(product);
    assertEquals(text, Edges.trim(text, List.of(TITLE, ""), true, false));
  }

  @Test
  void proseThatMentionsADateOrStartsWithByStays() {
    List<String> all = new ArrayList<>(BODY);
    all.add(0, "By the time the bridge reopened on June 12, 2020, the ferry had doubled its fares.");
    all.add("The council will review the costs on 12 March 2021 and publish its findings.");
    String text = paragraphs(all);
    assertEquals(text, trim(text));
  }

  @Test
  void aTextOfFramingLinesOnlyIsLeftAsItIs() {
    String text = "By Jane Roe\nJune 12, 2020\nShare";
    assertEquals(text, trim(text));
    assertEquals("", trim(""));
  }

  @Test
  void theHeadlineRepeatedInAnH2IsInTheTitleNotTheTextUnlessIncludeTitle() {
    String html =
        "<html><head><title>" + TITLE + " | City News</title></head><body><div class=content>"
            + "<h2>" + TITLE + "</h2><p class=byline>By Jane Roe</p><time>June 12, 2020</time>"
            + "<p>" + String.join("</p><p>", BODY) + "</p></div></body></html>";
    HtmlExtractor.Page p = HtmlExtractor.extract(html, "balanced", false);
    assertEquals(TITLE + " | City News", p.title());
    assertEquals(paragraphs(BODY), p.text());
    HtmlExtractor.Page with = HtmlExtractor.extract(html, "balanced", true);
    assertTrue(with.text().startsWith(TITLE + " | City News\n\n"), with.text());
    assertTrue(with.text().endsWith(paragraphs(BODY)), with.text());
    assertFalse(HtmlExtractor.extract(html, "recall", false).text().isEmpty());
  }
  @Test
  void aPaywallBoxInsideTheTextIsLeftOutAndOneMentionOfSubscribingStays() {
    List<String> box =
        List.of(
            "Access options",
            "Buy single article",
            "Instant access to the full article PDF.",
            "37,40 €",
            "Price includes VAT for Germany",
            "Subscribe to journal",
            "Immediate online access to all issues from 2019. Subscription will auto renew annually.",
            "71,04 €");
    List<String> all = new ArrayList<>(BODY.subList(0, 2));
    all.addAll(box);
    all.add(BODY.get(2));
    assertEquals(paragraphs(BODY), trim(paragraphs(all)));
    List<String> zh = new ArrayList<>(BODY_ZH.subList(0, 2));
    zh.addAll(List.of("订阅全文", "¥ 128", "登录后阅读全部内容"));
    zh.add(BODY_ZH.get(2));
    assertEquals(paragraphs(BODY_ZH), trim(paragraphs(zh)));
    // one offer line alone, and a price in a sentence, are the article's
    List<String> one = new ArrayList<>(BODY);
    one.add(1, "Subscribe now, the council urged residents, before the ferry timetable changes.");
    one.add(2, "$29.95");
    assertEquals(paragraphs(one), trim(paragraphs(one)));
  }

  @Test
  void aCallToDownloadTheSitesAppAfterTheArticleIsLeftOut() {
    List<String> all = new ArrayList<>(BODY);
    all.add("Get the latest news straight to your phone with the City News app.");
    assertEquals(paragraphs(BODY), trim(paragraphs(all)));
    all.set(all.size() - 1, "Download our free City News app for iPhone and Android.");
    assertEquals(paragraphs(BODY), trim(paragraphs(all)));
  }
}
