package org.flmdata.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

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
    RECALL(0.6, 0.0);

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

  /** Comments and replies: boilerplate even when long and full of paragraphs. */
  private static final Pattern COMMENTS =
      Pattern.compile(
          "(?:^|[^a-z])(?:comments?|commentlist|comment-list|disqus|respond|replies|reply)"
              + "(?:$|[^a-z])");

  /** Names of layout boxes: with one, a boilerplate word names what the box holds, not a widget. */
  private static final Pattern LAYOUT =
      Pattern.compile("[a-z]-(?:wrapper|container|page|layout|outer|inner)(?:$|[^a-z])");

  /** Rotating banners: many same-shaped slides that are not a list of content. */
  private static final Pattern ROTATING =
      Pattern.compile(
          "(?:^|[^a-z])(?:carousel|slider|slides?|slick|swiper|promo|marquee|ticker)(?:$|[^a-z])");

  /** Boilerplate, unless the element holds most of the page's prose (a layout wrapper). */
  private static final Pattern STRONG_NEGATIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:share|sharing|sharebar|social|cookies?|consent|gdpr|related"
              + "|recommend\\w*|breadcrumbs?|crumbs?"
              + "|navbar|navigation|nav|menu|menubar|submenu|sidebar|side-bar|sidebox|footer"
              + "|newsletter|subscribe|subscription|advert\\w*|ads|adsbygoogle|sponsor\\w*|promo"
              + "|popup|modal|offcanvas|off-canvas|pagination|pager|skip-link|toolbar|masthead|copyright|tagcloud"
              + "|tags|widget|signup|login|search(?!-?results?)|hot-?news|most-?popular|trending|rss|cta"
              + "|disclosure|disclaimer)(?:$|[^a-z])");

  /**
   * Class tokens that describe a state or layout of the element ("has-sidebar", "nav-open",
   * "modal-enabled", "sidebar-left"), not what it is: left out before hints are matched.
   */
  private static final Pattern STATE_TOKEN =
      Pattern.compile(
          "^(?:has|with|no|is|show|hide|js)-.*|.*-(?:enabled|disabled|open|opened|closed|active"
              + "|visible|hidden|left|right|layout|offset|wrap)$");

  /** Boilerplate unless the element also looks like content. */
  private static final Pattern WEAK_NEGATIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:header|banner|ad|top|bottom|extra|links|meta|author-box|bio"
              + "|print|shoutbox|skyscraper|tools?|utility|legal|aside)(?:$|[^a-z])");

  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:article\\w*|content|main|post|entry|story|body|text|blog|hentry|search-results?|results"
              + "|page-content|detail|news-?content|rich-?text)(?:$|[^a-z])");

  private static final Set<String> BOILERPLATE_ROLES =
      Set.of("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
          "dialog", "alertdialog");

  private static final Pattern COPYRIGHT =
      Pattern.compile("(?i)(?:©|&copy;|\\(c\\)\\s*\\d{4}|copyright|all rights reserved|版权所有"
          + "|版權所有|著作権|無断転載)");

  /** Text lengths of one element (weighted characters; see {@link MainContent}). */
  static final class Stat {
    int chars;
    int linkChars;
    double score;
    /** Sum of the undecayed scores of the text blocks inside. */
    double mass;
    boolean candidate;
    /** Blocks inside with at least 80 weighted characters of their own text, under half links. */
    int longParagraphs;
    /** Weighted characters of those paragraphs. */
    int prose;
    /** Weighted characters of text not inside a nested block element (loose text). */
    int inline;
    /** ... of which inside links. */
    int inlineLinks;
    /** Whether it is or holds an article, main, articleBody or role=main element. */
    boolean article;

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** Selects the main content of {@code body}. */
  static Selection select(Element body, Mode mode) {
    return select(body, mode, null, false);
  }

  /** Selects the main content of {@code body} leaving out {@code headline} (when not null). */
  static Selection select(Element body, Mode mode, Element headline, boolean discussion) {
    Map<Element, Stat> stats = measure(body);
    Set<Element> drop = Collections.newSetFromMap(new IdentityHashMap<>());
    if (headline != null) drop.add(headline);
    Set<Element> byLinks = Collections.newSetFromMap(new IdentityHashMap<>());
    prune(body, mode, stats, drop, byLinks, discussion);
    if (mode == Mode.RECALL) return new Selection(body, drop);
    Element top = choose(body, stats, drop);
    Selection chosen;
    if (top == null || top == body) {
      chosen = new Selection(body, drop);
    } else {
      Selection article = enclosingArticle(top, body, stats, drop);
      chosen = article != null ? article : widen(top, body, mode, stats, drop);
    }
    Selection items = Items.select(body, chosen, stats, drop, byLinks, discussion);
    return items != null ? items : chosen;
  }

  /** One pass over the tree: text and link-text lengths of every element not skipped. */
  private static Map<Element, Stat> measure(Element body) {
    Map<Element, Stat> stats = new IdentityHashMap<>();
    ArrayDeque<Stat> stack = new ArrayDeque<>();
    ArrayDeque<Stat> owners = new ArrayDeque<>();
    int[] linkDepth = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              Stat s = stack.peek();
              if (s != null) {
                int w = weight(t.getWholeText());
                s.chars += w;
                if (linkDepth[0] > 0) s.linkChars += w;
                Stat owner = owners.peek();
                if (owner != null) {
                  owner.inline += w;
                  if (linkDepth[0] > 0) owner.inlineLinks += w;
                }
              }
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            if (BlockText.skip(el, el.normalName())) return FilterResult.SKIP_ENTIRELY;
            Stat s = new Stat();
            stats.put(el, s);
            stack.push(s);
            if (isBlock(el.normalName()) || owners.isEmpty()) owners.push(s);
            if (el.normalName().equals("a")) linkDepth[0]++;
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
              Stat s = stack.pop();
              String tag = el.normalName();
              if (owners.peek() == s) owners.pop();
              if (tag.equals("a")) linkDepth[0]--;
              if (isBlock(tag) && s.inline >= SHORT_LINE && s.inlineLinks < 0.5 * s.inline) {
                s.longParagraphs++;
                s.prose += s.inline;
              }
              if (!s.article) s.article = marksArticle(el, tag);
              Stat parent = stack.peek();
              if (parent != null) {
                parent.chars += s.chars;
                parent.linkChars += s.linkChars;
                parent.longParagraphs += s.longParagraphs;
                parent.prose += s.prose;
                parent.article |= s.article;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
    return stats;
  }

  private static boolean isBlock(String tag) {
    return BlockText.PARAGRAPH.contains(tag)
        || BlockText.LINE.contains(tag)
        || tag.equals("td")
        || tag.equals("th");
  }

  /** Weighted length: CJK characters count {@value #CJK_WEIGHT}, whitespace 0, others 1. */
  static int weight(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || BlockText.isSpace(c)) continue;
      n += isCjk(c) ? CJK_WEIGHT : 1;
    }
    return n;
  }

  private static boolean isCjk(char c) {
    return (c >= 0x3040 && c <= 0x30FF) // Hiragana, Katakana
        || (c >= 0x3400 && c <= 0x9FFF) // CJK ideographs (extension A and unified)
        || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF); // compatibility ideographs
  }

  /** Marks boilerplate elements in {@code drop}; the subtree of a dropped element is not visited. */
  private static void prune(
      Element body,
      Mode mode,
      Map<Element, Stat> stats,
      Set<Element> drop,
      Set<Element> byLinks,
      boolean discussion) {
    int bodyChars = stats.get(body).chars;
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            Stat s = stats.get(el);
            if (s == null) return FilterResult.SKIP_ENTIRELY;
            if (el == body) return FilterResult.CONTINUE;
            if (s.chars == 0) return FilterResult.SKIP_ENTIRELY;
            int kind = boilerplate(el, s, mode, bodyChars, discussion);
            if (kind != 0) {
              drop.add(el);
              if (kind == BY_LINKS) byLinks.add(el);
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
  }

  static final int BY_HINT = 1;
  static final int BY_LINKS = 2;

  /** 0 when {@code el} is not boilerplate, else {@link #BY_HINT} or {@link #BY_LINKS}. */
  private static int boilerplate(
      Element el, Stat s, Mode mode, int bodyChars, boolean discussion) {
    String tag = el.normalName();
    String role = el.attr("role").toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role) && !s.article) return BY_HINT;
    String hints = hints(el);
    if (!hints.isEmpty()) {
      boolean positive = POSITIVE.matcher(hints).find();
      if (!discussion && COMMENTS.matcher(hints).find() && !s.article) return BY_HINT;
      if (STRONG_NEGATIVE.matcher(hints).find() && !s.article) {
        // "post-nav", "entry-footer": a negative token qualifies a positive one; a layout
        // wrapper ("content-with-sidebar", "section for_sidebar") holds most of the prose
        // ("search-page-wrapper" around a grid of products) holds much of the page in any case
        boolean wrapper =
            (s.prose >= WRAPPER_PROSE && (positive || s.chars >= WRAPPER_SHARE * bodyChars))
                || (LAYOUT.matcher(hints).find() && s.chars >= WRAPPER_SHARE * bodyChars);
        if (!wrapper) return BY_HINT;
      } else if (!positive && WEAK_NEGATIVE.matcher(hints).find() && s.longParagraphs < 1) {
        return BY_HINT;
      }
    }
    boolean block = BlockText.PARAGRAPH.contains(tag) || BlockText.LINE.contains(tag);
    if (!block) return 0;
    // a link list, unless it holds prose or most of the page (a page of short linked paragraphs
    // is read by the choice below, not thrown away whole)
    // a paragraph of prose dense with links (an encyclopedia's first sentence) stays
    boolean prose = tag.equals("p") && s.chars >= SHORT_LINE;
    // a heading with an edit link or anchor is a heading; one that is all link is a teaser
    double maxDensity = HEADINGS.contains(tag) ? 0.9 : mode.maxLinkDensity;
    if (s.linkDensity() > maxDensity
        && !prose
        && s.longParagraphs < 1
        && s.chars < WRAPPER_SHARE * bodyChars) {
      return BY_LINKS;
    }
    return s.chars < 200 && COPYRIGHT.matcher(el.text()).find() && !s.article ? BY_HINT : 0;
  }

  /** Whether the class or id of {@code el} names boilerplate or comments (no exceptions). */
  static boolean namedBoilerplate(Element el, boolean discussion) {
    String hints = hints(el);
    if (hints.isEmpty()) return false;
    return (!discussion && COMMENTS.matcher(hints).find()) || ROTATING.matcher(hints).find();
  }

  /** Lower-cased class and id, space separated; camelCase split ("mainNav" is "main-nav"). */
  static String hints(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      String itemprop = el.attr("itemprop");
      return itemprop.isEmpty() ? "" : itemprop.toLowerCase(Locale.ROOT);
    }
    StringBuilder b = new StringBuilder(cls.length() + id.length() + 4);
    if (!cls.isEmpty()) {
      for (String token : cls.split("\\s+")) {
        if (!STATE_TOKEN.matcher(token.toLowerCase(Locale.ROOT)).matches()) {
          appendHint(b, token);
          b.append(' ');
        }
      }
    }
    b.append(' ');
    appendHint(b, id);
    return b.toString();
  }

  private static void appendHint(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && Character.isLowerCase(s.charAt(i - 1))) b.append('-');
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
  }

  private static boolean marksArticle(Element el, String tag) {
    return tag.equals("article")
        || tag.equals("main")
        || el.attr("itemprop").equalsIgnoreCase("articleBody")
        || el.attr("role").equalsIgnoreCase("main");
  }

  /** The best-scoring candidate container, or null when no block is long enough to score. */
  private static Element choose(Element body, Map<Element, Stat> stats, Set<Element> drop) {
    List<Element> candidates = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            Stat s = stats.get(el);
            if (s == null || drop.contains(el)) return FilterResult.SKIP_ENTIRELY;
            if (s.chars < MIN_PARAGRAPH) return FilterResult.SKIP_ENTIRELY;
            if (isScoringBlock(el)) {
              scoreBlock(el, s, stats, candidates, body);
              return FilterResult.SKIP_ENTIRELY;
            }
            if (s.inline >= MIN_PARAGRAPH && isContainer(el.normalName())) {
              // text written loose between blocks (blog posts with <br>s and nested divs) is a
              // paragraph of its own element
              scoreLooseText(el, s, stats, candidates, body);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
    Element best = null;
    double bestScore = 0;
    for (Element c : candidates) {
      Stat s = stats.get(c);
      double score = s.score * (1 - s.linkDensity());
      s.score = score;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best == null) return null;
    best = climb(best, body, candidates, stats, bestScore);
    return best;
  }

  /**
   * Content split over sibling containers (one per section) makes each of them a near-best
   * candidate: when at least {@value #MIN_ALTERNATIVES} candidates scoring at least 3/4 of the
   * best lie outside it, the nearest ancestor holding that many of them replaces it. Also climbs
   * while the best is its parent's only child.
   */
  private static Element climb(
      Element best, Element body, List<Element> candidates, Map<Element, Stat> stats,
      double bestScore) {
    List<Element> alternatives = new ArrayList<>();
    for (Element c : candidates) {
      if (c != best && stats.get(c).score >= 0.75 * bestScore && !isAncestor(c, best)) {
        alternatives.add(c);
      }
    }
    if (alternatives.size() >= MIN_ALTERNATIVES) {
      for (Element p = best.parent(); p != null && p != body; p = p.parent()) {
        int inside = 0;
        for (Element a : alternatives) {
          if (isAncestor(p, a)) inside++;
        }
        if (inside >= MIN_ALTERNATIVES) {
          best = p;
          break;
        }
      }
    }
    for (Element p = best.parent(); p != null && p != body; p = p.parent()) {
      Stat ps = stats.get(p);
      if (ps == null) break;
      if (ps.mass >= MASS_GAIN * stats.get(best).mass && ps.linkDensity() < MAX_CLIMB_LINK_DENSITY) {
        best = p;
      }
    }
    return best;
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
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Fewer weighted characters than this is a line (a caption, a "read more"), not prose. */
  static final int SHORT_LINE = 80;
  /** A boilerplate-named element holding this share of the page's text is a layout wrapper. */
  static final double WRAPPER_SHARE = 0.3;
  /** ... and at least this many weighted characters of paragraphs (about five sentences). */
  static final int WRAPPER_PROSE = 500;
  static final double MASS_GAIN = 1.3;
  static final double MAX_CLIMB_LINK_DENSITY = 0.35;

  /** Whether {@code a} is {@code d} or one of its ancestors. */
  private static boolean isAncestor(Element a, Element d) {
    for (Element e = d; e != null; e = e.parent()) {
      if (e == a) return true;
    }
    return false;
  }


  /** A paragraph-like element: p, pre, td, blockquote, or a div/section holding no blocks. */
  private static boolean isScoringBlock(Element el) {
    String tag = el.normalName();
    switch (tag) {
      case "p", "pre", "td", "blockquote" -> {
        return true;
      }
      case "div", "section", "article", "main", "span", "font", "center" -> {
        for (Element c : el.children()) {
          String t = c.normalName();
          if (BlockText.PARAGRAPH.contains(t) || BlockText.LINE.contains(t) || t.equals("br")) {
            return t.equals("br") && !hasBlockChild(el);
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean hasBlockChild(Element el) {
    for (Element c : el.children()) {
      String t = c.normalName();
      if (BlockText.PARAGRAPH.contains(t) || BlockText.LINE.contains(t)) return true;
    }
    return false;
  }

  private static void scoreBlock(
      Element el, Stat s, Map<Element, Stat> stats, List<Element> candidates, Element body) {
    int punct = punctuation(el.text());
    double score = 1 + Math.min(punct, 20) + Math.min(s.chars / 100.0, 3);
    score *= 1 - Math.min(1, s.linkDensity());
    String tag = el.normalName();
    if (!tag.equals("p") && !tag.equals("pre") && !tag.equals("td") && !tag.equals("li")
        && !tag.equals("dd") && !tag.equals("blockquote")) {
      // a text-holding div is its own candidate as well as a paragraph
      credit(el, score, stats, candidates);
    }
    for (Element m = el; m != null; m = m.parent()) {
      Stat ms = stats.get(m);
      if (ms != null) ms.mass += score;
      if (m == body) break;
    }
    Element a = el.parent();
    for (int level = 1; a != null && level <= 5; level++, a = a.parent()) {
      double share = level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (3 * level);
      credit(a, score * share, stats, candidates);
      if (a == body) break;
    }
  }

  private static boolean isContainer(String tag) {
    return switch (tag) {
      case "div", "section", "article", "main", "td", "center", "font", "span", "form" -> true;
      default -> false;
    };
  }

  private static void scoreLooseText(
      Element el, Stat s, Map<Element, Stat> stats, List<Element> candidates, Element body) {
    String text = el.ownText();
    double density = s.inline == 0 ? 0 : Math.min(1, (double) s.inlineLinks / s.inline);
    double score = (1 + Math.min(punctuation(text), 20) + Math.min(s.inline / 100.0, 3));
    score *= 1 - density;
    for (Element m = el; m != null; m = m.parent()) {
      Stat ms = stats.get(m);
      if (ms != null) ms.mass += score;
      if (m == body) break;
    }
    Element a = el;
    for (int level = 1; a != null && level <= 5; level++, a = a.parent()) {
      double share = level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (3 * level);
      credit(a, score * share, stats, candidates);
      if (a == body) break;
    }
  }

  private static int punctuation(String text) {
    int punct = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '。' || c == '；' || c == ';' || c == '．') {
        punct++;
      }
    }
    return punct;
  }

  private static void credit(Element a, double score, Map<Element, Stat> stats, List<Element> c) {
    Stat s = stats.get(a);
    if (s == null) return;
    if (!s.candidate) {
      s.candidate = true;
      s.score = initialScore(a);
      c.add(a);
    }
    s.score += score;
  }

  private static double initialScore(Element el) {
    double score =
        switch (el.normalName()) {
          case "div", "article", "main" -> 5;
          case "section", "td", "pre", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    String hints = hints(el);
    if (!hints.isEmpty()) {
      if (POSITIVE.matcher(hints).find()) score += 25;
      if (STRONG_NEGATIVE.matcher(hints).find() || WEAK_NEGATIVE.matcher(hints).find()) {
        score -= 25;
      }
    }
    if (el.hasAttr("itemprop") && el.attr("itemprop").equalsIgnoreCase("articleBody")) score += 25;
    return score;
  }

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
