package org.flmdata.jobs.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a site's chrome in its language: buttons, headings, bylines, dates. */
record ChromeLabels(
    String home,
    String by,
    String related,
    String share,
    String accept,
    String manage,
    String search,
    String newsletter,
    String newsletterText,
    String subscribe,
    String comments,
    String reply,
    String leaveReply,
    String previous,
    String next,
    String views,
    String advert,
    Locale locale,
    String datePattern) {

  static final ChromeLabels EN = new ChromeLabels("Home", "By", "Related articles", "Share this",
      "Accept all", "Manage preferences", "Search", "Get our newsletter",
      "The week's best stories in your inbox every Friday.", "Subscribe", "Comments", "Reply",
      "Leave a reply", "Previous", "Next", "Views", "Advertisement", Locale.ENGLISH,
      "d MMMM yyyy");
  static final ChromeLabels ZH = new ChromeLabels("首页", "作者：", "相关文章", "分享到", "全部接受",
      "管理偏好", "搜索", "订阅我们的周报", "每周五把精选文章发送到您的邮箱。", "订阅", "网友评论", "回复", "发表评论", "上一篇",
      "下一篇", "浏览次数", "广告", Locale.CHINESE, "yyyy年MM月dd日");
  static final ChromeLabels DE = new ChromeLabels("Startseite", "Von", "Weitere Artikel",
      "Teilen", "Alle akzeptieren", "Einstellungen", "Suche", "Unser Newsletter",
      "Die besten Geschichten der Woche, jeden Freitag.", "Abonnieren", "Kommentare",
      "Antworten", "Kommentar schreiben", "Zurück", "Weiter", "Aufrufe", "Anzeige",
      Locale.GERMAN, "d. MMMM yyyy");

  static ChromeLabels of(String lang) {
    return switch (lang) {
      case "zh" -> ZH;
      case "de" -> DE;
      default -> EN;
    };
  }

  String date(LocalDate d) {
    return DateTimeFormatter.ofPattern(datePattern, locale).format(d);
  }
}
