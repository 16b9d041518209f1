package org.flmdata.jobs.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of one generated web article: a title and paragraphs of sentences, in one language.
 *
 * @param lang ISO 639-1 code of the text
 * @param topic the pool section it was drawn from
 * @param title headline
 * @param paragraphs sentences grouped by paragraph
 */
record Article(String lang, String topic, String title, List<List<String>> paragraphs) {

  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

  Article {
    List<List<String>> copy = new ArrayList<>();
    for (List<String> p : paragraphs) copy.add(List.copyOf(p));
    paragraphs = List.copyOf(copy);
  }

  /** Sentences are joined by a space, except in Chinese, which has no spaces between them. */
  String separator() {
    return lang.equals("zh") ? "" : " ";
  }

  List<String> paragraphTexts() {
    List<String> out = new ArrayList<>(paragraphs.size());
    for (List<String> p : paragraphs) out.add(String.join(separator(), p));
    return out;
  }

  /**
   * The same article lightly edited, as a syndicating site republishes it: the first number in
   * the text corrected by one, and a closing note naming the source.
   */
  Article republished(String note) {
    List<List<String>> ps = new ArrayList<>();
    boolean edited = false;
    for (List<String> p : paragraphs) {
      List<String> copy = new ArrayList<>(p);
      for (int i = 0; i < copy.size() && !edited; i++) {
        Matcher m = NUMBER.matcher(copy.get(i));
        if (m.find()) {
          long corrected = Long.parseLong(m.group()) + 1;
          copy.set(i, copy.get(i).substring(0, m.start()) + corrected
              + copy.get(i).substring(m.end()));
          edited = true;
        }
      }
      ps.add(copy);
    }
    ps.add(List.of(note));
    return new Article(lang, topic, title, ps);
  }
}
