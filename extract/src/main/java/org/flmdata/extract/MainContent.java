package org.flmdata.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import static org.flmdata.extract.Measure.*;
import static org.flmdata.extract.Prune.*;
import static org.flmdata.extract.Choice.*;
import org.flmdata.extract.Measure.Stat;

/**
 * Main-content extraction: finds the element holding a page's article and leaves out the
 * boilerplate around and inside it. Three steps, each linear in the page:
 *
 * <ol>
 *   <li><b>Measure</b>: for every element, the length of its visible text and of the text inside
 *       links. Lengths are {@linkplain #weight(int) weighted characters}: a Han, Kana or Hangul
 *       character counts {@value #CJK_WEIGHT} (Chinese and Japanese have no spaces between words
 *       and say in one character what English says in about three), anything else but whitespace
 *       1.
 *   <li><b>Prune</b>: elements whose class, id or ARIA role names a kind of boilerplate
 *       (navigation, menu, footer, sidebar, cookie/consent banner, comments, share/social widgets,
 *       related or recommended articles, breadcrumbs, pagination, ads, newsletter boxes, calls to
 *       action, disclosures) are dropped; class tokens naming a state or layout ("has-sidebar",
 *       "nav-open") are not hints. A hinted element is kept when it is or holds an {@code
 *       article}/{@code main}/articleBody element, or when it holds at least {@value
 *       #WRAPPER_PROSE} weighted characters of prose and either looks like content too or holds
 *       {@value #WRAPPER_SHARE} of the page's text (a layout wrapper, not a widget); comment
 *       sections are dropped however long. Link-dense blocks (menus and link lists written
 *       without hints) are dropped unless they hold prose or most of the page, as are short
 *       copyright lines.
 *   <li><b>Choose</b>: every text block of at least {@value #MIN_PARAGRAPH} weighted characters
 *       (p, pre, td, blockquote, a div of text only, or text written loose between blocks)
 *       scores itself (1 + clause punctuation, Latin and CJK, + length / 100 up to 3, times 1 -
 *       link density) and gives the score to its parent in full, its grandparent by half and
 *       three further ancestors by {@code 1/(3 * level)}. Each candidate starts from its tag
 *       (div +5, td/pre/blockquote +3, lists and forms -3, headings -5) and its class/id
 *       (content-like +25, boilerplate-like -25), and its total is scaled by {@code 1 - link
 *       density}. The best candidate then grows: to the nearest ancestor holding {@value
 *       #MIN_ALTERNATIVES} other candidates scoring 3/4 of it (content split in sections), to an
 *       ancestor whose blocks score {@value #MASS_GAIN} times its own, and to the enclosing
 *       article element (rendered without what follows the content in it: tags, share bars,
 *       author boxes) when that has at most {@value #ARTICLE_GAIN} times its text. Otherwise its
 *       siblings join it when they score at least {@link Mode#siblingShare} of it or are long,
 *       link-poor paragraphs, and the nearest {@code h1} before it joins as the headline.
 * </ol>
 *
 * <p>{@link Mode#RECALL} skips the choice and keeps the whole pruned body; {@link Mode#PRECISION}
 * prunes link lists more strictly and admits fewer siblings. When no block is long enough to
 * score (a short page), the pruned body is the result in every mode. Pure and total: any element
 * gives a result, never an exception; nothing is removed from the jsoup tree.
 *
 * <p>Then, a page whose content is many sibling items (a listing, a collection of products, a
 * forum thread) keeps the items' container when it holds more text ({@link Items}); on pages that
 * declare themselves discussions ({@link PageSignals}) comments and replies are content; the
 * headline ({@link Headline}) is left out (it is the title). The steps live in {@link Measure},
 * {@link Prune} (with the hint tables) and {@link Choice}; this class holds the modes and joins
 * the steps.
 */
final class MainContent {
  private MainContent() {}

  /** How much of a page is kept; set per domain with {@code extract.html_mode}. */
  enum Mode {
    /** Only the chosen content, with stricter link pruning: least boilerplate. */
    PRECISION(0.35, 0.3),
    /** The chosen content and siblings that score well. */
    BALANCED(0.5, 0.2),
    /** The whole body minus pruned boilerplate: least lost text. */
    RECALL(0.6, 0.0),
    /**
     * Balanced's rules, then the learned block classifier ({@link BlockModel}) decides each text
     * block: WCXB dev F1 0.859 (check part 0.852) against balanced's 0.832 (0.838);
     * trafilatura's news pages 0.937 against 0.944. The default.
     */
    LEARNED(0.5, 0.2);

    /** Link density above which a block is pruned as a link list. */
    final double maxLinkDensity;

    /** A sibling joins the chosen content when its score reaches this share of it (0: never). */
    final double siblingShare;

    Mode(double maxLinkDensity, double siblingShare) {
      this.maxLinkDensity = maxLinkDensity;
      this.siblingShare = siblingShare;
    }

    /** The mode of a config value (case-insensitive), or null when there is none by that name. */
    static Mode of(String name) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(name == null ? "" : name.trim())) return m;
      }
      return null;
    }
  }

  /** The part of the page to render: {@code root} without the elements of {@code drop}. */
  record Selection(Element root, Set<Element> drop) {
    String text() {
      return BlockText.of(root, drop);
    }
  }

  static final int CJK_WEIGHT = 3;
  static final int MIN_PARAGRAPH = 25;

  /** Selects the main content of {@code body}. */
  static Selection select(Element body, Mode mode) {
    return select(body, mode, null, false);
  }

  /** Selects the main content of {@code body} leaving out {@code headline} (when not null). */
  static Selection select(Element body, Mode mode, Element headline, boolean discussion) {
    return analyse(body, mode, headline, discussion, null).result();
  }

  /**
   * What the rules found on a page: the measured elements, the text blocks (when {@code blocks}
   * is not null), the pruned elements (those pruned as link lists also in {@code byLinks}), the
   * chosen content and, when the page is a list of items, the items' container ({@code items},
   * null otherwise); {@code scored} when a block was long enough to score (else the chosen content
   * is the pruned body). {@link BlockModel} reads it.
   */
  record Analysis(
      Element body,
      Element headline,
      Map<Element, Stat> stats,
      List<Element> blocks,
      Set<Element> drop,
      Set<Element> byLinks,
      Selection chosen,
      Selection items,
      boolean scored) {
    /** The rules' selection: the items when they replaced the chosen content, else the latter. */
    Selection result() {
      return items != null ? items : chosen;
    }
  }

  /** Runs the rules on {@code body}, listing its text blocks in {@code blocks} when not null. */
  static Analysis analyse(
      Element body, Mode mode, Element headline, boolean discussion, List<Element> blocks) {
    Map<Element, Stat> stats = measure(body, blocks);
    Set<Element> drop = Collections.newSetFromMap(new IdentityHashMap<>());
    if (headline != null) drop.add(headline);
    Set<Element> byLinks = Collections.newSetFromMap(new IdentityHashMap<>());
    prune(body, mode, stats, drop, byLinks, discussion);
    if (mode == Mode.RECALL) {
      return new Analysis(
          body, headline, stats, blocks, drop, byLinks, new Selection(body, drop), null, false);
    }
    Element top = choose(body, stats, drop);
    Selection chosen;
    if (top == null || top == body) {
      chosen = new Selection(body, drop);
    } else {
      Selection article = enclosingArticle(top, body, stats, drop);
      chosen = article != null ? article : widen(top, body, mode, stats, drop);
    }
    Selection items = Items.select(body, chosen, stats, drop, byLinks, discussion);
    return new Analysis(
        body, headline, stats, blocks, drop, byLinks, chosen, items, top != null && top != body);
  }

  /**
   * The headline, standfirst and lead figure sit before the body inside the article element:
   * when the nearest enclosing {@code article}/{@code main}/articleBody element has at most
   * {@link #ARTICLE_GAIN} times the text of {@code top}, it is rendered without what follows
   * {@code top} in it (tags, share bars, author boxes, newsletter forms). Null otherwise.
   */
  private static Selection enclosingArticle(
      Element top, Element body, Map<Element, Stat> stats, Set<Element> drop) {
    Element article = null;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      if (marksArticle(p, p.normalName())) {
        article = p;
        break;
      }
    }
    if (article == null) return null;
    Stat as = stats.get(article);
    if (as == null
        || as.chars > ARTICLE_GAIN * stats.get(top).chars
        || as.linkDensity() >= MAX_CLIMB_LINK_DENSITY) {
      return null;
    }
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.addAll(drop);
    for (Element e = top; e != article; e = e.parent()) {
      for (Element sib = e.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
        out.add(sib);
      }
    }
    return new Selection(article, out);
  }

  /** The enclosing article element replaces the best when it has at most this much more text. */
  static final double ARTICLE_GAIN = 4;

  static final int MIN_ALTERNATIVES = 2;
  static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Fewer weighted characters than this is a line (a caption, a "read more"), not prose. */
  static final int SHORT_LINE = 80;
  /** A boilerplate-named element holding this share of the page's text is a layout wrapper. */
  static final double WRAPPER_SHARE = 0.3;
  /** ... and at least this many weighted characters of paragraphs (about five sentences). */
  static final int WRAPPER_PROSE = 500;
  static final double MASS_GAIN = 1.3;
  static final double MAX_CLIMB_LINK_DENSITY = 0.35;

  /**
   * The chosen content with the siblings that join it and the nearest preceding {@code h1}: the
   * parent rendered without the siblings that do not join, or {@code top} alone.
   */
  private static Selection widen(
      Element top, Element body, Mode mode, Map<Element, Stat> stats, Set<Element> drop) {
    Element parent = top.parent();
    if (parent == null) return new Selection(top, drop);
    double topScore = stats.get(top).score;
    double threshold = Math.max(10, topScore * mode.siblingShare);
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.addAll(drop);
    Element headline = headlineBefore(top, body, drop);
    boolean joined = false;
    boolean beforeTop = true;
    for (Element sib : parent.children()) {
      if (sib == top) {
        beforeTop = false;
        continue;
      }
      if (drop.contains(sib)) continue;
      Stat s = stats.get(sib);
      boolean join = false;
      if (s != null && s.chars > 0 && mode.siblingShare > 0) {
        if (s.candidate && s.score >= threshold) {
          join = true;
        } else if (sib.normalName().equals("p") || sib.normalName().equals("pre")) {
          join = s.linkDensity() < 0.25 && s.chars >= 80;
        }
      }
      if (sib == headline || (headline != null && sib.getElementsByTag("h1").contains(headline))) {
        if (beforeTop && s != null && s.chars < 600) join = true;
      }
      if (join) {
        joined = true;
      } else {
        out.add(sib);
      }
    }
    if (!joined) return new Selection(top, drop);
    return new Selection(parent, out);
  }

  /** The last h1 before {@code top} among its parent's earlier siblings' subtrees, or null. */
  private static Element headlineBefore(Element top, Element body, Set<Element> drop) {
    Element parent = top.parent();
    if (parent == null) return null;
    Element found = null;
    for (Element sib : parent.children()) {
      if (sib == top) break;
      if (drop.contains(sib)) continue;
      if (sib.normalName().equals("h1")) {
        found = sib;
      } else {
        Element h = sib.selectFirst("h1");
        if (h != null) found = h;
      }
    }
    return found;
  }
}
