package org.flmdata.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What kind of page this is, as hashed words for {@link BlockFeatures}: the words of the path of
 * the page's own address ({@code link rel=canonical}, else {@code og:url}: "forum", "thread",
 * "product", "category", "docs", "tag" ...), its schema.org types (JSON-LD {@code @type} and
 * microdata {@code itemtype}) and its OpenGraph type. A page type is what the leaders of the WCXB
 * benchmark decide first (rs-trafilatura classifies the page, then extracts per type); here the
 * words are crossed with each block's rules decision, so the block model learns per kind of page
 * where to trust the rules. Words seen on few pages of the training set get no weight.
 */
final class PageKind {
  private PageKind() {}

  /** At most this many words are taken from the address's path. */
  static final int MAX_PATH_WORDS = 8;

  /** At most this many types are read from the page's metadata. */
  static final int MAX_TYPES = 8;

  private static final Pattern LD_TYPE =
      Pattern.compile("\"@type\"\\s*:\\s*(\\[[^\\]]{0,300}\\]|\"[^\"]{1,60}\")");

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,60})\"");

  /**
   * The hashed words of {@code doc}'s kind: path words in namespace 1, types in namespace 2 (so
   * "product" in a path and a Product type differ). Never null; empty for a page declaring nothing.
   */
  static int[] of(Document doc) {
    int[] out = new int[MAX_PATH_WORDS + MAX_TYPES + 1];
    int n = 0;
    Element head = doc.head();
    String url = "";
    String og = "";
    if (head != null) {
      Element canonical = head.selectFirst("link[rel=canonical]");
      if (canonical != null) url = canonical.attr("href");
      Element ogUrl = head.selectFirst("meta[property=og:url]");
      if (url.isEmpty() && ogUrl != null) url = ogUrl.attr("content");
      Element ogType = head.selectFirst("meta[property=og:type]");
      if (ogType != null) og = ogType.attr("content").trim().toLowerCase(Locale.ROOT);
    }
    n = pathWords(url, out, n);
    if (!og.isEmpty() && og.length() <= 40) out[n++] = hash(2, "og:" + og);
    // one pass over the page: JSON-LD types first, then microdata types, MAX_TYPES in all
    List<String> ld = new ArrayList<>();
    List<String> microdata = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.CONTINUE;
            if (el.normalName().equals("script")) {
              if (ld.size() < MAX_TYPES
                  && el.attr("type").equalsIgnoreCase("application/ld+json")) {
                Matcher m = LD_TYPE.matcher(el.data());
                while (m.find() && ld.size() < MAX_TYPES) {
                  Matcher q = QUOTED.matcher(m.group(1));
                  while (q.find() && ld.size() < MAX_TYPES) ld.add(q.group(1));
                }
              }
              return FilterResult.SKIP_ENTIRELY;
            }
            if (microdata.size() < MAX_TYPES && el.hasAttr("itemtype")) {
              microdata.add(el.attr("itemtype"));
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        doc);
    int types = 0;
    for (String t : ld) {
      out = grow(out, n);
      out[n++] = hash(2, t.trim().toLowerCase(Locale.ROOT));
      types++;
    }
    for (String t : microdata) {
      if (types >= MAX_TYPES) break;
      t = t.trim();
      int slash = t.lastIndexOf('/');
      out = grow(out, n);
      out[n++] = hash(2, t.substring(slash + 1).toLowerCase(Locale.ROOT));
      types++;
    }
    int[] words = Arrays.copyOf(out, n);
    Arrays.sort(words);
    // a type repeated (a list of Product items) counts once
    int k = 0;
    for (int i = 0; i < words.length; i++) if (k == 0 || words[k - 1] != words[i]) words[k++] = words[i];
    return Arrays.copyOf(words, k);
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  /** The words (letter runs of 3 to 20, lower-cased) of the path of {@code url}, after the host. */
  static int pathWords(String url, int[] out, int n) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : url.indexOf('/', start + 3);
    if (start < 0) return n;
    int end = url.length();
    int words = 0;
    int from = -1;
    for (int i = start; i <= end && words < MAX_PATH_WORDS; i++) {
      char c = i < end ? url.charAt(i) : '/';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (letter) {
        if (from < 0) from = i;
        continue;
      }
      if (from >= 0 && i - from >= 3 && i - from <= 20) {
        out[n++] = hash(1, url.substring(from, i).toLowerCase(Locale.ROOT));
        words++;
      }
      from = -1;
      if (c == '?' || c == '#') break;
    }
    return n;
  }

  private static int hash(int ns, String s) {
    return ns * 0x01000193 ^ s.hashCode();
  }
}
