package org.flmdata.jobs.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the WebText part of the sample: the crawl as two WARC files and a third of thin pages
 * ({@link ThinPages}), the saved pages as a folder
 * of {@code .html} files (one {@code .html.gz}), and a small WuDao-style JSONL of Chinese web
 * text (text in field {@code content}) that includes one record with empty content.
 */
final class WebCorpus {
  static final String DOMAIN = "WebText";
  static final String CRAWL = "CC-SAMPLE-2024-10";
  static final int WUDAO_DOCS = 10;

  private static final Map<String, String> WUDAO_TYPES = Map.of(
      "transit", "交通", "garden", "园艺", "cooking", "美食", "astronomy", "科普",
      "budget", "财经", "hiking", "旅游", "community", "社会", "digital", "科技");

  private WebCorpus() {}

  /** Writes all WebText files; returns the captures written to WARC files and saved pages. */
  static List<Capture> write(CorpusWriter out, long seed) throws IOException {
    SampleCrawl crawl = SampleCrawl.build(seed);
    List<Capture> written = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<Capture> captures = crawl.warc(i);
      String file = String.format(Locale.ROOT, "webtext/warc/%s-%05d.warc.gz", CRAWL, i);
      out.warc(file, DOMAIN, CRAWL, captures);
      written.addAll(captures);
    }
    List<Capture> thin = ThinPages.captures(seed);
    out.warc(String.format(Locale.ROOT, "webtext/warc/%s-%05d.warc.gz", CRAWL, 2), DOMAIN, CRAWL,
        thin);
    written.addAll(thin);
    for (SampleCrawl.SavedPage p : crawl.savedPages()) {
      out.html("webtext/html/" + p.file(), DOMAIN, p.capture().payload());
      written.add(p.capture());
    }
    out.jsonl("webtext/wudao/part-00000.jsonl.gz", DOMAIN, wudao(new Random(seed + 11)));
    return written;
  }

  private static List<Map<String, Object>> wudao(Random rnd) {
    ArticleComposer zh = new ArticleComposer(TextPools.load("web-zh.txt"), "zh", rnd);
    List<String> topics = zh.topics();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < WUDAO_DOCS; i++) {
      String topic = topics.get((i * 3) % topics.size());
      Article a = zh.compose(topic, 12 + rnd.nextInt(6));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", String.format(Locale.ROOT, "wudao-sample-%05d", i + 1));
      row.put("dataType", WUDAO_TYPES.get(topic));
      row.put("title", a.title());
      row.put("content", i == 6 ? "" : String.join("\n", a.paragraphTexts()));
      rows.add(row);
    }
    return rows;
  }
}
