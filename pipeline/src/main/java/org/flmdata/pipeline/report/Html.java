package org.flmdata.pipeline.report;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The report's markup as jsoup elements: every piece of text goes in through {@link
 * Element#appendText} or {@link Element#attr}, so it is escaped when the page is written, never by
 * hand. Control characters (a rejected binary document's text) become U+FFFD first.
 */
public final class Html {
  private Html() {}

  /** {@code s} without C0 control characters other than newline and tab; "" for null. */
  public static String clean(String s) {
    if (s == null) return "";
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t') {
        if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
        b.append('\uFFFD');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** A new element {@code tag}. */
  public static Element el(String tag) {
    return new Element(tag);
  }

  /** An element {@code tag} holding {@code text}. */
  public static Element text(String tag, String text) {
    return new Element(tag).appendText(clean(text));
  }

  /** A paragraph of muted text. */
  public static Element muted(String text) {
    return text("p", text).addClass("muted");
  }

  /** Appends the heading {@code <h2>title</h2>} to {@code section} and returns the section. */
  public static Element heading(Element section, String title) {
    return section.appendChild(text("h2", title));
  }

  /** A figure holding {@code chart}, with an optional caption. */
  public static Element figure(Element chart, String caption) {
    Element f = new Element("figure").appendChild(chart);
    if (caption != null) f.appendChild(text("figcaption", caption));
    return f;
  }

  /** A quoted block: a muted line of facts joined by middle dots, then the text as {@code pre}. */
  public static Element quote(List<String> facts, String text) {
    Element q = new Element("blockquote");
    q.appendChild(muted(String.join(" \u00b7 ", facts)));
    q.appendChild(text("pre", text));
    return q;
  }

  /** A table of text cells under a header row. */
  public static Element table(String cssClass, List<String> header, List<List<String>> rows) {
    Element t = new Element("table").addClass(cssClass);
    Element tr = t.appendElement("thead").appendElement("tr");
    for (String h : header) tr.appendChild(text("th", h));
    Element body = t.appendElement("tbody");
    for (List<String> r : rows) {
      Element row = body.appendElement("tr");
      for (String c : r) row.appendChild(text("td", c));
    }
    return t;
  }
}
