package org.flmdata.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flmdata.extract.Measure.Stat;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import static org.flmdata.extract.MainContent.*;
import static org.flmdata.extract.Measure.*;
import static org.flmdata.extract.Prune.*;

/**
 * Step 3 of {@link MainContent}: text blocks score themselves and credit their ancestors; the best
 * candidate container is chosen and climbs to an ancestor when the content is split in sections.
 */
final class Choice {
  private Choice() {}

  /** The best-scoring candidate container, or null when no block is long enough to score. */
  static Element choose(Element body, Map<Element, Stat> stats, Set<Element> drop) {
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
  static Element climb(
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

  /** Whether {@code a} is {@code d} or one of its ancestors. */
  static boolean isAncestor(Element a, Element d) {
    for (Element e = d; e != null; e = e.parent()) {
      if (e == a) return true;
    }
    return false;
  }

  /** A paragraph-like element: p, pre, td, blockquote, or a div/section holding no blocks. */
  static boolean isScoringBlock(Element el) {
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

  static boolean hasBlockChild(Element el) {
    for (Element c : el.children()) {
      String t = c.normalName();
      if (BlockText.PARAGRAPH.contains(t) || BlockText.LINE.contains(t)) return true;
    }
    return false;
  }

  static void scoreBlock(
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

  static boolean isContainer(String tag) {
    return switch (tag) {
      case "div", "section", "article", "main", "td", "center", "font", "span", "form" -> true;
      default -> false;
    };
  }

  static void scoreLooseText(
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

  static int punctuation(String text) {
    int punct = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '。' || c == '；' || c == ';' || c == '．') {
        punct++;
      }
    }
    return punct;
  }

  static void credit(Element a, double score, Map<Element, Stat> stats, List<Element> c) {
    Stat s = stats.get(a);
    if (s == null) return;
    if (!s.candidate) {
      s.candidate = true;
      s.score = initialScore(a);
      c.add(a);
    }
    s.score += score;
  }

  static double initialScore(Element el) {
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
      if (POSITIVE.in(hints)) score += 25;
      if (STRONG_NEGATIVE.in(hints) || WEAK_NEGATIVE.in(hints)) {
        score -= 25;
      }
    }
    if (el.hasAttr("itemprop") && el.attr("itemprop").equalsIgnoreCase("articleBody")) score += 25;
    return score;
  }

}
