package org.flmdata.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What a page says it is, from its metadata: schema.org types (JSON-LD or microdata) and the
 * OpenGraph type. Sites declare these for search engines, so they are present on most product,
 * forum and article pages of the modern web; one pass over the page's elements reads them.
 *
 * @param product the page describes one product (schema.org Product, og:type product): its h1 is
 *     the product's name, part of its description
 * @param discussion the page is a discussion (schema.org DiscussionForumPosting or QAPage): its
 *     comments and replies are the content, not boilerplate
 * @param article the page is one article (schema.org Article, NewsArticle, BlogPosting and their
 *     kin, or og:type article) and none of the above: one body of prose, which the rules find
 */
record PageSignals(boolean product, boolean discussion, boolean article) {

  private static final Pattern LD_ARTICLE =
      Pattern.compile(
          "\"@type\"\\s*:\\s*(?:\\[[^\\]]*)?\"(?:Article|NewsArticle|BlogPosting|Report"
              + "|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ScholarlyArticle"
              + "|TechArticle)\"");

  private static final Pattern LD_PRODUCT =
      Pattern.compile(
          "\"@type\"\\s*:\\s*(?:\\[[^\\]]*)?\"(?:Product|ProductGroup|IndividualProduct)\"");

  private static final Pattern FORUM = Pattern.compile("DiscussionForumPosting|QAPage");

  private static final Pattern MICRODATA_PRODUCT = Pattern.compile("(?i)schema\\.org/Product$");

  /** The signals of {@code doc}. */
  static PageSignals of(Document doc) {
    boolean[] found = new boolean[3];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            String tag = el.normalName();
            if (tag.equals("script")) {
              if (el.attr("type").equalsIgnoreCase("application/ld+json")) {
                String data = el.data();
                if (LD_PRODUCT.matcher(data).find()) found[0] = true;
                if (FORUM.matcher(data).find()) found[1] = true;
                if (LD_ARTICLE.matcher(data).find()) found[2] = true;
              }
              return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("meta")) {
              if (el.attr("property").equalsIgnoreCase("og:type")
                  && el.attr("content").trim().toLowerCase(Locale.ROOT).startsWith("product")) {
                found[0] = true;
              }
              if (el.attr("property").equalsIgnoreCase("og:type")
                  && el.attr("content").trim().equalsIgnoreCase("article")) {
                found[2] = true;
              }
              return FilterResult.CONTINUE;
            }
            String itemtype = el.attr("itemtype");
            if (!itemtype.isEmpty()) {
              if (MICRODATA_PRODUCT.matcher(itemtype.trim()).find()) found[0] = true;
              if (FORUM.matcher(itemtype).find()) found[1] = true;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        doc);
    return new PageSignals(found[0], found[1], found[2] && !found[0] && !found[1]);
  }
}
