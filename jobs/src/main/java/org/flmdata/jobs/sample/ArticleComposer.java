package org.flmdata.jobs.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Composes articles from a topic pool ({@code [topic.NAME]} sentences, {@code [title.NAME]}
 * headlines, {@code [slot.X]} fillers): sentences are dealt without repetition across
 * consecutive articles of a topic and grouped into paragraphs of two to four.
 */
final class ArticleComposer {
  private final TextPools pools;
  private final String lang;
  private final Random rnd;
  private final Filler filler;
  private final Map<String, Deck> sentenceDecks = new LinkedHashMap<>();
  private final Map<String, Deck> titleDecks = new LinkedHashMap<>();

  ArticleComposer(TextPools pools, String lang, Random rnd) {
    this.pools = pools;
    this.lang = lang;
    this.rnd = rnd;
    this.filler = new Filler(pools, rnd);
    for (String topic : topics()) {
      sentenceDecks.put(topic, new Deck(pools.get("topic." + topic), rnd));
      titleDecks.put(topic, new Deck(pools.get("title." + topic), rnd));
    }
  }

  /** Topic names in resource order. */
  List<String> topics() {
    return pools.names("topic.");
  }

  /** An article of {@code sentences} sentences on {@code topic}. */
  Article compose(String topic, int sentences) {
    Deck deck = sentenceDecks.get(topic);
    if (deck == null) throw new IllegalArgumentException("no topic " + topic + " for " + lang);
    String title = filler.fill(titleDecks.get(topic).next());
    List<String> drawn = deck.next(sentences);
    List<List<String>> paragraphs = new ArrayList<>();
    int i = 0;
    while (i < drawn.size()) {
      int size = Math.min(2 + rnd.nextInt(3), drawn.size() - i);
      if (drawn.size() - i - size == 1) size++;
      List<String> p = new ArrayList<>(size);
      for (int k = 0; k < size; k++) p.add(filler.fill(drawn.get(i + k)));
      paragraphs.add(p);
      i += size;
    }
    return new Article(lang, topic, title, paragraphs);
  }

  /** Fills one line of the pool's slots, e.g. a byline name. */
  String fill(String template) {
    return filler.fill(template);
  }
}
