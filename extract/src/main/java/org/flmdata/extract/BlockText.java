package org.flmdata.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The visible text of an element with its block structure kept: one paragraph per block element (p,
 * div, section, article, blockquote, pre, table, lists, headings, ...) separated by a blank line;
 * list items, table rows, definition terms and {@code <br>} on their own line; two {@code <br>} in
 * a row make a paragraph break. Table cells in a row are separated by a space. Whitespace is
 * collapsed to one space inside lines (no-break spaces included); {@code <pre>} keeps its lines and
 * indentation.
 *
 * <p>Skipped with everything inside: scripts, styles and other non-text elements, navigation and
 * {@code aside}, page-level {@code header}/{@code footer} (those inside an article or main are
 * kept: they hold the headline and byline), forms (except forms that wrap the page's content, as
 * ASP.NET pages do), form controls, elements marked hidden (but for the segments of React's
 * streaming rendering, {@link #streamed}, and the hidden pages or tabs of a set of which one is
 * shown, {@link #pageOfShown}), and ruby annotations ({@code rt},
 * {@code rp}: furigana would split every Japanese word). A {@code noscript} holding prose is
 * kept, and so is a header, footer, nav or aside left open around the page's content ({@link
 * #holdsMain}). {@link MainContent} chooses which elements of the page are rendered.
 */
final class BlockText implements NodeFilter {

  private static final Set<String> SKIP =
      Set.of(
          "script",
          "style",
          "noscript",
          "nav",
          "aside",
          "button",
          "select",
          "option",
          "optgroup",
          "datalist",
          "textarea",
          "input",
          "iframe",
          "frame",
          "frameset",
          "svg",
          "math",
          "template",
          "head",
          "title",
          "object",
          "embed",
          "applet",
          "canvas",
          "audio",
          "video",
          "map",
          "dialog",
          "rt",
          "rp");

  static final Set<String> PARAGRAPH =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "blockquote",
          "pre",
          "table",
          "ul",
          "ol",
          "dl",
          "menu",
          "dir",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hgroup",
          "hr",
          "address",
          "figure",
          "figcaption",
          "fieldset",
          "details",
          "summary",
          "center",
          "header",
          "footer",
          "form",
          "body",
          "listing",
          "xmp",
          "plaintext",
          "noframes",
          "legend");

  static final Set<String> LINE = Set.of("li", "tr", "dt", "dd", "caption");

  private static final Set<String> CELL = Set.of("td", "th");

  private final StringBuilder out = new StringBuilder();

  /** 0: none, 1: line break, 2: paragraph break, written before the next text. */
  private int pendingBreak;

  private boolean pendingSpace;
  private boolean lastWasBr;
  private int preDepth;

  /** Elements left out with everything inside (by identity); empty when nothing is dropped. */
  private final Set<Element> drop;

  /** Text blocks whose own (loose) text is left out, their nested blocks kept (by identity). */
  private final Set<Element> mute;

  /** Whether each open text block (see {@link Measure#isBlock}) is muted; [0..muteTop). */
  private boolean[] muted = new boolean[16];

  private int muteTop;

  private BlockText(Set<Element> drop, Set<Element> mute) {
    this.drop = drop;
    this.mute = mute;
  }

  /** The text of {@code root}, trimmed, with at most one blank line between paragraphs. */
  static String of(Element root) {
    return of(root, Set.of());
  }

  /**
   * The text of {@code root} without the elements of {@code drop} (compared by identity, as an
   * {@link java.util.IdentityHashMap}-backed set gives), formatted as {@link #of(Element)}.
   */
  static String of(Element root, Set<Element> drop) {
    return of(root, drop, Set.of());
  }

  /**
   * The text of {@code root} without the elements of {@code drop} and without the loose text of
   * the text blocks in {@code mute} (the text their nested blocks hold stays), formatted as {@link
   * #of(Element)}. Text blocks are those of {@link Measure}: block elements, table cells and
   * {@code root}, each owning the text not inside a nested one.
   */
  static String of(Element root, Set<Element> drop, Set<Element> mute) {
    BlockText b = new BlockText(drop, mute);
    NodeTraversor.filter(b, root);
    return finish(b.out);
  }

  private boolean muting() {
    return muteTop > 0 && muted[muteTop - 1];
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      if (!mute.isEmpty() && muting()) return FilterResult.CONTINUE;
      if (preDepth > 0) {
        appendPre(t.getWholeText());
      } else {
        appendFlow(t.getWholeText());
      }
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element el)) return FilterResult.CONTINUE;
    String tag = el.normalName();
    if (skip(el, tag) || (!drop.isEmpty() && drop.contains(el))) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (!mute.isEmpty() && (depth == 0 || Measure.isBlock(tag))) {
      if (muteTop == muted.length) muted = java.util.Arrays.copyOf(muted, muteTop * 2);
      muted[muteTop++] = mute.contains(el);
    }
    if (tag.equals("br")) {
      requestBreak(lastWasBr ? 2 : 1);
      lastWasBr = true;
      return FilterResult.CONTINUE;
    }
    if (tag.equals("pre")
        || tag.equals("listing")
        || tag.equals("xmp")
        || tag.equals("plaintext")) {
      preDepth++;
    }
    open(tag);
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element el) {
      String tag = el.normalName();
      if (!mute.isEmpty() && (depth == 0 || Measure.isBlock(tag)) && muteTop > 0) muteTop--;
      if (tag.equals("pre")
          || tag.equals("listing")
          || tag.equals("xmp")
          || tag.equals("plaintext")) {
        preDepth--;
      }
      open(tag);
    }
    return FilterResult.CONTINUE;
  }

  private void open(String tag) {
    if (PARAGRAPH.contains(tag)) {
      requestBreak(2);
    } else if (LINE.contains(tag)) {
      requestBreak(1);
    } else if (CELL.contains(tag)) {
      pendingSpace = true;
    }
  }

  static boolean skip(Element el, String tag) {
    if (SKIP.contains(tag)) {
      if (tag.equals("noscript")) return !holdsProse(el);
      if (tag.equals("nav") || tag.equals("aside")) return !holdsMain(el, false);
      return true;
    }
    if ((el.hasAttr("hidden") && !streamed(el))
        || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
      return true;
    }
    String style = el.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("visibility:hidden")) return true;
      if (s.contains("display:none")) return !pageOfShown(el);
    }
    if (tag.equals("header") || tag.equals("footer")) {
      return !insideContent(el) && !holdsMain(el, tag.equals("header"));
    }
    if (tag.equals("form")) return !wrapsContent(el);
    return false;
  }

  /**
   * A segment of React's streaming server rendering (Next.js and others): the server sends a
   * placeholder, then the real content in {@code <div hidden id="S:n">} (n in hex) that an inline
   * script moves into place. It is the page's content, not hidden text.
   */
  static boolean streamed(Element el) {
    String id = el.id();
    if (id.length() < 3 || id.charAt(0) != 'S' || id.charAt(1) != ':') return false;
    for (int i = 2; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return el.normalName().equals("div");
  }

  /** Siblings looked at for {@link #pageOfShown}, either way. */
  static final int PAGE_SIBLINGS = 40;

  /**
   * Whether {@code el}, hidden by its style, is one page of a paged article or gallery, or one tab
   * of a set: a sibling of the same tag and first class name is shown (a script shows one page or
   * tab at a time; all of them are the content).
   */
  static boolean pageOfShown(Element el) {
    String cls = el.className();
    if (cls.isEmpty()) return false;
    int sp = cls.indexOf(' ');
    String first = sp < 0 ? cls : cls.substring(0, sp);
    String tag = el.normalName();
    int seen = 0;
    for (Element s = el.previousElementSibling(); s != null && seen < PAGE_SIBLINGS;
        s = s.previousElementSibling(), seen++) {
      if (shownPage(s, tag, first)) return true;
    }
    seen = 0;
    for (Element s = el.nextElementSibling(); s != null && seen < PAGE_SIBLINGS;
        s = s.nextElementSibling(), seen++) {
      if (shownPage(s, tag, first)) return true;
    }
    return false;
  }

  private static boolean shownPage(Element s, String tag, String first) {
    if (!s.normalName().equals(tag) || s.hasAttr("hidden")) return false;
    String c = s.className();
    if (!c.startsWith(first) || (c.length() > first.length() && c.charAt(first.length()) != ' ')) {
      return false;
    }
    String style = s.attr("style");
    return style.isEmpty() || !style.toLowerCase(Locale.ROOT).replace(" ", "").contains("display:none");
  }

  /**
   * A {@code noscript} holding paragraphs of prose is the page's text for clients without
   * scripts (Blogger puts whole posts there); a short notice to enable JavaScript is not.
   */
  private static boolean holdsProse(Element noscript) {
    return noscript.selectFirst("p") != null && noscript.text().length() >= 200;
  }

  /**
   * A header, footer, nav or aside around the page's {@code main} (a header also around its
   * {@code article}) was left open by its page: a missing end tag makes the parser nest the rest
   * of the page inside. It is not skipped; what it holds is judged like any other part of the
   * page. (Sidebars and footers of article teasers hold {@code article}s, never the {@code main}.)
   */
  private static boolean holdsMain(Element el, boolean orArticle) {
    return el.selectFirst(orArticle ? "main, article" : "main") != null;
  }

  private static boolean insideContent(Element el) {
    for (Element p = el.parent(); p != null; p = p.parent()) {
      String n = p.normalName();
      if (n.equals("article") || n.equals("main")) return true;
    }
    return false;
  }

  /** A form around paragraphs or an article is a page wrapper (ASP.NET), not a form. */
  private static boolean wrapsContent(Element form) {
    return form.selectFirst("p, article, main, h1, h2") != null;
  }

  private void requestBreak(int level) {
    pendingBreak = Math.max(pendingBreak, level);
    pendingSpace = false;
  }

  private void appendFlow(String raw) {
    String s = collapse(raw);
    if (s.isEmpty()) {
      if (!raw.isEmpty()) pendingSpace = true;
      return;
    }
    boolean leading = isSpace(raw.charAt(0));
    boolean trailing = isSpace(raw.charAt(raw.length() - 1));
    separate(leading);
    out.append(s);
    pendingSpace = trailing;
    lastWasBr = false;
  }

  private void appendPre(String raw) {
    if (raw.isEmpty()) return;
    separate(false);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') continue;
        c = '\n';
      } else if (c == '\u00A0') {
        c = ' ';
      } else if (c == '\uFEFF') {
        continue;
      }
      out.append(c);
    }
    pendingSpace = false;
    lastWasBr = false;
  }

  /** Writes the pending break or space before new text. */
  private void separate(boolean leadingSpace) {
    if (out.length() == 0) {
      pendingBreak = 0;
      return;
    }
    if (pendingBreak > 0) {
      trimTrailingSpaces(out);
      out.append(pendingBreak == 2 ? "\n\n" : "\n");
    } else if ((pendingSpace || leadingSpace) && !endsWithSpace(out)) {
      out.append(' ');
    }
    pendingBreak = 0;
    pendingSpace = false;
  }

  static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7F) return false; // printable ASCII, the common case: no whitespace
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  /** Runs of whitespace to one space; leading and trailing whitespace removed. */
  static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\uFEFF') continue; // a BOM inside the page (an included file's) is not text
      if (isSpace(c)) {
        space = b.length() > 0;
      } else {
        if (space) b.append(' ');
        b.append(c);
        space = false;
      }
    }
    return b.toString();
  }

  private static boolean endsWithSpace(StringBuilder b) {
    char c = b.charAt(b.length() - 1);
    return c == ' ' || c == '\n';
  }

  private static void trimTrailingSpaces(StringBuilder b) {
    int n = b.length();
    while (n > 0 && (b.charAt(n - 1) == ' ' || b.charAt(n - 1) == '\t')) n--;
    b.setLength(n);
  }

  /** Trailing spaces off every line, at most one blank line in a row, no blank ends. */
  private static String finish(StringBuilder b) {
    StringBuilder r = new StringBuilder(b.length());
    int newlines = 0;
    int lineStart = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c == '\n') {
        int end = r.length();
        while (end > lineStart && (r.charAt(end - 1) == ' ' || r.charAt(end - 1) == '\t')) end--;
        r.setLength(end);
        newlines++;
        continue;
      }
      if (newlines > 0) {
        if (r.length() > 0) r.append(newlines >= 2 ? "\n\n" : "\n");
        newlines = 0;
        lineStart = r.length();
      }
      r.append(c);
    }
    int end = r.length();
    while (end > lineStart && (r.charAt(end - 1) == ' ' || r.charAt(end - 1) == '\t')) end--;
    r.setLength(end);
    return r.toString();
  }
}
