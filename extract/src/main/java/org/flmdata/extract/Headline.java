package org.flmdata.extract;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's headline element: the {@code h1} that repeats the page's title ({@code <title>} or
 * {@code og:title}), or the page's only {@code h1}. The headline is the title, which goes to
 * {@code meta.title}; the text leaves it out (trafilatura's convention and that of the reference
 * texts of extraction benchmarks) unless {@code extract.include_title} puts it back.
 */
final class Headline {
  private Headline() {}

  /** Longer than this (weighted characters), an h1 is the content itself (a forum post's text). */
  static final int MAX_CHARS = 150;

  /**
   * The headline element of {@code doc}, or null when there is none. A product page's h1 is the
   * product's name, part of its description, so it has none.
   */
  static Element of(Document doc, String title, PageSignals signals) {
    Element body = doc.body();
    if (body == null || signals.product()) return null;
    Element h = find(doc, body, title);
    return h == null || Measure.weight(h.text()) > MAX_CHARS ? null : h;
  }

  private static Element find(Document doc, Element body, String title) {
    var h1s = body.getElementsByTag("h1");
    if (h1s.isEmpty()) return null;
    String t = key(title);
    String o = key(ogTitle(doc));
    for (Element h : h1s) {
      String k = key(h.text());
      if (k.length() < 4) continue;
      if ((!t.isEmpty() && t.contains(k)) || (!o.isEmpty() && o.contains(k))) return h;
    }
    return h1s.size() == 1 ? h1s.first() : null;
  }

  /** The page's {@code og:title}, or "" when it has none. */
  static String ogTitle(Document doc) {
    Element og = doc.head() == null ? null : doc.head().selectFirst("meta[property=og:title]");
    return og == null ? "" : og.attr("content");
  }

  /** Lower-cased letters and digits only: titles differ from headlines in punctuation and case. */
  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
