package org.flmdata.jobs.sample;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A generated website: its host, language, how it declares its charset, and the chrome (menu,
 * cookie banner, footer) around every article, which extraction must strip.
 *
 * @param host host name under a reserved {@code example.*} domain
 * @param name display name
 * @param lang language of the site's chrome
 * @param charsetLabel charset the pages are encoded in and declared as, e.g. {@code GBK}
 * @param charsetInHeader whether the HTTP Content-Type names the charset (else only the page does)
 * @param httpEquiv whether the page declares it with the old {@code http-equiv} meta tag
 * @param layout markup style
 * @param nav menu entries
 * @param cookie cookie banner text
 * @param footer footer lines (HTML entities allowed)
 * @param server HTTP Server header
 */
record Site(
    String host,
    String name,
    String lang,
    String charsetLabel,
    boolean charsetInHeader,
    boolean httpEquiv,
    Layout layout,
    List<String> nav,
    String cookie,
    List<String> footer,
    String server) {

  /** Markup styles seen in crawls: HTML5 landmarks, a blog theme's divs, a table layout. */
  enum Layout {
    SEMANTIC,
    BLOG,
    LEGACY
  }

  Charset charset() {
    return Charset.forName(charsetLabel);
  }

  String origin() {
    return "https://" + host;
  }
}
