package org.flmdata.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line at the edge of a page's text is, when it is not content: a <b>meta line</b> (the
 * article's date, byline, reading time, view count: "By Jane Roe | June 12, 2020 9:49 am EST",
 * "Posted by Konstantin 21.10.2019", "发布时间：2020-01-02 来源：新华网", "5 min read"), a <b>credit</b>
 * of the lead picture ("Photo: AP", "Noah Berger / AP", "(Image credit: Getty Images)"), a <b>page
 * control</b> ("Share", "Facebook Twitter Email", "Skip to content", "Table of contents"), or the
 * <b>heading of a tail section</b> ("Related articles", "About the author", "Tags: ...", "相关阅读",
 * "Das könnte Sie auch interessieren"). {@link Edges} trims such lines off the start and end of the
 * extracted text. English, German, French, Spanish, Italian, Dutch and Chinese/Japanese wording;
 * all matching is on one line, linear in its length. Pure and total.
 */
final class MetaLine {
  private MetaLine() {}

  /** Longest meta line (weighted characters): a byline with date, time and update. */
  static final int MAX_META = 160;

  /** Text left besides dates and meta words (weighted): an author's or a source's name. */
  static final int MAX_REST = 48;

  private static final String MONTH =
      "(?:jan(?:uary|vier|uar)?|feb(?:ruary|rero|braio|ruar)?|f[ée]vr(?:ier)?|mar(?:ch|s|zo)?"
          + "|m[äa]rz|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|mei|jun[ei]?|juin"
          + "|junio|giugno|jul[iy]?|juil(?:let)?|julio|luglio|aug(?:ust|ustus)?|ao[uû]t|agosto"
          + "|sep(?:t(?:ember|embre)?)?|sett(?:embre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?"
          + "|ott(?:obre)?|nov(?:ember|embre|iembre)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?"
          + "|dic(?:iembre|embre)?|ene(?:ro)?)\\.?";

  /** A date: numeric, with a month's name (day first or month first), or CJK year/month/day. */
  static final Pattern DATE =
      Pattern.compile(
          "(?iu)(?<![\\p{L}\\d])(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}"
              + "|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s*(?:de\\s+)?"
              + MONTH
              + "(?:,?\\s*(?:de\\s+)?\\d{4})?"
              + "|"
              + MONTH
              + "\\s*\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?"
              + "|"
              + MONTH
              + ",?\\s*\\d{4})(?![\\p{L}])"
              + "|\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日");

  /** A time of day, a reading time, a count of views or comments. */
  private static final Pattern TIME =
      Pattern.compile(
          "(?iu)(?<!\\d)\\d{1,2}[:：时時h]\\d{2}(?:[:：分]\\d{2})?\\s*(?:[ap]\\.?m\\.?|uhr|分)?"
              + "|(?<![\\p{L}\\d])\\d+\\s*(?:min(?:ute)?s?\\.?|minuten)\\s*(?:read|reading|lesezeit"
              + "|lesen|de lecture|de lectura|di lettura)(?![\\p{L}])"
              + "|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura"
              + "|tempo di lettura|阅读时间)\\s*[:：]?\\s*\\d+\\s*(?:min(?:ute)?s?\\.?|minuten|分钟)?"
              + "|(?<![\\p{L}\\d])[\\d.,]+\\s*[km]?\\s*(?:views?|reads?|comments?|kommentare|aufrufe|次浏览|次阅读|阅读|浏览)(?![\\p{L}])");

  /** Words that only frame a date or a byline. */
  private static final Pattern META_WORDS =
      Pattern.compile(
          "(?iu)(?<![\\p{L}])(?:published|updated|posted|last|modified|originally|created|reviewed"
              + "|written|edited|fact-checked|checked|by|and|on|at|in|the|date|time|read|reading"
              + "|est|edt|cst|cdt|pst|pdt|gmt|utc|ist|cet|cest|bst|et|pt|am|pm|ago|hours?|days?"
              + "|veröffentlicht|aktualisiert|zuletzt|geändert|erstellt|von|um|uhr|lesezeit|stand"
              + "|publié|mis à jour|le|par|publicado|actualizado|el|por|pubblicato|aggiornato"
              + "|ultima modifica|il|di|gepubliceerd|bijgewerkt|door|op)(?![\\p{L}])"
              + "|发布时间|发布日期|更新时间|发布|时间|日期|来源|稿件来源|作者|记者|编辑|责任编辑|责编|浏览|阅读|次数"
              + "|投稿|公開日|更新日|掲載");

  /** The start of a byline. */
  private static final Pattern BYLINE =
      Pattern.compile(
          "(?iu)^(?:(?:written|posted|words|story|reported|text|interview|photos?)\\s+by"
              + "|by|von|par|por|door|di|av|af|author|authors|autor|auteur|autore|redaktion"
              + "|interview|text)(?:\\s*[:：|/-]\\s*|\\s+|$)"
              + "|^(?:作者|记者|来源|编辑|责任编辑|责编|文|图|撰文|稿件来源|本报记者|通讯员)\\s*[：:|]?");

  /** A picture's credit or a caption ending in one. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?iu)^\\(?\\s*(?:photo|photos|photograph|image|images|picture|foto|fotos|bild|bilder"
              + "|credit|credits|source|quelle|fonte|fuente|crédit|illustration|图片来源|图片|摄影)"
              + "(?:\\s*(?:credit|by|source))?\\s*[:：/|(]"
              + "|(?<![\\p{L}])(?:getty images|shutterstock|istock(?:photo)?|ap photo|unsplash|pexels"
              + "|alamy|afp|reuters|dpa|epa|associated press|picture alliance|imago|courtesy of)"
              + "(?![\\p{L}])");

  /** Labels of page controls and share buttons: a line made of these only is not content. */
  static final Set<String> CONTROLS =
      Set.of(
          "share", "shares", "share this", "share this post", "share this article",
          "share this story", "share this page", "share on", "tweet", "print", "email", "e-mail",
          "mail", "copy", "copied", "copy link", "link copied", "save", "saved", "bookmark",
          "facebook", "twitter", "x", "linkedin", "pinterest", "whatsapp", "reddit", "telegram",
          "flipboard", "tumblr", "threads", "bluesky", "instagram", "youtube", "tiktok", "pin",
          "pin it", "skip to content", "skip to main content", "table of contents", "contents",
          "in this article", "on this page", "jump to", "advertisement", "advertisements",
          "sponsored", "ad", "listen", "listen to this article", "audio", "follow", "subscribe",
          "comments", "comment", "0 comments", "back", "home", "menu", "close", "hide", "show",
          "loading", "more", "toggle", "font size", "text size", "a", "a+", "a-",
          "teilen", "drucken", "anzeige", "werbung", "kommentare", "merken", "partager",
          "imprimer", "publicité", "compartir", "imprimir", "publicidad", "condividi", "stampa",
          "pubblicità", "delen", "分享", "分享到", "打印", "收藏", "返回", "返回顶部", "字号", "大", "中",
          "小", "关闭", "广告", "评论", "点赞", "转发", "微信", "微博", "qq", "qq空间", "シェア", "ツイート");

  /** Headings that open what follows an article: related links, bios, tags, comments. */
  static final Set<String> TAIL_HEADINGS =
      Set.of(
          "related articles", "related posts", "related stories", "related content",
          "related news", "related reading", "related topics", "related links", "related coverage",
          "related items", "recommended for you", "recommended reading", "recommended articles",
          "recommended stories", "you may also like", "you might also like",
          "you may also be interested in", "you might be interested in", "you may like",
          "you might like", "more stories", "more articles", "more news", "more to read",
          "more to explore", "more like this", "read next", "read also", "also read",
          "what to read next", "keep reading", "up next", "popular posts", "popular articles",
          "most popular", "most read", "trending now", "latest news", "latest posts",
          "latest articles", "recent posts", "recent articles", "about the author",
          "about the authors", "about the writer", "share this article", "share this post",
          "share this story", "tags", "filed under", "comments", "leave a comment", "leave a reply",
          "post a comment", "join the discussion", "join the conversation",
          "sign up for our newsletter", "subscribe to our newsletter", "from the web",
          "around the web", "suggested citation", "cite this article", "previous post",
          "next post", "previous article", "next article", "post navigation",
          "das könnte sie auch interessieren", "das könnte dich auch interessieren",
          "weitere artikel", "mehr zum thema", "ähnliche artikel", "ähnliche beiträge",
          "verwandte artikel", "kommentare", "kommentar schreiben", "schlagwörter",
          "auch interessant", "lesen sie auch", "empfohlene artikel", "über den autor",
          "über die autorin", "à lire aussi", "lire aussi", "articles similaires",
          "sur le même sujet", "vous aimerez aussi", "commentaires", "artículos relacionados",
          "también te puede interesar", "te puede interesar", "lee también",
          "noticias relacionadas", "comentarios", "leggi anche", "articoli correlati",
          "potrebbe interessarti", "commenti", "gerelateerde artikelen", "lees ook", "reacties",
          "相关阅读", "相关文章", "推荐阅读", "相关新闻", "延伸阅读", "热门推荐", "猜你喜欢", "热门文章", "最新文章",
          "相关推荐", "精彩推荐", "网友评论", "相关链接", "上一篇", "下一篇", "关联文章", "関連記事", "おすすめ記事",
          "人気記事");

  /** Openings of lines that open a tail section and run on ("Tags: Politics, Courts"). */
  private static final Pattern TAIL_START =
      Pattern.compile(
          "(?iu)^(?:about (?:the )?authors?\\s*[:：]|tags?\\s*[:：]|tagged(?: with| as)?\\s*[:：]"
              + "|filed under\\s*[:：]?|posted in\\s*[:：]?|categor(?:y|ies)\\s*[:：]"
              + "|topics?\\s*[:：]|keywords?\\s*[:：]|schlagw(?:ö|oe)rter\\s*[:：]|themen\\s*[:：]"
              + "|mots-clés\\s*[:：]|etiquetas\\s*[:：]|diese artikel könnten|suggested citation"
              + "|(?:标签|关键词|关键字|分类|タグ)\\s*[：:])");

  /** Openings of lines that end an article's page: calls to subscribe, follow, share. */
  private static final Pattern LAST_LINES =
      Pattern.compile(
          "(?iu)^(?:more from |read (?:the latest|more) (?:from|by|about) "
              + "|if you (?:enjoyed|liked|found|appreciate[ds]?) (?:this|reading|our|the)"
              + "|sign up (?:for|to) |subscribe (?:to|for) |never miss |follow us |share this "
              + "|share on |all rights reserved|©|copyright "
              + "|get (?:the latest|our) (?:news|updates|headlines|stories)"
              + "|download (?:the|our) (?:free |new )?(?:[\\p{L}-]+ ){0,3}app(?![\\p{L}]))"
              + "|(?<![\\p{L}])(?:sign up|subscribe|newsletter|follow us)(?![\\p{L}])");

  /**
   * Openings of the lines of a paywall or purchase box inside a page: offers to buy, rent or
   * subscribe, access and login prompts ("Buy single article", "Instant access to the full article
   * PDF.", "Subscribe to journal", "Already a subscriber? Log in", "订阅全文").
   */
  private static final Pattern OFFER =
      Pattern.compile(
          "(?iu)^(?:buy (?:this |single |the )?(?:article|issue|chapter|book|ebook|pdf|access)"
              + "|rent (?:this|the) article|purchase (?:this |the )?(?:article|pdf|access|issue)"
              + "|subscribe (?:to (?:the )?(?:journal|magazine|read|continue|unlock)|now)"
              + "|(?:instant|immediate|unlimited|full|digital) (?:online )?access to"
              + "|access (?:options|this article|the full)|get (?:full )?access"
              + "|already (?:a )?(?:subscriber|registered|have an account)"
              + "|(?:log|sign) ?in (?:via|through|to (?:read|continue|access))"
              + "|to (?:continue|keep) reading|continue reading with|start (?:your )?free trial"
              + "|this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members|premium)"
              + "|this is a preview of|tax calculation will be|prices? (?:may be subject|vary|include)"
              + "|订阅全文|购买全文|登录后阅读|会员专享|付费阅读)");

  /** A price alone on its line: "37,40 €", "$29.95", "USD 39.95", "¥ 128". */
  private static final Pattern PRICE =
      Pattern.compile(
          "^(?:[$€£¥]|usd|eur|gbp|chf|rmb)?\\s*\\d{1,5}(?:[.,]\\d{2})?\\s*"
              + "(?:[$€£¥]|usd|eur|gbp|chf|元)?(?:\\s*(?:/|per)\\s*\\w+)?$",
          Pattern.CASE_INSENSITIVE);

  /** Whether {@code line} offers to buy, rent or subscribe, or asks to log in to read on. */
  static boolean isOffer(String line) {
    int w = Measure.weight(line);
    return w > 0 && w <= 160 && OFFER.matcher(line.trim()).find();
  }

  /** Whether {@code line} is a price alone (with a currency sign or code). */
  static boolean isPrice(String line) {
    String s = line.trim();
    if (s.isEmpty() || s.length() > 24) return false;
    boolean currency = false;
    for (int i = 0; i < s.length() && !currency; i++) {
      char c = s.charAt(i);
      currency = c == '$' || c == '€' || c == '£' || c == '¥' || c == '元' || Character.isLetter(c);
    }
    return currency && PRICE.matcher(s).matches();
  }

  /** Whether {@code line} frames the article: a date, byline, reading time or view count. */
  static boolean isMeta(String line) {
    int w = Measure.weight(line);
    if (w == 0 || w > MAX_META) return false;
    String s = line.trim();
    boolean byline = BYLINE.matcher(s).find();
    if (!byline && !hasDigit(s)) return false;
    String rest = s;
    boolean dated = false;
    Matcher d = DATE.matcher(rest);
    if (d.find()) {
      dated = true;
      rest = d.replaceAll(" ");
    }
    Matcher t = TIME.matcher(rest);
    if (t.find()) {
      dated = true;
      rest = t.replaceAll(" ");
    }
    if (!dated && !byline) return false;
    rest = META_WORDS.matcher(rest).replaceAll(" ");
    if (Measure.weight(letters(rest)) > MAX_REST) return false;
    // a sentence that mentions a date ("By the time it reopened on June 12, 2020, ...")
    if (endsSentence(s) && rest.trim().split("[\\s\\p{Punct}]+").length >= 4) return false;
    // a byline without a date names one or a few people, not a sentence
    return dated || !endsSentence(s);
  }

  /** Whether {@code line} credits a picture (or is a short caption that ends in a credit). */
  static boolean isCredit(String line) {
    int w = Measure.weight(line);
    return w > 0 && w <= 120 && CREDIT.matcher(line.trim()).find();
  }

  /** Whether {@code line} is made of page-control labels only ("Share Tweet Email"). */
  static boolean isControl(String line) {
    String k = key(line);
    if (k.isEmpty()) return true;
    if (CONTROLS.contains(k)) return true;
    if (k.length() > 80) return false;
    for (String part : k.split("[\\s|/·•,]+")) {
      if (!part.isEmpty() && !CONTROLS.contains(part)) return false;
    }
    return true;
  }

  /** Whether {@code line} opens a tail section (related links, author box, tags, comments). */
  static boolean opensTail(String line) {
    int w = Measure.weight(line);
    if (w == 0 || w > 200) return false;
    if (w <= 60 && TAIL_HEADINGS.contains(key(line))) return true;
    return TAIL_START.matcher(line.trim()).find();
  }

  /** Whether {@code line}, at the end of the text, is a call to subscribe, follow or share. */
  static boolean endsPage(String line) {
    int w = Measure.weight(line);
    return w > 0 && w <= 160 && (opensTail(line) || LAST_LINES.matcher(line.trim()).find());
  }

  /** Whether {@code line} is a byline without the name ("By", "Written by", "作者："). */
  static boolean bareByline(String line) {
    String s = line.trim();
    Matcher m = BYLINE.matcher(s);
    return m.find() && Measure.weight(letters(s.substring(m.end()))) == 0;
  }

  /** Lower case, whitespace collapsed, punctuation and arrows at either end off ("a+" stays). */
  static String key(String line) {
    String s = BlockText.collapse(line).toLowerCase(Locale.ROOT);
    int a = 0;
    int b = s.length();
    while (a < b && !keeps(s.charAt(a))) a++;
    while (b > a && !keeps(s.charAt(b - 1))) b--;
    return s.substring(a, b);
  }

  private static boolean keeps(char c) {
    return Character.isLetterOrDigit(c) || c == '+';
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) return true;
    }
    return false;
  }

  /** The letters and digits of {@code s} (for measuring what is left of a line). */
  private static String letters(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) b.append(c);
    }
    return b.toString();
  }

  /** Whether {@code s} reads as a sentence: it ends with sentence punctuation after some words. */
  static boolean endsSentence(String s) {
    String t = s.trim();
    if (t.isEmpty()) return false;
    char c = t.charAt(t.length() - 1);
    return (c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？')
        && t.split("\\s+").length >= 5;
  }
}
