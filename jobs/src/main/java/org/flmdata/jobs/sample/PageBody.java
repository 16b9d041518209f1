package org.flmdata.jobs.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * What a generated page says, apart from its site's chrome: the main text a good extractor should
 * return, plus the links and comments around it that it should leave out.
 *
 * @param title headline (plain text)
 * @param section the site section it is filed under
 * @param author byline name, or null for pages without one
 * @param published publication date, or null
 * @param paragraphs main text, one string per paragraph (plain text)
 * @param related links to other pages of the site
 * @param comments reader comments under the article
 * @param hiddenHtml raw markup appended to the body unseen (spam pages hide keywords there)
 */
record PageBody(
    String title,
    String section,
    String author,
    LocalDate published,
    List<String> paragraphs,
    List<Link> related,
    List<Comment> comments,
    String hiddenHtml) {

  record Link(String href, String title) {}

  record Comment(String author, String text) {}

  PageBody {
    paragraphs = List.copyOf(paragraphs);
    related = List.copyOf(related);
    comments = List.copyOf(comments);
  }
}
