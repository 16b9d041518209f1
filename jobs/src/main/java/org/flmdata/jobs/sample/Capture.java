package org.flmdata.jobs.sample;

import java.time.Instant;

/**
 * One fetch of the sample crawl: what the server answered for a URL and when. Written to WARC as
 * request, response and metadata records; HTML pages are also saved as files.
 *
 * @param url target URI
 * @param status HTTP status code
 * @param contentType HTTP Content-Type as the server sent it (with or without charset)
 * @param payload response body bytes, in the page's own charset
 * @param location Location header of a redirect, or null
 * @param kind why the capture is in the sample
 * @param lang language of the text, or null for binary payloads
 * @param server HTTP Server header
 * @param fetched fetch time (WARC-Date)
 */
record Capture(
    String url,
    int status,
    String contentType,
    byte[] payload,
    String location,
    Kind kind,
    String lang,
    String server,
    Instant fetched) {

  /** The role of a capture in the sample; later stages must keep or reject each as named. */
  enum Kind {
    /** A normal article page: kept, unless a quality rule disagrees. */
    ARTICLE,
    /** The same article republished elsewhere with small edits: fuzzy dedup removes one. */
    NEAR_DUPLICATE,
    /** Byte-identical to another page under another URL: exact dedup removes one. */
    EXACT_DUPLICATE,
    /** Keyword stuffing: quality rules reject it. */
    SPAM,
    /** A page with almost no text: length rules reject it. */
    SHORT,
    /** Grammatical affiliate or coupon copy: passes the rules; the quality model rejects it. */
    THIN,
    /** A page in a language the domain does not list: the language filter rejects it. */
    OTHER_LANGUAGE,
    /** HTTP 404 and 301: not content, counted under an HTTP status reason. */
    HTTP_ERROR,
    /** Images, PDFs, robots.txt, JSON: not HTML, counted under a content-type reason. */
    NOT_HTML
  }

  /** An HTML page served with status 200: what the extractor turns into a document. */
  boolean isHtmlPage() {
    return status == 200 && contentType.startsWith("text/html");
  }

  Capture withFetched(Instant time) {
    return new Capture(url, status, contentType, payload, location, kind, lang, server, time);
  }

  String reasonPhrase() {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 404 -> "Not Found";
      default -> throw new IllegalStateException("status " + status);
    };
  }
}
