package org.flmdata.jobs.sample;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/** URL paths of generated pages, in the style of each kind of site, and their saved file names. */
final class WebPaths {
  private WebPaths() {}

  /** The path of article {@code id} published on {@code date} under {@code title}. */
  static String article(Site site, String title, LocalDate date, int id) {
    String y = String.valueOf(date.getYear());
    String m = two(date.getMonthValue());
    String d = two(date.getDayOfMonth());
    if (site.lang().equals("zh")) {
      return switch (site.layout()) {
        case SEMANTIC -> "/news/" + y + m + "/t" + y + m + d + "_" + id + ".html";
        case BLOG -> "/" + y + "/" + m + "/" + id + ".html";
        case LEGACY -> "/html/" + y + "/" + m + d + "/" + id + ".htm";
      };
    }
    String slug = slug(title);
    return switch (site.layout()) {
      case SEMANTIC -> "/news/" + y + "/" + m + "/" + slug + "-" + id;
      case BLOG -> "/" + y + "/" + m + "/" + d + "/" + slug + "/";
      case LEGACY -> "/articles/" + id + "/" + slug + ".html";
    };
  }

  /** Lower-case ASCII words joined by '-', accents folded, at most 60 characters. */
  static String slug(String title) {
    String folded = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
    if (s.length() > 60) s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    return s.isEmpty() ? "page" : s;
  }

  /** The file a page at {@code host} + {@code path} is saved as: {@code host/flat-path.html}. */
  static String savedFile(String host, String path) {
    String p = path.replaceAll("^/+|/+$", "").replaceAll("\\.html?$", "");
    p = p.replaceAll("[^A-Za-z0-9._-]+", "_");
    return host + "/" + (p.isEmpty() ? "index" : p) + ".html";
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }
}
