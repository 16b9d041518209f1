package org.flmdata.pipeline.report;

import java.util.List;

/** HTML text helpers: escaping and plain tables. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') b.append('\uFFFD');
          else b.append(c);
        }
      }
    }
    return b.toString();
  }

  /**
   * A table; cells are escaped text unless they start with {@code "<"} from this package's own
   * markup (passed through {@link #raw}).
   */
  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder s = new StringBuilder("<table class=\"" + esc(cssClass) + "\"><thead><tr>");
    for (String h : header) s.append("<th>").append(esc(h)).append("</th>");
    s.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      s.append("<tr>");
      for (String c : r) {
        if (c != null && c.startsWith(RAW)) s.append("<td>").append(c.substring(RAW.length()));
        else s.append("<td>").append(esc(c));
        s.append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</tbody></table>").toString();
  }

  private static final String RAW = "\u0000raw:";

  /** Marks trusted markup (built here, its text escaped) to go into a table cell as is. */
  static String raw(String html) {
    return RAW + html;
  }
}
