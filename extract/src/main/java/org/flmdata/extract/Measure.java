package org.flmdata.extract;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import static org.flmdata.extract.Choice.*;
import static org.flmdata.extract.MainContent.*;
import static org.flmdata.extract.Prune.*;
import static org.flmdata.pipeline.text.Scripts.isCjk;

/**
 * Step 1 of {@link MainContent}: one pass over the page measuring, for every element, its visible
 * text and link text in weighted characters (a Han, Kana or Hangul character counts {@value
 * MainContent#CJK_WEIGHT}), its loose text, its paragraphs of prose and whether it is or holds an
 * article element.
 */
final class Measure {
  private Measure() {}

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
    /**
     * Words of its loose text (runs of letters or digits; a CJK character is a word); counted, as
     * are the two below, only when the blocks are listed.
     */
    int words;
    /** ... of which one to three letters long (function words, mostly: "the", "of", "to"). */
    int shortWords;
    /** Clause and sentence punctuation in its loose text, Latin and CJK. */
    int punct;

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /** One pass over the tree: text and link-text lengths of every element not skipped. */
  static Map<Element, Stat> measure(Element body) {
    return measure(body, null);
  }

  /**
   * As {@link #measure(Element)}, also listing in {@code blocks} (when not null) the elements that
   * own loose text, in the order of their first text: the text blocks of {@link BlockModel}.
   */
  static Map<Element, Stat> measure(Element body, List<Element> blocks) {
    Map<Element, Stat> stats = new IdentityHashMap<>();
    ArrayDeque<Element> ownerElements = blocks == null ? null : new ArrayDeque<>();
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
                if (owner != null && w > 0) {
                  if (owner.inline == 0 && blocks != null) blocks.add(ownerElements.peek());
                  owner.inline += w;
                  if (linkDepth[0] > 0) owner.inlineLinks += w;
                  if (blocks != null) count(t.getWholeText(), owner);
                }
              }
              return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            if (BlockText.skip(el, el.normalName())) return FilterResult.SKIP_ENTIRELY;
            Stat s = new Stat();
            stats.put(el, s);
            stack.push(s);
            if (isBlock(el.normalName()) || owners.isEmpty()) {
              owners.push(s);
              if (ownerElements != null) ownerElements.push(el);
            }
            if (el.normalName().equals("a")) linkDepth[0]++;
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
              Stat s = stack.pop();
              String tag = el.normalName();
              if (owners.peek() == s) {
                owners.pop();
                if (ownerElements != null) ownerElements.pop();
              }
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

  /** Adds the words, short words and punctuation of {@code text} to {@code s}. */
  static void count(String text, Stat s) {
    int run = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      // ASCII first without Character's tables: exactly its letters and digits there
      boolean ascii = c < 0x80;
      if (ascii
          ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          : Character.isLetterOrDigit(c)) {
        if (!ascii && isCjk(c)) {
          if (run > 0) endWord(s, run);
          run = 0;
          s.words++;
        } else {
          run++;
        }
        continue;
      }
      if (run > 0) endWord(s, run);
      run = 0;
      switch (c) {
        case ',', '.', ';', ':', '!', '?', '，', '、', '。', '；', '：', '！', '？' -> s.punct++;
        default -> {}
      }
    }
  }

  private static void endWord(Stat s, int length) {
    s.words++;
    if (length <= 3) s.shortWords++;
  }

  static boolean isBlock(String tag) {
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

  static boolean marksArticle(Element el, String tag) {
    return tag.equals("article")
        || tag.equals("main")
        || el.attr("itemprop").equalsIgnoreCase("articleBody")
        || el.attr("role").equalsIgnoreCase("main");
  }

  /**
   * Weighted characters of the text {@code s} renders, from the measured lengths: its root's less
   * those of the outermost dropped elements inside it (rendering adds only whitespace, which weighs
   * nothing), without rendering it.
   */
  static int chars(MainContent.Selection s, Map<Element, Stat> stats) {
    Stat root = stats.get(s.root());
    if (root == null || s.drop().contains(s.root())) return 0;
    int n = root.chars;
    for (Element d : s.drop()) {
      Stat ds = stats.get(d);
      if (ds == null || ds.chars == 0) continue;
      for (Element p = d.parent(); p != null; p = p.parent()) {
        if (p == s.root()) {
          n -= ds.chars;
          break;
        }
        if (s.drop().contains(p)) break;
      }
    }
    return Math.max(0, n);
  }
}
