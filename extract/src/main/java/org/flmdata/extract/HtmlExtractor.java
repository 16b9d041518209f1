package org.flmdata.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * First extraction of a page: bytes to title and block-structured text (see {@link BlockText} for
 * what is kept and dropped, {@link PageDecoder} for the charset). Plain Java, pure, and total: any
 * bytes give a result, possibly with empty text, never an exception. The same extractor serves the
 * stage and the {@code extract-html} debug command.
 *
 * <pre>{@code
 * HtmlExtractor.Page p = HtmlExtractor.extract(bytes, bytes.length, "text/html; charset=gb2312");
 * p.title(); p.text(); p.charset();   // "GB18030", decoded from the HTTP header's label
 * }</pre>
 */
public final class HtmlExtractor {
  private HtmlExtractor() {}

  /**
   * An extracted page.
   *
   * @param title the {@code <title>}, whitespace collapsed, or "" when there is none
   * @param text the visible text, paragraphs separated by a blank line
   * @param charset the charset the bytes were decoded with (null when given a String)
   * @param charsetSource where the charset came from (null when given a String)
   */
  public record Page(String title, String text, String charset, PageDecoder.Source charsetSource) {}

  /**
   * Extracts {@code bytes[0, length)}.
   *
   * @param httpContentType the HTTP Content-Type header, or null (files on disk have none)
   */
  public static Page extract(byte[] bytes, int length, String httpContentType) {
    PageDecoder.Decoded d = PageDecoder.decode(bytes, length, httpContentType);
    Page p = extract(d.text());
    return new Page(p.title(), p.text(), d.charset(), d.source());
  }

  /** Extracts an already decoded page. */
  public static Page extract(String html) {
    Document doc = Jsoup.parse(html);
    String title = BlockText.collapse(doc.title());
    Element body = doc.body();
    String text = body == null ? "" : BlockText.of(body);
    return new Page(title, text, null, null);
  }
}
