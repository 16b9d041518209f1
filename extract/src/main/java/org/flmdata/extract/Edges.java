package org.flmdata.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trims the start and the end of a page's extracted text, line by line. The chosen content of a
 * news article or blog post often begins with what frames the article rather than with the article:
 * the headline again (an {@code h2} or a styled {@code div} that repeats the title), the byline,
 * the date, the reading time, share buttons, the lead picture's credit; and it often ends with what
 * follows the article: tags, share bars, the author's box, "related articles", comments. Reference
 * texts of extraction benchmarks (trafilatura's, WCXB's, the article-extraction benchmark) leave
 * all of it out, and so does a language model's training text.
 *
 * <p><b>Start</b>: among the first {@value #HEAD_LINES} lines, up to the second line of content longer than a name,
 * a line that repeats the page's title, and every {@linkplain MetaLine meta line}, picture credit
 * and page control, are left out; so are short lines of a name or a role ("Jane Roe", "Senior
 * Editor") next to a byline or date left out. <b>End</b>: the same kinds of lines are left out
 * from the end backwards (up to {@value #TAIL_LINES} lines), and from the first heading that opens
 * a tail section ("Related articles", "About the author", "Tags: ...", "相关阅读"; one that occurs
 * once in the text, so an item's "Read more" on a listing is not one) to the end, when what stays
 * holds at least {@value #MIN_KEPT} weighted characters and {@value #MIN_KEPT_SHARE} of the text.
 * Pages that declare themselves discussions keep their tail (the replies are the content), and
 * product pages their name. Never leaves a page empty. Pure and total, linear in the text.
 */
final class Edges {
  private Edges() {}

  /** Lines looked at from the start, and from the end. */
  static final int HEAD_LINES = 12;

  static final int TAIL_LINES = 12;

  /** A name or a role: at most this many weighted characters and {@value #NAME_WORDS} words. */
  static final int NAME = 40;

  static final int NAME_WORDS = 6;

  /** A tail section is cut only when the text before it holds this much ... */
  static final int MIN_KEPT = 200;

  /** ... and this share of the text's weighted characters. */
  static final double MIN_KEPT_SHARE = 0.5;

  /** From this many runs of meta lines, dates and bylines are items' (a thread, a list). */
  static final int RECURRING = 3;

  /**
   * {@code text} without the lines that frame it.
   *
   * @param titles the page's title and og:title (either may be empty)
   * @param product the page describes a product: its name, dates and prices are content
   * @param discussion the page is a discussion: what follows its first post is content
   */
  static String trim(String text, List<String> titles, boolean product, boolean discussion) {
    if (text == null || text.isEmpty()) return text == null ? "" : text;
    String[] raw = text.split("\n", -1);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      if (!raw[i].isBlank()) at.add(i);
    }
    int n = at.size();
    if (n < 2) return text;
    String[] line = new String[n];
    int[] weight = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      line[i] = raw[at.get(i)];
      weight[i] = Measure.weight(line[i]);
      total += weight[i];
    }
    boolean[] cut = new boolean[n];
    boolean[] meta = new boolean[n];
    int head = head(line, weight, titles, !product, !product, cut, meta);
    tail(line, weight, total, head, !discussion, !product, cut, meta);
    if (!product && any(meta) && recurring(line, weight)) {
      cut = new boolean[n];
      meta = new boolean[n];
      head = head(line, weight, titles, true, false, cut, meta);
      tail(line, weight, total, head, !discussion, false, cut, meta);
    }
    if (!product) offers(line, cut);
    int kept = 0;
    for (boolean c : cut) if (!c) kept++;
    if (kept == 0 || kept == n) return text;
    StringBuilder b = new StringBuilder(text.length());
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (cut[i]) continue;
      if (last >= 0) {
        boolean paragraph = false;
        for (int r = at.get(last) + 1; r < at.get(i); r++) paragraph |= raw[r].isBlank();
        b.append(paragraph ? "\n\n" : "\n");
      }
      b.append(line[i]);
      last = i;
    }
    return b.toString();
  }

  /**
   * A paywall or purchase box anywhere in the text: a run of offer lines ({@link
   * MetaLine#isOffer}: "Buy single article", "Subscribe to journal", "Instant access to the full
   * article PDF.") with the prices between them; a run of {@value #MIN_OFFERS} offers or more is
   * cut (one sentence that mentions subscribing is the article's).
   */
  private static void offers(String[] line, boolean[] cut) {
    int n = line.length;
    int i = 0;
    while (i < n) {
      if (!MetaLine.isOffer(line[i])) {
        i++;
        continue;
      }
      int j = i;
      int offers = 0;
      int end = i;
      while (j < n) {
        if (MetaLine.isOffer(line[j])) {
          offers++;
          end = j + 1;
        } else if (!MetaLine.isPrice(line[j])) {
          break;
        }
        j++;
      }
      if (offers >= MIN_OFFERS) {
        for (int k = i; k < end; k++) cut[k] = true;
        // prices right after the last offer belong to it
        for (int k = end; k < n && MetaLine.isPrice(line[k]); k++) cut[k] = true;
      }
      i = Math.max(j, i + 1);
    }
  }

  /** Offer lines that make a paywall box. */
  static final int MIN_OFFERS = 2;

  private static boolean any(boolean[] a) {
    for (boolean b : a) if (b) return true;
    return false;
  }

  /**
   * Whether dates or bylines recur: {@value #RECURRING} runs of meta lines or more, each between
   * other lines (a thread's posts, a listing's teasers), where an article has one or two; or as
   * many meta lines making a third of the lines (a short list of dated items).
   */
  private static boolean recurring(String[] line, int[] weight) {
    int runs = 0;
    int lines = 0;
    boolean previous = false;
    for (int i = 0; i < line.length; i++) {
      boolean meta = weight[i] <= MetaLine.MAX_META && MetaLine.isMeta(line[i]);
      if (meta && !previous && ++runs >= RECURRING) return true;
      if (meta) lines++;
      previous = meta;
    }
    return lines >= RECURRING && 3 * lines >= line.length;
  }

  /** Marks the framing lines of the start in {@code cut}; returns the end of the head. */
  private static int head(
      String[] line,
      int[] weight,
      List<String> titles,
      boolean headline,
      boolean metaLines,
      boolean[] cut,
      boolean[] meta) {
    int n = line.length;
    int end = 0;
    int prose = 0;
    boolean titled = !headline;
    for (; end < n && end < HEAD_LINES; end++) {
      String l = line[end];
      if (!titled && end < 4 && repeatsTitle(l, titles)) {
        cut[end] = titled = true;
      } else if (metaLines && MetaLine.isMeta(l)) {
        cut[end] = meta[end] = true;
      } else if (MetaLine.isCredit(l) || MetaLine.isControl(l)) {
        cut[end] = true;
      } else if (weight[end] > NAME && ++prose == 2) {
        break;
      }
    }
    names(line, weight, 0, end, meta, cut);
    return end;
  }

  /** Marks the framing lines and the tail section of the end in {@code cut}. */
  private static void tail(
      String[] line,
      int[] weight,
      long total,
      int head,
      boolean sections,
      boolean metaLines,
      boolean[] cut,
      boolean[] meta) {
    int n = line.length;
    if (sections) {
      long before = 0;
      Map<String, Integer> counts = null;
      for (int i = 0; i < n; i++) {
        if (i >= head
            && before >= MIN_KEPT
            && before >= MIN_KEPT_SHARE * total
            && MetaLine.opensTail(line[i])) {
          if (counts == null) counts = counts(line);
          if (counts.getOrDefault(MetaLine.key(line[i]), 0) == 1) {
            for (int j = i; j < n; j++) cut[j] = true;
            break;
          }
        }
        before += weight[i];
      }
    }
    int stop = Math.max(head, n - TAIL_LINES);
    int to = n;
    while (to > stop && cut[to - 1]) to--;
    int from = to;
    boolean[] framing = new boolean[n];
    while (from > stop) {
      int i = from - 1;
      if (metaLines && MetaLine.isMeta(line[i])) {
        meta[i] = framing[i] = true;
      } else if (MetaLine.isCredit(line[i])
          || MetaLine.isControl(line[i])
          || (sections && MetaLine.endsPage(line[i]))) {
        framing[i] = true;
      } else if (!name(line[i], weight[i])) {
        break;
      }
      from--;
    }
    for (int i = from; i < to; i++) {
      if (framing[i]) cut[i] = true;
    }
    names(line, weight, from, to, meta, cut);
  }

  /** How often each short line occurs, by {@link MetaLine#key}. */
  private static Map<String, Integer> counts(String[] line) {
    Map<String, Integer> m = new HashMap<>();
    for (String l : line) {
      if (l.length() <= 2 * MetaLine.MAX_META) m.merge(MetaLine.key(l), 1, Integer::sum);
    }
    return m;
  }

  /**
   * Name and role lines in [from, to) right before a meta line (the author above the date), and
   * right after a byline without the name ("By" then "Jane Roe"), join it in {@code cut}.
   */
  private static void names(
      String[] line, int[] weight, int from, int to, boolean[] meta, boolean[] cut) {
    for (int i = from; i < to; i++) {
      if (!meta[i]) continue;
      for (int j = i - 1; j >= from && !cut[j] && name(line[j], weight[j]); j--) cut[j] = true;
      if (MetaLine.bareByline(line[i])) {
        for (int j = i + 1; j < Math.min(to, i + 3) && !cut[j] && name(line[j], weight[j]); j++) {
          cut[j] = true;
        }
      }
    }
  }

  /** A person's name or role, a source or a section label: short, no sentence, few words. */
  static boolean name(String l, int weight) {
    if (weight == 0 || weight > NAME) return false;
    String t = l.trim();
    char c = t.charAt(t.length() - 1);
    if (c == '.' && t.length() > 4 && Character.isLowerCase(t.charAt(t.length() - 2))) {
      return false;
    }
    if (c == '!' || c == '?' || c == ':' || c == '。' || c == '：') return false;
    int words = t.split("\\s+").length;
    if (words > NAME_WORDS) return false;
    for (int i = 0; i < t.length(); i++) {
      if (Character.isDigit(t.charAt(i))) return false;
    }
    return true;
  }

  /** Whether {@code l} repeats a title (letters and digits compared, case-folded). */
  static boolean repeatsTitle(String l, List<String> titles) {
    String k = Headline.key(l);
    if (k.length() < 6) return false;
    for (String title : titles) {
      String t = Headline.key(title);
      if (t.length() < 6) continue;
      if (t.contains(k) && 5 * k.length() >= 2 * t.length()) return true;
      if (k.contains(t) && 4 * t.length() >= 3 * k.length()) return true;
    }
    return false;
  }
}
