package org.flmdata.jobs.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The third WARC file of the sample crawl: thin pages (affiliate listicles and coupon pages in
 * English and Chinese, {@code sample/web-thin.txt}) that are well-formed enough to pass every
 * heuristic rule of the clean stage, so that only the filter stage's quality model can catch them,
 * as in a real crawl, where most low-value text is grammatical. Their own seeded generator keeps
 * the other two WARC files byte-identical to a sample without them.
 */
final class ThinPages {
  /** Thin pages per language. */
  static final int PER_LANG = 8;

  private static final Instant START = Instant.parse("2024-02-23T08:41:19Z");

  private ThinPages() {}

  /** The captures of the third WARC file, in fetch order. */
  static List<Capture> captures(long seed) {
    Random rnd = new Random(seed + 29);
    TextPools pools = TextPools.load("web-thin.txt");
    List<Capture> out = new ArrayList<>();
    for (String lang : List.of("en", "zh")) {
      Site site = lang.equals("en") ? Sites.DEALS : Sites.TEJIA;
      Deck products = new Deck(pools.get("slot.product." + lang), rnd);
      Deck sentences = new Deck(pools.get("thin." + lang), rnd);
      List<String> titles = pools.get("title." + lang);
      String sep = lang.equals("en") ? " " : "";
      for (int i = 0; i < PER_LANG; i++) {
        String product = products.next();
        Filler fill = new Filler(pools, rnd, Map.of("product", product));
        List<String> paragraphs = new ArrayList<>();
        int n = 5 + rnd.nextInt(3);
        List<String> drawn = sentences.next(n * 2 + 1);
        for (int p = 0; p < n; p++) {
          paragraphs.add(fill.fill(drawn.get(2 * p)) + sep + fill.fill(drawn.get(2 * p + 1)));
        }
        paragraphs.add(fill.fill(drawn.get(2 * n)));
        String title = fill.fill(titles.get(i % titles.size()));
        LocalDate date = LocalDate.of(2024, 1, 3).plusDays(rnd.nextInt(50));
        String path = String.format(Locale.ROOT, "/%s/%d/%04d.html",
            lang.equals("en") ? "deals" : "haowu", date.getYear(), 3100 + i * 13 + rnd.nextInt(13));
        PageBody body = new PageBody(title, site.nav().get(1), null, date, paragraphs, List.of(),
            List.of(), null);
        out.add(SampleCrawl.page(site, path, body, Capture.Kind.THIN));
      }
    }
    Instant t = START;
    for (int k = 0; k < out.size(); k++) {
      out.set(k, out.get(k).withFetched(t));
      t = t.plusSeconds(3 + rnd.nextInt(30));
    }
    return out;
  }
}
