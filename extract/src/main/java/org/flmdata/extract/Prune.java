package org.flmdata.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.flmdata.extract.Measure.Stat;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import static org.flmdata.extract.Choice.*;
import static org.flmdata.extract.MainContent.*;
import static org.flmdata.extract.Measure.*;

/**
 * Step 2 of {@link MainContent}: the hint tables (class, id and ARIA-role words naming boilerplate,
 * content, layout and comments) and the pruning of boilerplate elements, by name or by link
 * density.
 */
final class Prune {
  private Prune() {}

  /** Comments and replies: boilerplate even when long and full of paragraphs. */
  static final Words COMMENTS =
      new Words(
          "(?:comments?|commentlist|comment-list|disqus|respond|replies|reply)"
              + "(?:$|[^a-z])");

  /** Names of layout boxes: with one, a boilerplate word names what the box holds, not a widget. */
  static final Pattern LAYOUT =
      Pattern.compile("[a-z]-(?:wrapper|container|page|layout|outer|inner)(?:$|[^a-z])");

  /** Rotating banners: many same-shaped slides that are not a list of content. */
  static final Words ROTATING =
      new Words(
          "(?:carousel|slider|slides?|slick|swiper|promo|marquee|ticker)(?:$|[^a-z])");

  /** Boilerplate, unless the element holds most of the page's prose (a layout wrapper). */
  static final Words STRONG_NEGATIVE =
      new Words(
          "(?:share|sharing|sharebar|social|cookies?|consent|gdpr|related"
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
  static final Pattern STATE_TOKEN =
      Pattern.compile(
          "^(?:has|with|no|is|show|hide|js)-.*|.*-(?:enabled|disabled|open|opened|closed|active"
              + "|visible|hidden|left|right|layout|offset|wrap)$");

  /** Boilerplate unless the element also looks like content. */
  static final Words WEAK_NEGATIVE =
      new Words(
          "(?:header|banner|ad|top|bottom|extra|links|meta|author-box|bio"
              + "|print|shoutbox|skyscraper|tools?|utility|legal|aside)(?:$|[^a-z])");

  static final Words POSITIVE =
      new Words(
          "(?:article\\w*|content|main|post|entry|story|body|text|blog|hentry|search-results?|results"
              + "|page-content|detail|news-?content|rich-?text)(?:$|[^a-z])");

  static final Set<String> BOILERPLATE_ROLES =
      Set.of("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
          "dialog", "alertdialog");

  /**
   * Whether {@code text} holds a copyright mark: "©", "&copy;", "(c)" and a year, "copyright",
   * "all rights reserved" (ASCII letters in any case), 版权所有, 版權所有, 著作権 or 無断転載. The
   * same answer as the regex {@code (?i)(?:©|&copy;|\(c\)\s*\d{4}|copyright|...)}, scanned
   * once instead of trying each phrase at every character.
   */
  static boolean copyright(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      switch (text.charAt(i)) {
        case '©':
          return true;
        case '&':
          if (asciiAt(text, i, "&copy;")) return true;
          break;
        case '(':
          if (asciiAt(text, i, "(c)") && yearAfter(text, i + 3)) return true;
          break;
        case 'c', 'C':
          if (asciiAt(text, i, "copyright")) return true;
          break;
        case 'a', 'A':
          if (asciiAt(text, i, "all rights reserved")) return true;
          break;
        case '版':
          if (text.startsWith("版权所有", i) || text.startsWith("版權所有", i)) return true;
          break;
        case '著':
          if (text.startsWith("著作権", i)) return true;
          break;
        case '無':
          if (text.startsWith("無断転載", i)) return true;
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** Whether {@code lower} (lower case) stands at {@code i}, ASCII letters compared in any case. */
  private static boolean asciiAt(String text, int i, String lower) {
    if (i + lower.length() > text.length()) return false;
    for (int j = 0; j < lower.length(); j++) {
      char c = text.charAt(i + j);
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if (c != lower.charAt(j)) return false;
    }
    return true;
  }

  /** Whether white space (the regex class {@code \s}) and then four digits 0-9 start at {@code i}.
   */
  private static boolean yearAfter(String text, int i) {
    int n = text.length();
    while (i < n && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) i++;
    if (i + 4 > n) return false;
    for (int j = i; j < i + 4; j++) {
      char c = text.charAt(j);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /** Marks boilerplate elements in {@code drop}; the subtree of a dropped element is not visited. */
  static void prune(
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
  static int boilerplate(
      Element el, Stat s, Mode mode, int bodyChars, boolean discussion) {
    String tag = el.normalName();
    String role = el.attr("role").toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role) && !s.article) return BY_HINT;
    String hints = hints(el);
    if (!hints.isEmpty()) {
      boolean positive = POSITIVE.in(hints);
      if (!discussion && COMMENTS.in(hints) && !s.article) return BY_HINT;
      if (STRONG_NEGATIVE.in(hints) && !s.article) {
        // "post-nav", "entry-footer": a negative token qualifies a positive one; a layout
        // wrapper ("content-with-sidebar", "section for_sidebar") holds most of the prose
        // ("search-page-wrapper" around a grid of products) holds much of the page in any case
        boolean wrapper =
            (s.prose >= WRAPPER_PROSE && (positive || s.chars >= WRAPPER_SHARE * bodyChars))
                || (LAYOUT.matcher(hints).find() && s.chars >= WRAPPER_SHARE * bodyChars);
        if (!wrapper) return BY_HINT;
      } else if (!positive && WEAK_NEGATIVE.in(hints) && s.longParagraphs < 1) {
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
    return s.chars < 200 && copyright(el.text()) && !s.article ? BY_HINT : 0;
  }

  /** Whether the class or id of {@code el} names boilerplate or comments (no exceptions). */
  static boolean namedBoilerplate(Element el, boolean discussion) {
    String hints = hints(el);
    if (hints.isEmpty()) return false;
    return (!discussion && COMMENTS.in(hints)) || ROTATING.in(hints);
  }

  /** Names of a site's navigation: menus, navigation bars, breadcrumbs, pagination. */
  static final Words NAVIGATION =
      new Words(
          "(?:nav|navbar|navigation|menu|menubar|submenu|mega-?menu|breadcrumbs?"
              + "|pagination|pager)(?:$|[^a-z])");

  /**
   * Whether {@code el} is a {@code nav}, has a navigation or menu role, or its class or id names
   * navigation ({@link #NAVIGATION}): a run of links there is a menu, never a list of items.
   */
  static boolean namedNavigation(Element el) {
    if (el.normalName().equals("nav")) return true;
    String role = el.attr("role");
    if (!role.isEmpty()) {
      String r = role.toLowerCase(Locale.ROOT);
      if (r.equals("navigation") || r.equals("menu") || r.equals("menubar")) return true;
    }
    String hints = hints(el);
    return !hints.isEmpty() && NAVIGATION.in(hints);
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
        if (token.startsWith("elementor-")) token = pageBuilder(token);
        if (!token.isEmpty() && !STATE_TOKEN.matcher(token.toLowerCase(Locale.ROOT)).matches()) {
          appendHint(b, token);
          b.append(' ');
        }
      }
    }
    b.append(' ');
    appendHint(b, id);
    return b.toString();
  }

  /**
   * A class token of the Elementor page builder (on some 5% of web pages): every block of such a
   * page is an "elementor-element elementor-widget elementor-widget-TYPE" inside sections and
   * columns, so "widget" names the builder's building block, not a sidebar widget. Only the
   * widget's type ("text-editor", "nav-menu", "share-buttons", "theme-post-content") and a theme
   * location ("header", "footer") are hints; the builder's layout tokens are none ("" ).
   */
  static String pageBuilder(String token) {
    if (token.startsWith("elementor-widget-")) {
      String type = token.substring("elementor-widget-".length());
      return type.equals("container") || type.equals("wrap") || type.startsWith("_") ? "" : type;
    }
    if (token.startsWith("elementor-location-")) {
      return token.substring("elementor-location-".length());
    }
    return "";
  }

  static void appendHint(StringBuilder b, String s) {
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

}
