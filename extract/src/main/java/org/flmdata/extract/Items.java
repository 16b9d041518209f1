package org.flmdata.extract;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Pages whose content is many sibling items (a category of products, a list of search results or
 * of posts, a forum thread) rather than one body of prose: the "best node" of {@link MainContent}
 * is one item or a teaser, and the link-dense items were pruned as link lists. The container of
 * the largest run of siblings that share a shape (tag and first class name, digits left out) is
 * found; when its items hold at least {@link #GAIN} times the text of the chosen content, it
 * replaces it, with its link-dense items kept (elements named as boilerplate stay out). A menu is
 * never the items' container: an element named or marked as navigation ({@link
 * Prune#namedNavigation}) is not one, though a link-dense wrapper around it was pruned by links,
 * not by name.
 */
final class Items {
  private Items() {}

  /** Fewest siblings of one shape that make a list. */
  static final int MIN_ITEMS = 3;
  /** Mean weighted characters per item below which the run is a menu, not a list of items. */
  static final int MIN_ITEM_CHARS = 15;
  /** How much more text than the chosen content the items must hold to replace it. */
  static final double GAIN = 1.5;

  /** The items' container as the selection, or null when the chosen content stands. */
  static MainContent.Selection select(
      Element body,
      MainContent.Selection chosen,
      Map<Element, Measure.Stat> stats,
      Set<Element> drop,
      Set<Element> byLinks,
      boolean discussion) {
    Element[] best = {null};
    int[] bestChars = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            Measure.Stat s = stats.get(el);
            if (s == null || s.chars < MIN_ITEMS * MIN_ITEM_CHARS) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (drop.contains(el) && !byLinks.contains(el)) return FilterResult.SKIP_ENTIRELY;
            if (Prune.namedBoilerplate(el, discussion)) return FilterResult.SKIP_ENTIRELY;
            if (el.childrenSize() >= MIN_ITEMS && !Prune.namedNavigation(el)) {
              int c = itemChars(el, stats);
              if (c > bestChars[0]) {
                bestChars[0] = c;
                best[0] = el;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
    if (best[0] == null) return null;
    int chosenChars = Measure.chars(chosen, stats);
    if (bestChars[0] < GAIN * chosenChars) return null;
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element d : drop) {
      if (!byLinks.contains(d)) out.add(d);
    }
    return new MainContent.Selection(best[0], out);
  }

  /** Weighted characters of the largest run of same-shaped children with enough text each. */
  private static int itemChars(Element el, Map<Element, Measure.Stat> stats) {
    Map<String, int[]> groups = new HashMap<>();
    for (Element c : el.children()) {
      Measure.Stat s = stats.get(c);
      if (s == null || s.chars == 0) continue;
      int[] g = groups.computeIfAbsent(shape(c), k -> new int[2]);
      g[0]++;
      g[1] += s.chars;
    }
    int best = 0;
    for (int[] g : groups.values()) {
      if (g[0] >= MIN_ITEMS && g[1] >= g[0] * MIN_ITEM_CHARS && g[1] > best) best = g[1];
    }
    return best;
  }

  private static String shape(Element c) {
    String cls = c.className();
    int sp = cls.indexOf(' ');
    String first = sp < 0 ? cls : cls.substring(0, sp);
    StringBuilder b = new StringBuilder(c.normalName()).append('.');
    for (int i = 0; i < first.length(); i++) {
      char ch = first.charAt(i);
      if (!Character.isDigit(ch)) b.append(ch);
    }
    return b.toString();
  }
}
