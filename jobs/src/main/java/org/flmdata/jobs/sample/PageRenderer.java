package org.flmdata.jobs.sample;

/**
 * Renders a {@link PageBody} inside its {@link Site}'s chrome the way real pages arrive in a crawl:
 * head with inline style, JSON-LD and an analytics script, a cookie banner, menu and search form,
 * breadcrumbs, share buttons, related links, newsletter box, comments and footer. Three markup
 * styles (HTML5 landmarks, blog-theme divs, a table layout) keep extraction honest.
 */
final class PageRenderer {
  private PageRenderer() {}

  static String render(Site site, String path, PageBody body) {
    ChromeLabels l = ChromeLabels.of(site.lang());
    StringBuilder h = new StringBuilder(8192);
    head(h, site, path, body);
    switch (site.layout()) {
      case SEMANTIC -> semantic(h, site, body, l);
      case BLOG -> blog(h, site, body, l);
      case LEGACY -> legacy(h, site, body, l);
      default -> throw new IllegalStateException("layout " + site.layout());
    }
    if (body.hiddenHtml() != null) h.append(body.hiddenHtml()).append('\n');
    h.append("<script src=\"/static/js/app.min.js?v=20240115\" defer></script>\n")
        .append("<script>(function(){var b=document.getElementById('cookie-banner');")
        .append("if(b&&localStorage.getItem('consent')){b.style.display='none';}})();</script>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, Site site, String path, PageBody body) {
    if (site.layout() == Site.Layout.LEGACY) {
      h.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"")
          .append(" \"http://www.w3.org/TR/html4/loose.dtd\">\n<html>\n<head>\n");
    } else {
      h.append("<!DOCTYPE html>\n<html lang=\"").append(site.lang()).append("\">\n<head>\n");
    }
    if (site.httpEquiv()) {
      h.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
          .append(site.charsetLabel()).append("\">\n");
    } else {
      h.append("<meta charset=\"").append(site.charsetLabel()).append("\">\n");
    }
    String description = body.paragraphs().isEmpty() ? body.title() : body.paragraphs().get(0);
    if (description.length() > 150) description = description.substring(0, 150);
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(body.title())).append(" | ").append(esc(site.name()))
        .append("</title>\n")
        .append("<meta name=\"description\" content=\"").append(esc(description)).append("\">\n")
        .append("<meta property=\"og:title\" content=\"").append(esc(body.title())).append("\">\n")
        .append("<meta property=\"og:site_name\" content=\"").append(esc(site.name()))
        .append("\">\n")
        .append("<link rel=\"canonical\" href=\"").append(site.origin()).append(esc(path))
        .append("\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/css/site.css?v=3\">\n")
        .append("<style>\nbody{margin:0;font-family:Georgia,'Times New Roman',serif;color:#222}\n")
        .append(".cookie-consent{position:fixed;bottom:0;left:0;right:0;background:#333;")
        .append("color:#fff;padding:12px}\n.main-nav li,.menu li{display:inline-block;margin-right:14px}\n")
        .append("article p,.entry-content p{line-height:1.6;max-width:42em}\n</style>\n");
    if (body.published() != null) {
      h.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
          .append("\"@type\":\"Article\",\"headline\":\"").append(jsonEsc(body.title()))
          .append("\",\"datePublished\":\"").append(body.published()).append("\",")
          .append("\"publisher\":{\"@type\":\"Organization\",\"name\":\"")
          .append(jsonEsc(site.name())).append("\"}}</script>\n");
    }
    h.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(")
        .append("arguments);}gtag('js',new Date());gtag('config','G-SAMPLE")
        .append(Math.abs(site.host().hashCode() % 9000) + 1000).append("');</script>\n")
        .append("</head>\n");
  }

  private static void cookieBanner(StringBuilder h, Site site, ChromeLabels l) {
    h.append("<div id=\"cookie-banner\" class=\"cookie-consent\" role=\"dialog\"><p>")
        .append(esc(site.cookie())).append("</p><button class=\"accept\">").append(l.accept())
        .append("</button> <button class=\"settings\">").append(l.manage())
        .append("</button></div>\n");
  }

  private static void menu(StringBuilder h, Site site, String ulAttrs) {
    h.append("<ul").append(ulAttrs).append(">");
    for (int i = 0; i < site.nav().size(); i++) {
      String href = i == 0 ? "/" : "/section-" + i + "/";
      h.append("<li><a href=\"").append(href).append("\">").append(esc(site.nav().get(i)))
          .append("</a></li>");
    }
    h.append("</ul>\n");
  }

  private static void paragraphs(StringBuilder h, PageBody body) {
    for (String p : body.paragraphs()) h.append("<p>").append(esc(p)).append("</p>\n");
  }

  private static void byline(StringBuilder h, PageBody body, ChromeLabels l, String cls) {
    if (body.author() == null && body.published() == null) return;
    h.append("<p class=\"").append(cls).append("\">");
    if (body.author() != null) {
      h.append(l.by()).append(l == ChromeLabels.ZH ? "" : " ").append("<a href=\"/author/")
          .append(Math.abs(body.author().hashCode() % 1000)).append("\">")
          .append(esc(body.author())).append("</a>");
    }
    if (body.published() != null) {
      h.append(" &middot; <time datetime=\"").append(body.published()).append("\">")
          .append(l.date(body.published())).append("</time>");
    }
    h.append("</p>\n");
  }

  private static void related(StringBuilder h, PageBody body, String heading) {
    if (body.related().isEmpty()) return;
    h.append(heading).append("<ul>");
    for (PageBody.Link link : body.related()) {
      h.append("<li><a href=\"").append(esc(link.href())).append("\">").append(esc(link.title()))
          .append("</a></li>");
    }
    h.append("</ul>\n");
  }

  private static void footer(StringBuilder h, Site site, String open, String close) {
    h.append(open);
    for (String line : site.footer()) h.append("<p>").append(line).append("</p>");
    h.append(close).append('\n');
  }

  private static void semantic(StringBuilder h, Site site, PageBody body, ChromeLabels l) {
    h.append("<body class=\"article-page\">\n");
    cookieBanner(h, site, l);
    h.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\"><img src=\"/static/img/")
        .append("logo.png\" alt=\"").append(esc(site.name())).append("\"></a>\n")
        .append("<nav class=\"main-nav\">");
    menu(h, site, "");
    h.append("</nav>\n<form class=\"search\" action=\"/search\"><input type=\"search\" name=\"q\"")
        .append(" placeholder=\"").append(l.search()).append("\"><button>").append(l.search())
        .append("</button></form>\n</header>\n<main>\n<nav class=\"breadcrumb\"><a href=\"/\">")
        .append(l.home()).append("</a> ").append(site.lang().equals("en") ? "&raquo;" : "&gt;")
        .append(" <a href=\"/section-1/\">").append(esc(body.section())).append("</a></nav>\n")
        .append("<article>\n<h1>").append(esc(body.title())).append("</h1>\n");
    byline(h, body, l, "byline");
    paragraphs(h, body);
    h.append("<div class=\"share\">").append(l.share())
        .append(": <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n")
        .append("</article>\n<aside class=\"related\">");
    related(h, body, "<h3>" + l.related() + "</h3>");
    h.append("</aside>\n<section class=\"newsletter\"><h3>").append(l.newsletter())
        .append("</h3><p>").append(l.newsletterText()).append("</p><form action=\"/subscribe\">")
        .append("<input type=\"email\" name=\"email\"><button>").append(l.subscribe())
        .append("</button></form></section>\n</main>\n");
    footer(h, site, "<footer class=\"site-footer\">", "</footer>");
  }

  private static void blog(StringBuilder h, Site site, PageBody body, ChromeLabels l) {
    h.append("<body class=\"post-template-default single single-post\">\n<div id=\"page\"")
        .append(" class=\"site\">\n<a class=\"skip-link screen-reader-text\" href=\"#content\">")
        .append("Skip to content</a>\n<div class=\"site-header\"><div class=\"site-branding\">")
        .append("<p class=\"site-title\"><a href=\"/\">").append(esc(site.name()))
        .append("</a></p></div>\n<div class=\"menu-primary-container\">");
    menu(h, site, " id=\"primary-menu\" class=\"menu\"");
    h.append("</div></div>\n");
    cookieBanner(h, site, l);
    h.append("<div id=\"content\" class=\"site-content\">")
        .append("<div id=\"primary\" class=\"content-area\">\n<div class=\"post hentry\">\n<h1 class=\"entry-title\">")
        .append(esc(body.title())).append("</h1>\n");
    byline(h, body, l, "entry-meta");
    h.append("<div class=\"entry-content\">\n");
    paragraphs(h, body);
    h.append("</div>\n<div class=\"entry-footer\"><span class=\"cat-links\">")
        .append(esc(body.section())).append("</span></div>\n<div class=\"sharedaddy\"><h3>")
        .append(l.share()).append("</h3><a href=\"#\">Facebook</a> <a href=\"#\">Pinterest</a>")
        .append("</div>\n</div>\n");
    if (!body.comments().isEmpty()) {
      h.append("<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">")
          .append(l.comments()).append(" (").append(body.comments().size())
          .append(")</h2>\n<ol class=\"comment-list\">");
      for (PageBody.Comment c : body.comments()) {
        h.append("<li class=\"comment\"><div class=\"comment-author\">").append(esc(c.author()))
            .append("</div><div class=\"comment-content\"><p>").append(esc(c.text()))
            .append("</p></div><a class=\"comment-reply-link\" href=\"#\">").append(l.reply())
            .append("</a></li>\n");
      }
      h.append("</ol>\n<div id=\"respond\"><h3>").append(l.leaveReply())
          .append("</h3><form action=\"/comment\"><textarea name=\"comment\"></textarea>")
          .append("<input type=\"submit\" value=\"").append(l.reply()).append("\"></form></div>")
          .append("</div>\n");
    }
    h.append("</div>\n<div id=\"secondary\" class=\"widget-area\"><section class=\"widget\">");
    related(h, body, "<h2 class=\"widget-title\">" + l.related() + "</h2>");
    h.append("</section></div>\n</div>\n");
    footer(h, site, "<footer id=\"colophon\" class=\"site-footer\"><div class=\"site-info\">",
        "</div></footer>\n</div>");
  }

  private static void legacy(StringBuilder h, Site site, PageBody body, ChromeLabels l) {
    h.append("<body bgcolor=\"#ffffff\" topmargin=\"0\">\n<table width=\"100%\" border=\"0\"")
        .append(" cellpadding=\"0\" cellspacing=\"0\">\n<tr><td class=\"top\" colspan=\"2\">")
        .append("<a href=\"/\"><img src=\"/images/logo.gif\" border=\"0\" alt=\"")
        .append(esc(site.name())).append("\"></a></td></tr>\n<tr><td class=\"menu\" width=\"180\"")
        .append(" valign=\"top\">");
    menu(h, site, "");
    h.append("<div class=\"ad\">").append(l.advert()).append("</div></td>\n")
        .append("<td class=\"main\" valign=\"top\"><div class=\"path\"><a href=\"/\">")
        .append(l.home()).append("</a> &gt; ").append(esc(body.section())).append("</div>\n<h1>")
        .append(esc(body.title())).append("</h1>\n");
    byline(h, body, l, "info");
    h.append("<div class=\"content\" id=\"content\">\n");
    paragraphs(h, body);
    h.append("</div>\n");
    if (body.related().size() >= 2) {
      PageBody.Link prev = body.related().get(0);
      PageBody.Link next = body.related().get(1);
      h.append("<div class=\"pages\">").append(l.previous()).append(": <a href=\"")
          .append(esc(prev.href())).append("\">").append(esc(prev.title())).append("</a><br>")
          .append(l.next()).append(": <a href=\"").append(esc(next.href())).append("\">")
          .append(esc(next.title())).append("</a></div>\n");
    }
    h.append("</td></tr>\n");
    footer(h, site, "<tr><td colspan=\"2\" class=\"bottom\" align=\"center\">", "</td></tr>");
    h.append("</table>\n");
    cookieBanner(h, site, l);
    h.append("<script type=\"text/javascript\">var _hmt=_hmt||[];(function(){var hm=document.")
        .append("createElement('script');hm.src='/js/stat.js';document.body.appendChild(hm);})();")
        .append("</script>\n");
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String jsonEsc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
