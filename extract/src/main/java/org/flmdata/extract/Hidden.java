package org.flmdata.extract;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pages that hide all they show until a script runs: a wrapper with {@code visibility:hidden}
 * around the whole page until it is hydrated (against a flash of unstyled content), a product
 * description in a {@code display:none} block that an app reveals after a check, a grid of items
 * rendered hidden and shown once images load. Rendered as a browser without scripts sees them, such
 * pages come out empty; {@link HtmlExtractor} extracts a page that came out (nearly) empty once
 * more after {@link #reveal} has shown its hidden elements, and keeps that text when it is longer.
 * Navigation, pop-ups and other boilerplate among what was hidden are pruned by name as on any
 * page ({@link Prune}).
 */
final class Hidden {
  private Hidden() {}

  /**
   * Shows what {@code doc}'s body hides: the {@code hidden} attribute and {@code display:none} /
   * {@code visibility:hidden} in style attributes are removed (scripts, templates and other
   * elements that are never text stay skipped by {@link BlockText}). Returns whether anything was
   * hidden. Changes {@code doc}.
   */
  static boolean reveal(Document doc) {
    Element body = doc.body();
    if (body == null) return false;
    boolean any = false;
    for (Element el : body.getAllElements()) {
      if (el.hasAttr("hidden")) {
        el.removeAttr("hidden");
        any = true;
      }
      String style = el.attr("style");
      if (style.isEmpty()) continue;
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        el.removeAttr("style");
        any = true;
      }
    }
    return any;
  }
}
