package org.flmdata.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says it is, from its metadata: schema.org types (JSON-LD or microdata) and the
 * OpenGraph type. Sites declare these for search engines, so they are present on most product,
 * forum and article pages of the modern web and cost one look at the head and the JSON-LD scripts.
 */
final class PageSignals {
  private PageSignals() {}

  private static final Pattern LD_PRODUCT =
      Pattern.compile("\"@type\"\\s*:\\s*(?:\\[[^\\]]*)?\"(?:Product|ProductGroup|IndividualProduct)\"");

  private static final Pattern FORUM =
      Pattern.compile("DiscussionForumPosting|QAPage");

  /**
   * Whether the page is a discussion (schema.org DiscussionForumPosting or QAPage, in JSON-LD or
   * microdata): its comments and replies are the content, not boilerplate.
   */
  static boolean isForum(Document doc) {
    for (Element s : doc.getElementsByTag("script")) {
      if (!s.attr("type").equalsIgnoreCase("application/ld+json")) continue;
      if (FORUM.matcher(s.data()).find()) return true;
    }
    return doc.selectFirst("[itemtype~=(?i)schema.org/(?:DiscussionForumPosting|QAPage)$]") != null;
  }

  /** Whether the page describes one product (schema.org Product or og:type product). */
  static boolean isProduct(Document doc) {
    Element og = doc.selectFirst("meta[property=og:type]");
    if (og != null && og.attr("content").trim().toLowerCase(java.util.Locale.ROOT).startsWith("product")) {
      return true;
    }
    for (Element s : doc.getElementsByTag("script")) {
      if (!s.attr("type").equalsIgnoreCase("application/ld+json")) continue;
      if (LD_PRODUCT.matcher(s.data()).find()) return true;
    }
    return doc.selectFirst("[itemtype~=(?i)schema.org/Product$]") != null;
  }
}
