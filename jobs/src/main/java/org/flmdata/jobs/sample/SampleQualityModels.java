package org.flmdata.jobs.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flmdata.filter.fasttext.FastTextTrainer;
import org.flmdata.filter.fasttext.TrainParams;
import org.flmdata.filter.quality.QualityText;

/**
 * The sample run's fastText quality classifiers, one for English and one for Chinese, trained by
 * {@code sample-corpus} on the text the sample is made of (as {@link SampleTokenizer} is), so the
 * filter stage of the README's first command scores with a model and rejects with {@code
 * quality/...} reasons without a download. The recipe is that of {@code pipeline quality train
 * --positive-domains ... --negative-domains WebText} (GPT-3, Tele-FLM, DCLM: curated text against
 * raw web text): {@code __label__hq} examples are the paragraphs of the curated domains'
 * documents (encyclopedia, books, QA, law, medicine, classical Chinese) in that language; {@code
 * __label__lq} examples are the web text the crawl is made of: article paragraphs composed from
 * the web pools, reader comments, shop keyword lists and the thin pages' copy ({@link ThinPages}).
 *
 * <p>Small and fast (a few thousand lines, dim 16, a 20,000-bucket hash table; well under a
 * second of training each, in a child JVM) and deterministic: fastText with one thread gives the
 * same bytes for the same file, and the file is built in a fixed order with a fixed seed.
 */
final class SampleQualityModels {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SampleQualityModels.class);
  static final List<String> LANGS = List.of("en", "zh");

  static String file(String lang) {
    return "quality-" + lang + ".bin";
  }

  static final TrainParams PARAMS = new TrainParams(20, 0.5, 16, 2, 1, "softmax", 20_000, 1);

  private SampleQualityModels() {}

  /** Writes {@code dir/quality-en.bin} and {@code dir/quality-zh.bin}; returns their paths. */
  static List<Path> train(Path dir, long seed) throws IOException {
    long start = System.nanoTime();
    List<Path> out = new ArrayList<>();
    for (String lang : LANGS) {
      Path work = Files.createTempDirectory("sample-quality");
      try {
        Path lines = work.resolve("train.txt");
        Files.write(lines, trainingLines(lang, seed), StandardCharsets.UTF_8);
        Path prefix = dir.resolve(file(lang).replace(".bin", ""));
        out.add(FastTextTrainer.train(lines, prefix, PARAMS));
        Files.deleteIfExists(Path.of(prefix + ".vec")); // word vectors: not used for scoring
      } finally {
        try (var s = Files.walk(work)) {
          for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
    LOG.info("sample quality models {} trained in {} ms", LANGS,
        (System.nanoTime() - start) / 1_000_000);
    return out;
  }

  /** The labelled, preprocessed, shuffled training lines of one language. */
  static List<String> trainingLines(String lang, long seed) {
    Random rnd = new Random(seed + (lang.equals("en") ? 101 : 202));
    List<String> lines = new ArrayList<>();
    for (String res : List.of("wiki.txt", "book.txt", "qa.txt", "law.txt", "medical.txt",
        "classical.txt")) {
      for (Blocks.Block b : Blocks.load(res)) {
        if (!lang.equals(b.attrs().getOrDefault("lang", "zh"))) continue;
        for (String para : b.text().split("\n\\s*\n")) add(lines, "__label__hq", para);
      }
    }
    TextPools web = TextPools.load(lang.equals("en") ? "web-en.txt" : "web-zh.txt");
    Filler fill = new Filler(web, rnd);
    for (String topic : web.names("topic.")) {
      List<String> s = new ArrayList<>(web.get("topic." + topic));
      Collections.shuffle(s, rnd);
      for (int i = 0; i + 3 <= s.size(); i += 3) {
        add(lines, "__label__lq", fill.fill(String.join(lang.equals("en") ? " " : "",
            s.subList(i, i + 3))));
      }
    }
    TextPools extra = TextPools.load("web-extra.txt");
    for (String c : extra.get("comments." + lang)) add(lines, "__label__lq", c);
    List<String> spam = extra.get("spam." + lang);
    for (int i = 0; i < spam.size(); i++) {
      add(lines, "__label__lq", String.join(" ", spam.subList(i, spam.size())));
    }
    TextPools thin = TextPools.load("web-thin.txt");
    List<String> thinLines = thin.get("thin." + lang);
    for (String product : thin.get("slot.product." + lang)) {
      Filler f = new Filler(thin, rnd, Map.of("product", product));
      for (int i = 0; i < 3; i++) {
        add(lines, "__label__lq", f.fill(thinLines.get(rnd.nextInt(thinLines.size()))) + " "
            + f.fill(thinLines.get(rnd.nextInt(thinLines.size()))));
      }
    }
    Collections.shuffle(lines, rnd);
    return lines;
  }

  private static void add(List<String> lines, String label, String text) {
    String t = QualityText.prepare(text);
    if (t.length() >= 10) lines.add(label + " " + t);
  }
}
