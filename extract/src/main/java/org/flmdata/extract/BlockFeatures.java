package org.flmdata.extract;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.flmdata.extract.MainContent.Analysis;
import org.flmdata.extract.MainContent.Selection;
import org.flmdata.extract.Measure.Stat;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The features of one text block of a page for {@link BlockModel}: binary, hashed into {@value
 * #BITS} bits. What the rules decided (inside the chosen content, inside the items' container,
 * pruned by name or as a link list, the page's share chosen), the block's text (length, link
 * density, words, short words, punctuation), its place (tag, parent's tag, depth, position in the
 * page, how many same-shaped siblings it and its two nearest ancestors have, inside an article
 * element) and its names (class and id words of it and its ancestors), and what the page declares
 * itself ({@link PageSignals}) and what kind of page it is ({@link PageKind}: words of its address,
 * its declared types, its shape). The rules' decision is crossed with length, link density, tag,
 * position, class words, the page's signals and kind, so the model learns where to trust the
 * rules; a block pruned by name also has why (the kind of hint and the words that matched), so the
 * model may bring back what the rules pruned wrongly. The words a block starts with (and a short
 * block's whole phrase: "Read more", "Reply", "Add to cart") are features too: boilerplate says the
 * same words on every site. {@link #dense} gives the second stage's features ({@link BlockTrees}),
 * with the first stage's decisions around the block ({@link BlockContext}).
 */
final class BlockFeatures {

  /** Feature hashes are taken modulo {@code 2^BITS}. */
  static final int BITS = 18;

  /** Receives the hash of each feature of a block. */
  interface Sink {
    void add(int feature);
  }

  private final Analysis a;
  private final int flags;
  /** Whether the page declares itself one article ({@link PageSignals#article()}). */
  private final boolean article;
  private final int shareBin;
  private final int bodyBin;
  private final Map<Element, Map<String, Integer>> shapes = new IdentityHashMap<>();
  /** Per block: the rules' decision (see {@link #decision}) and its depth below the body. */
  private final int[] sel;
  private final int[] depths;
  /** The page's kind words ({@link PageKind}) and its shape: blocks and link share, binned. */
  private final int[] kind;
  private final int pageShape;
  private final int bodyChars;

  BlockFeatures(Analysis a, PageSignals signals) {
    this.a = a;
    org.jsoup.nodes.Document doc = a.body().ownerDocument();
    this.kind = doc == null ? new int[0] : PageKind.of(doc);
    this.flags = (signals.product() ? 1 : 0) | (signals.discussion() ? 2 : 0);
    this.article = signals.article();
    Stat body = a.stats().get(a.body());
    int bodyChars = body == null ? 0 : body.chars;
    this.bodyChars = bodyChars;
    int linkShare = body == null ? 0 : (int) Math.min(4, 5 * body.linkDensity());
    this.pageShape = log2(a.blocks().size()) * 8 + linkShare;
    int chosen = Measure.chars(a.result(), a.stats());
    this.shareBin = bodyChars == 0 ? 0 : (int) Math.min(10, 10.0 * chosen / bodyChars);
    this.bodyBin = log2(bodyChars);
    int n = a.blocks().size();
    this.sel = new int[n];
    this.depths = new int[n];
    for (int i = 0; i < n; i++) decision(i);
  }

  /** Whether the rules pruned block {@code i} by name (class, id or role naming boilerplate). */
  boolean prunedByName(int i) {
    return sel[i] >> 3 == 1;
  }

  /** Whether block {@code i} is in the rules' selection ({@link Analysis#result()}). */
  boolean selected(int i) {
    int s = sel[i];
    return a.items() != null ? (s & 2) != 0 : (s & 1) != 0;
  }

  /** What the features need of one element, computed once per page (blocks share ancestors). */
  private static final class Info {
    /** The rules' decision on the text the element owns (see {@link #decision}). */
    int decision;
    /** Steps up to the body. */
    int depth;
    /** Steps up to the nearest article/main/articleBody ancestor (not itself), capped. */
    int toArticle;
    /** Hashes of the words of its class and id, null until asked. */
    int[] names;
    /** Binned count of same-shaped siblings, -1 until asked. */
    int repetition = -1;
    /** The nearest ancestor-or-self pruned by name, or null. */
    Element dropped;
    /** Why {@link #dropped} was pruned ({@link #why}), computed once on the dropped element. */
    int[] why;
  }

  private final Map<Element, Info> infos = new IdentityHashMap<>();

  /**
   * The rules' decision on the text {@code e} owns: bit 0 inside the chosen content, bit 1 inside
   * the items' container, bit 2 the items replaced the chosen content, bits 3-4 how it was pruned
   * (1 by name, 2 as a link list, 3 as the headline; 0 not). With its depth, from its parent's.
   */
  private Info info(Element e) {
    Info known = infos.get(e);
    if (known != null) return known;
    // iterative, not recursive: a page may nest elements thousands deep
    java.util.ArrayDeque<Element> chain = new java.util.ArrayDeque<>();
    Info up = null;
    for (Element x = e; x != null; x = x == a.body() ? null : x.parent()) {
      Info k = infos.get(x);
      if (k != null) {
        up = k;
        break;
      }
      chain.push(x);
    }
    Info in = up;
    while (!chain.isEmpty()) {
      Element x = chain.pop();
      in = compute(x, x == a.body() ? null : x.parent(), up);
      infos.put(x, in);
      up = in;
    }
    return in;
  }

  private Info compute(Element e, Element parent, Info up) {
    Info in = new Info();
    Selection chosen = a.chosen();
    Selection items = a.items();
    int dropKind = up == null ? 0 : up.decision >> 3;
    if (a.drop().contains(e)) dropKind = e == a.headline() ? 3 : a.byLinks().contains(e) ? 2 : 1;
    boolean inChosen =
        !chosen.drop().contains(e) && (e == chosen.root() || (up != null && (up.decision & 1) != 0));
    boolean inItems =
        items != null
            && !items.drop().contains(e)
            && (e == items.root() || (up != null && (up.decision & 2) != 0));
    in.decision =
        (inChosen ? 1 : 0) | (inItems ? 2 : 0) | (items != null ? 4 : 0) | dropKind << 3;
    in.dropped = dropKind != 1 ? null : a.drop().contains(e) ? e : up == null ? null : up.dropped;
    in.depth = up == null ? 0 : up.depth + 1;
    in.toArticle =
        parent == null || up == null
            ? 99
            : Measure.marksArticle(parent, parent.normalName()) ? 1 : Math.min(99, up.toArticle + 1);
    return in;
  }

  private void decision(int i) {
    Info in = info(a.blocks().get(i));
    sel[i] = in.decision;
    depths[i] = in.depth;
  }

  /** The features of the block {@code i} of {@link Analysis#blocks()}. */
  void of(int i, Sink sink) {
    Element el = a.blocks().get(i);
    Stat s = a.stats().get(el);
    boolean inArticle = info(el).toArticle <= 8;
    int sel0 = this.sel[i];
    int decided = (sel0 & 3) | (sel0 >> 3) << 2;
    int depth = 0;
    for (Element e = el; e != null && depth <= 8; e = e.parent(), depth++) {
      Info in = info(e);
      int ns = depth <= 2 ? 20 + depth : 23;
      if (in.names == null) in.names = names(e);
      for (int x : in.names) {
        sink.add(h(ns, x));
        if (depth <= 2) sink.add(h(ns + 30, x * 16 + decided));
      }
      if (depth <= 2) {
        if (in.repetition < 0) in.repetition = repetition(e);
        sink.add(h(24 + depth, in.repetition));
      }
      if (e == a.body()) break;
    }
    depth = depths[i];
    int sel = this.sel[i];
    int len = log2(s.inline);
    int ld = s.inline == 0 ? 0 : (int) (5.0 * s.inlineLinks / s.inline);
    int tag = el.normalName().hashCode();
    int pos = (int) (10.0 * i / Math.max(1, a.blocks().size()));
    int punct = s.punct == 0 ? 0 : s.punct < 3 ? s.punct : s.punct < 5 ? 3 : s.punct < 9 ? 4 : 5;
    int shortShare = s.words < 4 ? -1 : 5 * s.shortWords / s.words;
    Element parent = el.parent();
    sink.add(h(1, 0));
    sink.add(h(2, sel));
    sink.add(h(3, len));
    sink.add(h(4, sel * 64 + len));
    sink.add(h(5, ld));
    sink.add(h(6, sel * 64 + ld));
    sink.add(h(7, tag));
    sink.add(h(8, tag * 31 + sel));
    sink.add(h(9, parent == null ? 0 : parent.normalName().hashCode()));
    sink.add(h(10, Math.min(depth / 2, 15)));
    sink.add(h(11, pos));
    sink.add(h(12, sel * 64 + pos));
    sink.add(h(13, punct));
    sink.add(h(14, punct * 64 + len));
    sink.add(h(15, log2(s.words)));
    sink.add(h(16, shortShare));
    sink.add(h(17, shortShare * 64 + len));
    sink.add(h(18, flags * 64 + sel));
    sink.add(h(19, shareBin * 64 + sel));
    sink.add(h(27, bodyBin * 64 + (sel & 7)));
    sink.add(h(28, inArticle ? sel : -1 - sel));
    sink.add(h(29, ld * 64 + len));
    sink.add(h(30, flags * 64 + len));
    Element p1 = parent;
    Element p2 = parent == null ? null : parent.parent();
    sink.add(h(31, container(p1) * 64 + sel));
    sink.add(h(32, container(p2) * 64 + sel));
    int n = this.sel.length;
    int prev = i > 0 ? this.sel[i - 1] & 3 : 4;
    int next = i + 1 < n ? this.sel[i + 1] & 3 : 4;
    sink.add(h(33, (sel & 31) * 64 + prev * 8 + next));
    int prevLen = i > 0 ? log2(a.stats().get(a.blocks().get(i - 1)).inline) : 15;
    int nextLen = i + 1 < n ? log2(a.stats().get(a.blocks().get(i + 1)).inline) : 15;
    sink.add(h(34, prevLen * 16 + len));
    sink.add(h(35, nextLen * 16 + len));
    // the kind of page, crossed with the rules' decision: per kind, where to trust them
    for (int k : kind) {
      sink.add(h(40, k * 16 + decided));
      sink.add(h(41, k * 16 + Math.min(len / 3, 4)));
    }
    sink.add(h(42, pageShape * 16 + decided));
    lead(el, s.inline <= SHORT_TEXT, len, sink);
    // items: the nearest of the block and its ancestors with many same-shaped siblings, and how
    // much of the page their container holds
    Element x = el;
    for (int d = 0; d <= 5 && x != null && x != a.body(); d++, x = x.parent()) {
      Info in = info(x);
      if (in.repetition < 0) in.repetition = repetition(x);
      if (in.repetition >= 3) {
        Stat ps = a.stats().get(x.parent());
        int share = ps == null || bodyChars == 0 ? 0 : (int) Math.min(10, 10.0 * ps.chars / bodyChars);
        int item = (in.repetition * 16 + share) * 8 + d;
        sink.add(h(43, item));
        sink.add(h(44, item * 16 + decided));
        break;
      }
    }
    // why the rules pruned it by name, so the model may bring back what they pruned wrongly
    Element dropped = info(el).dropped;
    if (dropped != null) {
      Info din = info(dropped);
      if (din.why == null) din.why = why(dropped, flags);
      int[] why = din.why;
      for (int w : why) {
        sink.add(h(45, w));
        sink.add(h(46, w * 64 + len));
        sink.add(h(47, w * 16 + flags));
      }
      Stat ds = a.stats().get(dropped);
      int share = ds == null || bodyChars == 0 ? 0 : (int) Math.min(10, 10.0 * ds.chars / bodyChars);
      sink.add(h(48, why[0] * 16 + share));
      for (int k : kind) sink.add(h(49, k * 8 + why[0]));
    }
  }

  /**
   * Per block, the index of its group among the page's groups of each kind, one row per kind (see
   * {@link BlockContext}): its parent, its grandparent, and its item container (the parent of the
   * nearest of the block and its ancestors up to five levels with at least three same-shaped
   * siblings; -1 for none).
   */
  int[][] groups() {
    int n = sel.length;
    int[][] out = new int[3][n];
    java.util.List<Map<Element, Integer>> ids = new java.util.ArrayList<>();
    for (int r = 0; r < 3; r++) ids.add(new IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      Element b = a.blocks().get(i);
      Element p = b.parent();
      out[0][i] = id(ids.get(0), p);
      out[1][i] = id(ids.get(1), p == null ? null : p.parent());
      Element item = null;
      Element x = b;
      for (int d = 0; d <= 5 && x != null && x != a.body(); d++, x = x.parent()) {
        Info in = info(x);
        if (in.repetition < 0) in.repetition = repetition(x);
        if (in.repetition >= 3) {
          item = x.parent();
          break;
        }
      }
      out[2][i] = item == null ? -1 : id(ids.get(2), item);
    }
    return out;
  }

  private static int id(Map<Element, Integer> ids, Element e) {
    Integer id = ids.get(e);
    if (id == null) {
      id = ids.size();
      ids.put(e, id);
    }
    return id;
  }

  /** A block with at most this many weighted characters of its own text is one phrase. */
  static final int SHORT_TEXT = 40;

  /** At most this many characters of a block's own text are read for {@link #lead}. */
  static final int LEAD_CHARS = 48;

  /**
   * The words its text starts with: each of its first words (up to {@value #LEAD_CHARS}
   * characters), the first word alone, the first two, and, for a block of one short phrase ("Read
   * more", "Add to cart", "Reply", "Share this"), the whole phrase. Boilerplate says the same few
   * words on every site; the trainer keeps only words seen on many pages. Digits count as 0.
   */
  private static void lead(Element el, boolean phrase, int len, Sink sink) {
    StringBuilder b = new StringBuilder(LEAD_CHARS + 16);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (b.length() >= LEAD_CHARS) return FilterResult.STOP;
            if (node instanceof TextNode t) {
              b.append(t.getWholeText()).append(' ');
              return FilterResult.CONTINUE;
            }
            if (node instanceof Element c && c != el) {
              String tag = c.normalName();
              if (BlockText.skip(c, tag) || Measure.isBlock(tag)) return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        el);
    int end = Math.min(b.length(), LEAD_CHARS);
    int h = 0;
    int n = 0;
    int words = 0;
    int first = 0;
    int all = 0;
    for (int i = 0; i <= end; i++) {
      char c = i < end ? Character.toLowerCase(b.charAt(i)) : ' ';
      if (Character.isLetterOrDigit(c)) {
        // every digit is 0: a number says its length, not its value (values would be hashes
        // without evidence, each colliding with some learned word)
        h = 31 * h + (Character.isDigit(c) ? '0' : c);
        n++;
        continue;
      }
      // a word cut by the end of what was read is left out
      if (n > 0 && !(i == end && end < b.length() && Character.isLetterOrDigit(b.charAt(end)))) {
        words++;
        sink.add(h(60, h));
        if (words == 1) {
          first = h;
          sink.add(h(61, h));
          sink.add(h(62, h * 16 + Math.min(len, 15)));
        } else if (words == 2) {
          sink.add(h(63, first * 31 + h));
        }
        all = all * 0x01000193 + h;
      }
      h = 0;
      n = 0;
    }
    if (phrase && words > 0) sink.add(h(64, all));
  }

  /** Length of the vector of {@link #dense}. */
  static final int DENSE = BlockContext.AT + BlockContext.TAIL + 1;

  /**
   * The dense features of block {@code i} for {@link BlockTrees}, beside the context of the
   * linear model's decisions around it ({@code ctx}, {@link BlockContext#of}; null leaves those
   * features 0): the trees smooth the linear model's decisions over the page.
   */
  void dense(int i, float[] ctx, float[] x) {
    Element el = a.blocks().get(i);
    Stat s = a.stats().get(el);
    Info own = info(el);
    int sel = this.sel[i];
    int n = this.sel.length;
    Element parent = el.parent();
    Stat p1 = parent == null ? null : a.stats().get(parent);
    Element gp = parent == null ? null : parent.parent();
    Stat p2 = gp == null ? null : a.stats().get(gp);
    if (ctx != null) BlockContext.put(ctx, i, x);
    int k = BlockContext.HEAD;
    x[k++] = sel & 1;
    x[k++] = (sel >> 1) & 1;
    x[k++] = (sel >> 2) & 1;
    x[k++] = sel >> 3;
    Element dropped = own.dropped;
    int[] why = null;
    if (dropped != null) {
      Info din = info(dropped);
      if (din.why == null) din.why = why(dropped, flags);
      why = din.why;
    }
    x[k++] = why == null ? 0 : why[0];
    Stat ds = dropped == null ? null : a.stats().get(dropped);
    x[k++] = ds == null || bodyChars == 0 ? -1f : (float) ds.chars / bodyChars;
    x[k++] = (float) Math.log1p(s.inline);
    x[k++] = s.inline == 0 ? 0f : (float) s.inlineLinks / s.inline;
    x[k++] = s.punct;
    x[k++] = s.words;
    x[k++] = s.words == 0 ? -1f : (float) s.shortWords / s.words;
    x[k++] = depths[i];
    x[k++] = (float) i / Math.max(1, n);
    x[k++] = n;
    x[k++] = shareBin;
    x[k++] = bodyBin;
    x[k++] = flags;
    x[k++] = Math.min(99, own.toArticle);
    for (int d = 0; d < 3; d++) {
      Element e = d == 0 ? el : d == 1 ? parent : gp;
      if (e == null) {
        x[k++] = 0;
        continue;
      }
      Info in = info(e);
      if (in.repetition < 0) in.repetition = repetition(e);
      x[k++] = in.repetition;
    }
    x[k++] = p1 == null ? -1f : (float) Math.log1p(p1.chars);
    x[k++] = p1 == null ? -1f : (float) p1.linkDensity();
    x[k++] = p2 == null ? -1f : (float) Math.log1p(p2.chars);
    x[k++] = p2 == null ? -1f : (float) p2.linkDensity();
    x[k++] = i > 0 ? this.sel[i - 1] & 3 : 4;
    x[k++] = i + 1 < n ? this.sel[i + 1] & 3 : 4;
    x[k++] = tagCode(el.normalName());
    x[k++] = parent == null ? 0 : tagCode(parent.normalName());
    Stat body = a.stats().get(a.body());
    x[k++] = body == null ? 0f : (float) body.linkDensity();
    x[k++] = s.chars == 0 ? 0f : (float) s.inline / s.chars;
    x[BlockContext.AT + BlockContext.TAIL] = article ? 1 : 0;
  }

  /** A small code for the tags that make text blocks (0 for any other). */
  static int tagCode(String tag) {
    return switch (tag) {
      case "p" -> 1;
      case "li" -> 2;
      case "td", "th" -> 3;
      case "div" -> 4;
      case "h1" -> 5;
      case "h2", "h3" -> 6;
      case "h4", "h5", "h6" -> 7;
      case "pre", "code" -> 8;
      case "blockquote" -> 9;
      case "dd", "dt" -> 10;
      case "span" -> 11;
      case "a" -> 12;
      case "section", "article" -> 13;
      case "body" -> 14;
      default -> 0;
    };
  }

  /**
   * Why {@code d} was pruned by name: first the kind of hint (1 role, 2 comments, 3 strong, 4
   * weak, 5 other: a copyright line), then the hashes of the hint words that matched.
   */
  static int[] why(Element d, int flags) {
    String role = d.attr("role").toLowerCase(java.util.Locale.ROOT);
    if (!role.isEmpty() && Prune.BOILERPLATE_ROLES.contains(role)) {
      return new int[] {1, 1000 + role.hashCode() % 1000};
    }
    String hints = Prune.hints(d);
    boolean discussion = (flags & 2) != 0;
    java.util.regex.Pattern[] patterns = {
      discussion ? null : Prune.COMMENTS.pattern, Prune.STRONG_NEGATIVE.pattern,
      Prune.WEAK_NEGATIVE.pattern
    };
    for (int k = 0; k < patterns.length; k++) {
      if (patterns[k] == null) continue;
      java.util.regex.Matcher m = patterns[k].matcher(hints);
      if (!m.find()) continue;
      int[] out = new int[4];
      out[0] = 2 + k;
      int n = 1;
      do {
        out[n++] = (2 + k) * 7919 + word(m.group());
      } while (n < out.length && m.find());
      return java.util.Arrays.copyOf(out, n);
    }
    return new int[] {5};
  }

  /** The hash of the letters of {@code s} (a match with its delimiters). */
  private static int word(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') h = 31 * h + c;
    }
    return h;
  }

  /** Text length and link density of a container, binned together. */
  private int container(Element e) {
    Stat s = e == null ? null : a.stats().get(e);
    if (s == null) return 63;
    return log2(s.chars) * 4 + (int) Math.min(3, 4 * s.linkDensity());
  }

  private static final int[] NO_NAMES = new int[0];

  /** Hashes of the words of the class and id of {@code e} (lower-cased letter runs of two+). */
  private static int[] names(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) return NO_NAMES;
    int[] out = new int[8];
    int[] n = {0};
    int[][] box = {out};
    Sink sink = x -> {
      if (n[0] == box[0].length) box[0] = java.util.Arrays.copyOf(box[0], n[0] * 2);
      box[0][n[0]++] = x;
    };
    if (!cls.isEmpty()) words(cls, sink);
    if (!id.isEmpty()) words(id, sink);
    return java.util.Arrays.copyOf(box[0], n[0]);
  }

  private static void words(String s, Sink sink) {
    int h = 0;
    int n = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      boolean upper = c >= 'A' && c <= 'Z';
      if ((c >= 'a' && c <= 'z') || (upper && n == 0)) {
        h = 31 * h + Character.toLowerCase(c);
        n++;
        continue;
      }
      if (n >= 2) sink.add(h);
      h = 0;
      n = 0;
      if (upper) {
        h = Character.toLowerCase(c);
        n = 1;
      }
    }
  }

  /** How many siblings of {@code e} share its shape (tag and first class word), binned. */
  private int repetition(Element e) {
    Element p = e.parent();
    if (p == null) return 0;
    Map<String, Integer> counts = shapes.get(p);
    if (counts == null) {
      counts = new HashMap<>();
      for (Element c : p.children()) counts.merge(shape(c), 1, Integer::sum);
      shapes.put(p, counts);
    }
    int n = counts.getOrDefault(shape(e), 1);
    return n <= 2 ? n : n <= 5 ? 3 : n <= 20 ? 4 : 5;
  }

  private static String shape(Element c) {
    String cls = c.className();
    int end = 0;
    while (end < cls.length() && Character.isLetter(cls.charAt(end))) end++;
    return end == 0 ? c.normalName() : c.normalName() + '.' + cls.substring(0, end);
  }

  /** Bit length of {@code n} (0 for 0), at most 14. */
  static int log2(int n) {
    return Math.min(14, 32 - Integer.numberOfLeadingZeros(Math.max(0, n)));
  }

  /** The hash of value {@code v} in namespace {@code ns}, in {@code [0, 2^BITS)}. */
  static int h(int ns, int v) {
    int x = ns * 0x9E3779B9 + v;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x & ((1 << BITS) - 1);
  }
}
