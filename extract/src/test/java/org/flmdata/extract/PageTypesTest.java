package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One hand-written page for each page type of the WCXB benchmark (article, documentation, service,
 * forum, product, collection, listing), in English and in Chinese, inside the same site chrome (a
 * menu, a sidebar of links, a footer). Each test asserts the lines that must be kept and the
 * boilerplate that must not.
 */
class PageTypesTest {

  /** Words of one language for the site chrome. */
  record Chrome(String[] menu, String[] sidebar, String footer) {}

  static final Chrome EN =
      new Chrome(
          new String[] {"Home", "World news", "Business desk", "Contact us"},
          new String[] {"Most read this week", "Editors picks of the day", "Archive by month"},
          "Copyright 2025 Example Media. All rights reserved.");

  static final Chrome ZH =
      new Chrome(
          new String[] {"首页", "国际新闻", "财经频道", "联系我们"},
          new String[] {"本周热门文章排行", "编辑精选推荐阅读", "按月份浏览存档"},
          "版权所有 © 2025 示例传媒");

  /** A page: {@code head} in the head, {@code content} between the site's menu and footer. */
  static String page(Chrome c, String head, String content) {
    StringBuilder b = new StringBuilder("<html><head><title>Example</title>").append(head);
    b.append("</head><body><div class=\"site-header\"><ul class=\"main-menu\">");
    for (String m : c.menu()) b.append("<li><a href=\"/").append(m.hashCode()).append("\">").append(m).append("</a></li>");
    b.append("</ul></div><div id=\"wrapper\">").append(content);
    b.append("<div class=\"sidebar\"><ul>");
    for (String s : c.sidebar()) b.append("<li><a href=\"/s").append(s.hashCode()).append("\">").append(s).append("</a></li>");
    b.append("</ul></div></div><div class=\"footer\"><p>").append(c.footer()).append("</p></div>");
    return b.append("</body></html>").toString();
  }

  static void assertKeptAndDropped(Chrome c, String html, List<String> kept, String... dropped) {
    String t = HtmlExtractor.extract(html).text();
    for (String k : kept) assertTrue(t.contains(k), "lost: " + k + "\n---\n" + t);
    List<String> out = new ArrayList<>(List.of(dropped));
    out.addAll(List.of(c.menu()));
    out.addAll(List.of(c.sidebar()));
    out.add(c.footer());
    for (String d : out) assertFalse(t.contains(d), "kept: " + d + "\n---\n" + t);
  }

  static String paragraphs(List<String> ps) {
    StringBuilder b = new StringBuilder();
    for (String p : ps) b.append("<p>").append(p).append("</p>");
    return b.toString();
  }

  // --- article ---------------------------------------------------------------------------------

  static void article(Chrome c, String headline, List<String> body, String related) {
    String html =
        page(
            c,
            "<meta property=\"og:title\" content=\"" + headline + "\">",
            "<main><article><h1>" + headline + "</h1>" + paragraphs(body) + "</article>"
                + "<div class=\"related-posts\"><h3>" + related + "</h3><ul><li><a href=/r1>"
                + related + " 1</a></li><li><a href=/r2>" + related + " 2</a></li></ul></div>"
                + "</main>");
    assertKeptAndDropped(c, html, body, headline, related);
  }

  @Test
  void anArticleKeepsItsParagraphsAndDropsHeadlineRelatedAndChrome() {
    article(
        EN,
        "Harbour bridge reopens after two years of repairs",
        List.of(
            "The harbour bridge reopened to traffic on Monday morning, two years after engineers"
                + " found cracks in two of its steel supports.",
            "Commuters who had taken the ferry or a long detour through the valley said the"
                + " reopening would save them almost an hour a day.",
            "The repairs cost more than planned, the city said, because the old paint contained"
                + " lead and had to be removed by hand."),
        "Related stories");
    article(
        ZH,
        "港口大桥经过两年维修后重新开放",
        List.of(
            "港口大桥周一上午重新通车，距工程师在两根钢支柱上发现裂缝已过去两年。",
            "此前改乘渡轮或绕道山谷的通勤者表示，大桥重新开放后每天能节省将近一个小时。",
            "市政府说，维修费用超出预算，因为旧油漆含铅，只能人工清除。"),
        "相关阅读");
  }

  /**
   * A news article whose chosen content holds what frames it: the headline again in an h2, the
   * byline, the date, the share buttons, the picture's credit, and after the text the tags and a
   * call to subscribe. The text is the paragraphs alone.
   */
  static void newsArticle(
      Chrome c, String headline, List<String> frame, List<String> body, List<String> after) {
    StringBuilder b = new StringBuilder("<div class=\"story\"><h2>").append(headline).append("</h2>");
    for (String f : frame) b.append("<div class=\"meta\">").append(f).append("</div>");
    b.append(paragraphs(body));
    for (String a : after) b.append("<div>").append(a).append("</div>");
    String html =
        page(c, "<meta property=\"og:title\" content=\"" + headline + " - Example\">", b + "</div>");
    assertEquals(String.join("\n\n", body), HtmlExtractor.extract(html).text());
    List<String> dropped = new ArrayList<>(frame);
    dropped.addAll(after);
    dropped.add(headline);
    assertKeptAndDropped(c, html, body, dropped.toArray(String[]::new));
  }

  @Test
  void aNewsArticleLeavesOutItsBylineDateShareButtonsCreditAndTags() {
    newsArticle(
        EN,
        "Night trains to the coast return this summer",
        List.of("By Jane Roe and Tom Poe", "Published June 12, 2025 9:49 am EST", "4 min read",
            "Share Tweet Email", "Photo: Noah Berger / AP"),
        List.of(
            "Night trains to the coast will run again from July, the rail company said on Tuesday,"
                + " after a break of six years.",
            "The trains leave the capital at ten in the evening and reach the harbour towns early"
                + " the next morning, in time for the first ferries.",
            "Tickets go on sale next week; a couchette costs about as much as a night in a small"
                + " hotel by the sea."),
        List.of("Tags: Rail, Travel, Summer", "Sign up for our weekly newsletter"));
    newsArticle(
        ZH,
        "今年夏天开往海边的夜班火车恢复运行",
        List.of("2025-06-12 09:49 来源：示例日报", "记者 张三 李四", "分享到"),
        List.of(
            "铁路公司周二表示，停运六年之后，开往海边的夜班火车将从七月起恢复运行。",
            "列车晚上十点从首都出发，第二天清晨抵达沿海城镇，正好赶上第一班渡轮。",
            "车票下周开始发售，一张卧铺的价格与海边小旅馆住一晚的费用差不多。"),
        List.of("标签：铁路 旅游 夏季", "相关阅读"));
  }

  // --- documentation ---------------------------------------------------------------------------

  static void documentation(Chrome c, String heading, String intro, String code, String row) {
    String html =
        page(
            c,
            "",
            "<nav class=\"docs-toc\"><a href=/a>Installation guide</a><a href=/b>配置参考</a></nav>"
                + "<div class=\"content\"><h1>" + heading + "</h1><p>" + intro + "</p>"
                + "<pre><code>" + code + "</code></pre><table><tr><th>key</th><th>default</th>"
                + "</tr><tr><td>" + row + "</td><td>8</td></tr></table></div>");
    assertKeptAndDropped(
        c, html, List.of(intro, code, row + " 8"), "Installation guide", "配置参考");
  }

  @Test
  void documentationKeepsProseCodeLinesAndTableRowsWithoutTheTableOfContents() {
    documentation(
        EN,
        "Configuring workers",
        "Each worker reads its settings from the file given with --config; a setting missing"
            + " there takes the default shown in the table below.",
        "workers:\n  threads: 8\n  queue: 1024",
        "threads");
    documentation(
        ZH,
        "配置工作进程",
        "每个工作进程从 --config 指定的文件读取设置；文件中没有的设置取下表所列的默认值，修改后需要重新启动进程才能生效。",
        "workers:\n  threads: 8\n  queue: 1024",
        "线程数");
  }

  // --- service ---------------------------------------------------------------------------------

  static void service(Chrome c, String intro, List<String> features, String cta) {
    StringBuilder f = new StringBuilder("<div class=\"features\">");
    for (String s : features) f.append("<div class=\"feature\"><p>").append(s).append("</p></div>");
    f.append("</div>");
    String html =
        page(
            c,
            "",
            "<div class=\"page-content\"><p>" + intro + "</p>" + f
                + "<div class=\"cta\"><a href=/buy>" + cta + "</a></div></div>");
    List<String> kept = new ArrayList<>(features);
    kept.add(intro);
    assertKeptAndDropped(c, html, kept, cta);
  }

  @Test
  void aServicePageKeepsItsIntroductionAndEveryFeature() {
    service(
        EN,
        "We repair and service bicycles of every make at our workshop in the old town, usually"
            + " within two working days.",
        List.of(
            "Basic service: brakes and gears adjusted, chain cleaned and oiled, tyres checked.",
            "Full service: the bike taken apart, every bearing cleaned and regreased, wheels trued.",
            "Pick-up and delivery in the city for a small fee, booked online or by phone."),
        "Book your service now");
    service(
        ZH,
        "我们在老城区的车间维修和保养各种品牌的自行车，通常在两个工作日内完成，并提供半年的免费复查服务。",
        List.of(
            "基础保养：调整刹车和变速，清洁并润滑链条，检查轮胎气压和磨损情况。",
            "全面保养：整车拆解，清洁每个轴承并重新上油，校正车轮，更换磨损的刹车片。",
            "市内上门取送车服务，收取少量费用，可在网上或通过电话预约时间。"),
        "立即预约保养");
  }

  // --- forum -----------------------------------------------------------------------------------

  static void forum(Chrome c, List<String> posts, String signIn) {
    StringBuilder t = new StringBuilder("<div class=\"thread\">");
    int i = 0;
    for (String p : posts) {
      t.append("<div class=\"comment reply\"><div class=\"author\">user")
          .append(++i)
          .append("</div><div class=\"comment-body\"><p>")
          .append(p)
          .append("</p></div></div>");
    }
    t.append("</div>");
    String html =
        page(
            c,
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"DiscussionForumPosting\",\"headline\":\"x\"}</script>",
            t + "<div class=\"login-box\"><a href=/login>" + signIn + "</a></div>");
    assertKeptAndDropped(c, html, posts, signIn);
  }

  @Test
  void aForumThreadKeepsEveryPost() {
    forum(
        EN,
        List.of(
            "My sourdough starter smells of nail polish after a week in the fridge, is it dead?",
            "Not dead, just hungry: that smell is acetone, feed it twice a day for a few days.",
            "Agreed, and keep it at room temperature while you revive it, then back to the fridge.",
            "Thanks both, it doubled in six hours after the third feed and smells of yoghurt now."),
        "Sign in to reply");
    forum(
        ZH,
        List.of(
            "我的酸面种在冰箱里放了一周，闻起来有股指甲油的味道，是不是已经死了？",
            "没有死，只是饿了：那是丙酮的味道，每天喂两次，连续喂几天就好了。",
            "同意，恢复期间放在室温下，等它活跃起来以后再放回冰箱里保存。",
            "谢谢两位，第三次喂养后六个小时就涨了一倍，现在闻起来像酸奶了。"),
        "登录后回复");
  }

  /**
   * A Chinese forum thread as Discuz-style boards write it, without schema.org markup: every post
   * under its author and date. The dates recur, so they are the posts' own lines and stay.
   */
  @Test
  void aChineseForumThreadWithoutMarkupKeepsEveryPostWithItsAuthorAndDate() {
    List<String> posts =
        List.of(
            "我的酸面种在冰箱里放了一周，闻起来有股指甲油的味道，是不是已经死了？",
            "没有死，只是饿了：那是丙酮的味道，每天喂两次，连续喂几天就好了。",
            "同意，恢复期间放在室温下，等它活跃起来以后再放回冰箱里保存。",
            "谢谢两位，第三次喂养后六个小时就涨了一倍，现在闻起来像酸奶了。");
    StringBuilder t = new StringBuilder("<div id=\"postlist\">");
    List<String> kept = new ArrayList<>(posts);
    for (int i = 0; i < posts.size(); i++) {
      String head = "烘焙爱好者" + (i + 1) + " 发表于 2024-3-" + (i + 10) + " 21:0" + i;
      kept.add(head);
      t.append("<table class=\"plhin\"><tr><td class=\"pls\">").append(head)
          .append("</td></tr><tr><td class=\"t_f\">").append(posts.get(i))
          .append("</td></tr></table>");
    }
    t.append("</div>");
    assertKeptAndDropped(ZH, page(ZH, "", t.toString()), kept, "登录后回复");
  }

  // --- product ---------------------------------------------------------------------------------

  static void product(Chrome c, String name, String description, String spec, String related) {
    String html =
        page(
            c,
            "<meta property=\"og:type\" content=\"product\">",
            "<main><div class=\"product-detail\"><h1>" + name + "</h1><p class=\"price\">129.00</p>"
                + "<p>" + description + "</p><table class=\"specs\"><tr><td>" + spec + "</td>"
                + "<td>120 cm</td></tr></table></div><div class=\"related-products\"><h3>"
                + related + "</h3><ul><li><a href=/p1>Pine shelf</a></li><li><a href=/p2>"
                + "Birch stool</a></li></ul></div></main>");
    assertKeptAndDropped(c, html, List.of(name, description, spec + " 120 cm"), related);
  }

  @Test
  void aProductPageKeepsNameDescriptionAndSpecsButNotRelatedProducts() {
    product(
        EN,
        "Oak writing desk",
        "A solid oak desk with two drawers, oiled by hand, for a study or a small office;"
            + " delivered assembled with a ten-year guarantee.",
        "Width",
        "Customers also bought");
    product(
        ZH,
        "橡木书桌",
        "实木橡木书桌，带两个抽屉，手工上油，适合书房或小型办公室使用，送货上门时已组装好，并提供十年质保。",
        "宽度",
        "看了又看");
  }

  // --- collection and listing ------------------------------------------------------------------

  static void items(Chrome c, String intro, List<String> items, boolean teasers) {
    StringBuilder b = new StringBuilder("<div class=\"main-area\"><p>").append(intro).append("</p>");
    b.append(teasers ? "<div class=\"post-list\">" : "<ul class=\"product-grid\">");
    int i = 0;
    for (String it : items) {
      i++;
      if (teasers) {
        b.append("<div class=\"teaser\"><h2><a href=/n").append(i).append('>').append(it)
            .append("</a></h2><span class=\"date\">2025-0").append(i).append("-01</span></div>");
      } else {
        b.append("<li class=\"tile\"><a href=/p").append(i).append('>').append(it)
            .append("</a><span class=\"price\">").append(10 * i).append(".00</span></li>");
      }
    }
    b.append(teasers ? "</div>" : "</ul>").append("</div>");
    assertKeptAndDropped(c, page(c, "", b.toString()), items);
  }

  @Test
  void aCollectionKeepsEveryProductTileThoughTheyAreLinks() {
    items(
        EN,
        "Desks",
        List.of(
            "Oak writing desk with two drawers",
            "Standing desk, electric, walnut top",
            "Corner desk in white lacquer",
            "Children's desk with adjustable height",
            "Folding wall desk for small flats"),
        false);
    items(
        ZH,
        "书桌",
        List.of("橡木书桌带两个抽屉", "电动升降桌胡桃木桌面", "白色烤漆转角书桌", "可调节高度儿童书桌", "小户型折叠壁挂书桌"),
        false);
  }

  /** A Chinese news listing: each teaser with its date and a "read more" link; all stay. */
  @Test
  void aChineseListingKeepsEveryTeaserWithItsDate() {
    List<String> titles =
        List.of("港口大桥经过两年维修后重新开放", "市议会通过公共图书馆新预算", "今年夏天开往海边的夜班火车恢复运行",
            "春季花展参观人数创新高", "沿河规划新建自行车道");
    StringBuilder b = new StringBuilder("<div class=\"news-list\"><ul>");
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      String date = "2025年3月" + (i + 1) + "日";
      kept.add(titles.get(i));
      kept.add(date);
      b.append("<li><a href=/n").append(i).append('>').append(titles.get(i)).append("</a><span>")
          .append(date).append("</span><a href=/n").append(i).append(">阅读全文</a></li>");
    }
    assertKeptAndDropped(ZH, page(ZH, "", b.append("</ul></div>").toString()), kept);
  }

  @Test
  void aListingKeepsEveryTeaserThoughTheyAreLinks() {
    items(
        EN,
        "Latest news",
        List.of(
            "Harbour bridge reopens after two years of repairs",
            "City council approves new budget for public libraries",
            "Night trains to the coast return this summer",
            "Record number of visitors at the spring flower show",
            "New cycle lanes planned along the river"),
        true);
    items(
        ZH,
        "最新消息",
        List.of("港口大桥经过两年维修后重新开放", "市议会通过公共图书馆新预算", "今年夏天开往海边的夜班火车恢复运行", "春季花展参观人数创新高", "沿河规划新建自行车道"),
        true);
  }
}
