package org.flmdata.jobs.sample;

import java.util.List;
import java.util.Map;
import org.flmdata.jobs.sample.Site.Layout;

/**
 * The invented websites of the sample crawl and which topics each publishes. Hosts live under
 * reserved {@code example.*} names. Chinese sites differ in charset handling on purpose: GBK and
 * GB18030 declared in the HTTP header and the page, and one GBK site that declares it only in an
 * {@code http-equiv} meta tag.
 */
final class Sites {
  private Sites() {}

  private static final String COOKIE_EN =
      "We use cookies to improve your experience, measure traffic and show relevant offers."
          + " By clicking Accept all you agree to our use of cookies.";
  private static final String COOKIE_ZH = "本网站使用Cookie来改善浏览体验并进行访问统计。继续浏览即表示您同意我们使用Cookie。";

  static final Site CHRONICLE = new Site("www.riverside-chronicle.example.com",
      "The Riverside Chronicle", "en", "UTF-8", true, false, Layout.SEMANTIC,
      List.of("Home", "Local News", "Transport", "Community", "Weather", "Opinion", "Contact"),
      COOKIE_EN,
      List.of("&copy; 2024 The Riverside Chronicle. All rights reserved.",
          "Privacy policy | Terms of use | Advertise with us | Contact the newsroom",
          "Registered office: 1 Quay Street. Company number 00000000."),
      "nginx/1.24.0");
  static final Site GREEN_PLOT = new Site("greenplot.example.org", "Green Plot Diaries", "en",
      "UTF-8", true, false, Layout.BLOG,
      List.of("Home", "Garden Journal", "Recipes", "About me", "Shop"), COOKIE_EN,
      List.of("&copy; 2024 Green Plot Diaries", "Proudly powered by a small blog engine",
          "Privacy | Cookie settings"),
      "Apache/2.4.58 (Unix)");
  static final Site CRUMB = new Site("www.crumbandcrust.example.net", "Crumb & Crust", "en",
      "windows-1252", true, false, Layout.BLOG,
      List.of("Home", "Bread", "Cakes", "Techniques", "Classes", "Contact"), COOKIE_EN,
      List.of("&copy; 2024 Crumb &amp; Crust. Recipes may be shared with a link back.",
          "Newsletter | Privacy | Terms"),
      "Apache/2.4.57 (Debian)");
  static final Site SKYLOG = new Site("www.skylog.example.com", "Skylog", "en", "utf-8", false,
      false, Layout.SEMANTIC,
      List.of("Home", "Tonight's Sky", "Equipment", "Club", "Gallery", "Join"), COOKIE_EN,
      List.of("&copy; 2024 Skylog Astronomy Club", "Site map | Privacy | Accessibility"),
      "nginx");
  static final Site THRIFTY = new Site("thriftyhome.example.com", "Thrifty Home", "en", "UTF-8",
      true, false, Layout.LEGACY,
      List.of("Home", "Money", "Repairs", "Energy", "Forum", "Contact"), COOKIE_EN,
      List.of("Copyright &copy; 2009-2024 Thrifty Home", "Disclaimer | Privacy | Site map"),
      "Microsoft-IIS/10.0");
  static final Site TRAIL = new Site("trailnotes.example.org", "Trail Notes", "en", "UTF-8",
      true, false, Layout.BLOG,
      List.of("Home", "Walks", "Gear", "Maps", "About"), COOKIE_EN,
      List.of("&copy; 2024 Trail Notes. Walk safely and leave no trace.", "Privacy | Contact"),
      "nginx/1.22.1");
  static final Site VALLEY_POST = new Site("www.valleypost.example.com", "The Valley Post", "en",
      "UTF-8", true, false, Layout.SEMANTIC,
      List.of("Home", "News", "Syndicated", "Sport", "What's on"), COOKIE_EN,
      List.of("&copy; 2024 The Valley Post", "About | Privacy | Complaints"), "cloudflare");

  static final Site LINJIANG = new Site("news.linjiang.example.com", "临江日报网", "zh", "GBK",
      true, false, Layout.SEMANTIC,
      List.of("首页", "本地新闻", "交通出行", "社区", "天气", "评论", "联系我们"), COOKIE_ZH,
      List.of("版权所有 &copy; 2024 临江日报网 未经授权禁止转载", "ICP备00000000号-1 | 关于我们 | 广告服务 | 联系我们"),
      "nginx/1.20.1");
  static final Site SHENGHUO = new Site("shenghuo.example.com", "生活家", "zh", "UTF-8", true,
      false, Layout.BLOG, List.of("首页", "园艺", "美食", "家居", "关于"), COOKIE_ZH,
      List.of("&copy; 2024 生活家 保留所有权利", "隐私政策 | 用户协议"), "Tengine");
  static final Site XINGKONG = new Site("tianwen.example.org", "星空观测站", "zh", "UTF-8", true,
      false, Layout.SEMANTIC, List.of("首页", "今夜星空", "器材", "协会活动", "摄影"), COOKIE_ZH,
      List.of("&copy; 2024 星空观测站", "网站地图 | 隐私政策"), "nginx");
  static final Site LICAI = new Site("licai.example.net", "小家理财", "zh", "GB18030", true,
      false, Layout.LEGACY, List.of("首页", "记账", "储蓄", "消费提醒", "论坛"), COOKIE_ZH,
      List.of("Copyright &copy; 2012-2024 小家理财 版权所有", "免责声明 | 网站地图 | ICP备00000001号"),
      "Microsoft-IIS/8.5");
  static final Site SHANSHUI = new Site("lvxing.example.com", "山水徒步网", "zh", "gbk", false,
      true, Layout.LEGACY, List.of("首页", "线路推荐", "装备", "游记", "论坛"), COOKIE_ZH,
      List.of("&copy; 2024 山水徒步网", "户外有风险，出行需谨慎 | 联系我们"), "Apache");
  static final Site SHUMA = new Site("keji.example.com", "数码生活", "zh", "UTF-8", true, false,
      Layout.BLOG, List.of("首页", "手机", "网络", "教程", "问答"), COOKIE_ZH,
      List.of("&copy; 2024 数码生活", "隐私政策 | 联系我们"), "openresty");
  static final Site ZIXUN = new Site("www.zixun.example.com", "资讯聚合网", "zh", "UTF-8", true,
      false, Layout.SEMANTIC, List.of("首页", "热点", "本地", "生活", "转载"), COOKIE_ZH,
      List.of("&copy; 2024 资讯聚合网 本站部分内容转载自网络", "联系我们 | 侵权投诉"), "nginx");

  static final Site STADTBLATT = new Site("stadtblatt.example.org", "Stadtblatt", "de", "UTF-8",
      true, false, Layout.SEMANTIC,
      List.of("Startseite", "Nachrichten", "Freizeit", "Kultur", "Kontakt"),
      "Wir verwenden Cookies, um unsere Website zu verbessern. Mit Alle akzeptieren stimmen Sie"
          + " der Verwendung zu.",
      List.of("&copy; 2024 Stadtblatt", "Impressum | Datenschutz | Kontakt"), "nginx");

  static final Site DEALS = new Site("best-deals-4u.example.net", "Best Deals 4 U", "en",
      "UTF-8", true, false, Layout.LEGACY, List.of("Home", "Deals", "Hotels", "Flights"),
      COOKIE_EN, List.of("&copy; 2024 Best Deals 4 U"), "Apache");
  static final Site TEJIA = new Site("tejia.example.net", "特价天天抢", "zh", "UTF-8", true, false,
      Layout.LEGACY, List.of("首页", "特价", "包邮", "优惠券"), COOKIE_ZH,
      List.of("&copy; 2024 特价天天抢"), "nginx");

  private static final Map<String, Site> EN_TOPICS = Map.of(
      "transit", CHRONICLE, "community", CHRONICLE, "garden", GREEN_PLOT, "baking", CRUMB,
      "astronomy", SKYLOG, "budget", THRIFTY, "repair", THRIFTY, "hiking", TRAIL);
  private static final Map<String, Site> ZH_TOPICS = Map.of(
      "transit", LINJIANG, "community", LINJIANG, "garden", SHENGHUO, "cooking", SHENGHUO,
      "astronomy", XINGKONG, "budget", LICAI, "hiking", SHANSHUI, "digital", SHUMA);

  /** Menu sections of sites that publish more than one topic; others file under menu entry 1. */
  private static final Map<String, String> SECTIONS = Map.of(
      "transit/" + CHRONICLE.host(), "Transport", "community/" + CHRONICLE.host(), "Community",
      "budget/" + THRIFTY.host(), "Money", "repair/" + THRIFTY.host(), "Repairs",
      "transit/" + LINJIANG.host(), "交通出行", "community/" + LINJIANG.host(), "社区",
      "garden/" + SHENGHUO.host(), "园艺", "cooking/" + SHENGHUO.host(), "美食");

  /** The menu section an article on {@code topic} is filed under at {@code site}. */
  static String section(Site site, String topic) {
    return SECTIONS.getOrDefault(topic + "/" + site.host(), site.nav().get(1));
  }

  /** The site that publishes {@code topic} in {@code lang} (en or zh). */
  static Site forTopic(String lang, String topic) {
    Site s = (lang.equals("zh") ? ZH_TOPICS : EN_TOPICS).get(topic);
    if (s == null) throw new IllegalArgumentException("no " + lang + " site for topic " + topic);
    return s;
  }
}
