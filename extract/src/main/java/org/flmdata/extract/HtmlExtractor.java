package org.flmdata.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extraction of a page: bytes to title and the block-structured text of its main content ({@link
 * MainContent} chooses the content, {@link BlockText} renders it, {@link PageDecoder} picks the
 * charset). Plain Java, pure, and total: any
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
    return extract(bytes, length, httpContentType, DEFAULT_MODE);
  }

  /**
   * Extracts {@code bytes[0, length)} keeping as much of the page as {@code mode} says.
   *
   * @param httpContentType the HTTP Content-Type header, or null (files on disk have none)
   * @param mode {@code precision}, {@code balanced}, {@code recall} or {@code learned} (see {@link
   *     #MODES}); an
   *     unknown name is {@code balanced}
   */
  public static Page extract(byte[] bytes, int length, String httpContentType, String mode) {
    return extract(bytes, length, httpContentType, mode, false);
  }

  /**
   * Extracts {@code bytes[0, length)} keeping as much of the page as {@code mode} says, with the
   * headline at the start of the text when {@code includeTitle} ({@code extract.include_title}).
   */
  public static Page extract(
      byte[] bytes, int length, String httpContentType, String mode, boolean includeTitle) {
    PageDecoder.Decoded d = PageDecoder.decode(bytes, length, httpContentType);
    Page p = extract(d.text(), mode, includeTitle);
    return new Page(p.title(), p.text(), d.charset(), d.source());
  }

  /** Extracts an already decoded page in the default mode. */
  public static Page extract(String html) {
    return extract(html, DEFAULT_MODE);
  }

  /** Extracts an already decoded page; the headline is left out of the text. */
  public static Page extract(String html, String mode) {
    return extract(html, mode, false);
  }

  /**
   * Extracts an already decoded page. The title goes to {@link Page#title()}; the headline (the
   * h1 that repeats it, see {@link Headline}) is left out of the text unless {@code includeTitle},
   * which puts it, or the title when the page has no headline, at the start of the text.
   */
  public static Page extract(String html, String mode, boolean includeTitle) {
    MainContent.Mode m = MainContent.Mode.of(mode);
    return extract(html, m == null ? MainContent.Mode.BALANCED : m, includeTitle, true);
  }

  /**
   * Extracts an already decoded page in mode {@code m}; {@code edges} trims the lines that frame
   * the content off its start and end ({@link Edges}; the dev loops compare without).
   */
  static Page extract(String html, MainContent.Mode m, boolean includeTitle, boolean edges) {
    Document doc = Jsoup.parse(html == null ? "" : html);
    Page p = extract(doc, m, includeTitle, edges);
    if (doc.body() == null || Measure.weight(p.text()) >= NEAR_EMPTY || !Hidden.reveal(doc)) {
      return p;
    }
    // the page hid everything it shows (see Hidden): extract the revealed page, when it has more
    Page shown = extract(doc, m, includeTitle, edges);
    return Measure.weight(shown.text()) >= Math.max(NEAR_EMPTY, 2 * Measure.weight(p.text()))
        ? shown
        : p;
  }

  /**
   * Below this many weighted characters of text a page came out (nearly) empty and is extracted
   * again with its hidden elements shown ({@link Hidden}).
   */
  static final int NEAR_EMPTY = 100;

  private static Page extract(Document doc, MainContent.Mode m, boolean includeTitle, boolean edges) {
    String title = BlockText.collapse(doc.title());
    Element body = doc.body();
    PageSignals signals = PageSignals.of(doc);
    Element headline = body == null ? null : Headline.of(doc, title, signals);
    BlockModel model = m == MainContent.Mode.LEARNED ? BlockModel.shipped() : null;
    String text;
    if (body == null) {
      text = "";
    } else if (model == null) {
      text = MainContent.select(body, m, headline, signals.discussion()).text();
    } else {
      text = model.text(analyse(body, m, headline, signals), signals);
    }
    if (edges && m != MainContent.Mode.RECALL) {
      text = Edges.trim(
          text, java.util.List.of(title, Headline.ogTitle(doc)), signals.product(),
          signals.discussion());
    }
    if (includeTitle) {
      String head = headline != null ? BlockText.collapse(headline.text()) : title;
      if (!head.isEmpty() && !text.startsWith(head)) {
        text = text.isEmpty() ? head : head + "\n\n" + text;
      }
    }
    return new Page(title, text, null, null);
  }

  /** The rules' analysis of {@code body}, its text blocks listed (for {@link BlockModel}). */
  static MainContent.Analysis analyse(
      Element body, MainContent.Mode m, Element headline, PageSignals signals) {
    return MainContent.analyse(
        body, m, headline, signals.discussion(), new java.util.ArrayList<>());
  }

  /**
   * The share of U+FFFD replacement characters among the non-space characters of {@code text}: 0
   * for a page decoded cleanly; mojibake from a wrong or undetectable charset shows here.
   */
  public static double undecodableShare(String text) {
    if (text == null || text.isEmpty()) return 0;
    int bad = 0;
    int all = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BlockText.isSpace(c)) continue;
      all++;
      if (c == '\uFFFD') bad++;
    }
    return all == 0 ? 0 : (double) bad / all;
  }

  /**
   * The mode the stage uses unless a domain sets {@code html_mode}: {@code learned}, the rules of
   * {@code balanced} corrected by the shipped block classifier ({@link BlockModel}).
   */
  public static final String DEFAULT_MODE = "learned";

  /** The names {@code html_mode} accepts. */
  public static final java.util.List<String> MODES =
      java.util.List.of("precision", "balanced", "recall", "learned");
}
