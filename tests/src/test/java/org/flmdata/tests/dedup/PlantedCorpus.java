package org.flmdata.tests.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flmdata.dedup.JaccardCheck;
import org.flmdata.dedup.MinHashParams;
import org.flmdata.dedup.MinHashPreset;
import org.flmdata.dedup.Shingler;
import org.flmdata.pipeline.Document;

/**
 * A generated corpus with planted near-duplicates: families of one base document (English words
 * or Chinese characters, Zipf-distributed, in paragraphs) and variants made by word/character
 * edits at target Jaccard levels, paragraph shuffles, appended boilerplate and exact copies. Each
 * family's documents are spread over two subsets (domains A and B). Unrelated families share no
 * shingle by more than chance, so the ground truth is exact Jaccard within families, computed on
 * the same shingles the dedup stage uses (5-word for en, 5-character for zh).
 */
final class PlantedCorpus {
  /** Target Jaccard levels of edited variants: three above 0.8, three below. */
  static final double[] EDIT_LEVELS = {0.95, 0.9, 0.85, 0.72, 0.6, 0.5};

  static final String BOILERPLATE_EN = "Subscribe to our newsletter for the latest updates and"
      + " offers. Follow us on social media. All rights reserved. Privacy policy, terms of use,"
      + " cookie settings, contact us, about us, careers, press, advertise with us, sitemap,"
      + " accessibility statement and help center.";
  static final String BOILERPLATE_ZH = "订阅我们的新闻通讯以获取最新动态和优惠。关注我们的社交媒体。版权所有，"
      + "保留所有权利。隐私政策、使用条款、联系我们、关于我们、招聘信息、广告合作、网站地图。";

  final List<Document> docs = new ArrayList<>();
  /** Document index ranges of each family, [from, to). */
  final List<int[]> families = new ArrayList<>();

  private final SplittableRandom rnd;
  private final String[] vocab;

  PlantedCorpus(int families, long seed) {
    this.rnd = new SplittableRandom(seed);
    this.vocab = vocabulary(30_000);
    for (int f = 0; f < families; f++) family(f);
  }

  private static String[] vocabulary(int n) {
    String[] syl = {"ka", "to", "ri", "mu", "se", "la", "po", "ne", "vi", "da", "lo", "gu", "re",
        "sha", "tin", "mor", "qua", "ben", "ex", "il"};
    SplittableRandom r = new SplittableRandom(99);
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + (i < 200 ? 0 : 1) + r.nextInt(3);
      for (int j = 0; j < len; j++) sb.append(syl[r.nextInt(syl.length)]);
      v[i] = sb.append(i).toString();
    }
    return v;
  }

  /** Zipf-like rank in [0, n): inverse of a power law, s ~ 1. */
  private int zipf(int n) {
    double u = rnd.nextDouble();
    return (int) Math.min(n - 1, Math.floor(Math.exp(u * Math.log(n + 1.0))) - 1);
  }

  private List<String> enTokens(int n) {
    List<String> t = new ArrayList<>(n);
    for (int i = 0; i < n; i++) t.add(vocab[zipf(vocab.length)]);
    return t;
  }

  private List<String> zhTokens(int n) {
    List<String> t = new ArrayList<>(n);
    for (int i = 0; i < n; i++) t.add(new String(Character.toChars(0x4E00 + zipf(3500))));
    return t;
  }

  /** Paragraphs of tokens joined: words by spaces (en) or nothing (zh). */
  private static String render(List<List<String>> paras, boolean zh) {
    StringBuilder sb = new StringBuilder();
    for (List<String> p : paras) {
      if (sb.length() > 0) sb.append("\n\n");
      sb.append(String.join(zh ? "" : " ", p));
      sb.append(zh ? "。" : ".");
    }
    return sb.toString();
  }

  private static List<List<String>> split(List<String> tokens, int paras) {
    List<List<String>> out = new ArrayList<>();
    int per = (tokens.size() + paras - 1) / paras;
    for (int i = 0; i < tokens.size(); i += per) {
      out.add(new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + per))));
    }
    return out;
  }

  private void family(int f) {
    boolean zh = f % 10 >= 7; // 30% Chinese
    String lang = zh ? "zh" : "en";
    int n = zh ? 500 + rnd.nextInt(400) : 250 + rnd.nextInt(250);
    List<String> base = zh ? zhTokens(n) : enTokens(n);
    int from = docs.size();
    add(f, 0, lang, render(split(base, 6), zh));
    int kind = f % 5; // 40% of families are singletons
    if (kind >= 3) {
      families.add(new int[] {from, docs.size()});
      return;
    }
    int variants = 1 + rnd.nextInt(3);
    for (int v = 1; v <= variants; v++) {
      int type = rnd.nextInt(4);
      String text;
      if (type == 0) {
        double level = EDIT_LEVELS[rnd.nextInt(EDIT_LEVELS.length)];
        text = render(split(edited(base, level, zh), 6), zh);
      } else if (type == 1) {
        List<List<String>> paras = split(base, 6);
        Collections.shuffle(paras, new java.util.Random(rnd.nextLong()));
        text = render(paras, zh);
      } else if (type == 2) {
        text = render(split(base, 6), zh) + "\n\n" + (zh ? BOILERPLATE_ZH : BOILERPLATE_EN);
      } else {
        text = render(split(base, 6), zh);
      }
      add(f, v, lang, text);
    }
    families.add(new int[] {from, docs.size()});
  }

  /**
   * Replaces tokens at random positions so that, were the edits 5 apart, the 5-shingle Jaccard
   * would be {@code level}: e edits change 5e of S shingles, J = (S - 5e) / (S + 5e).
   */
  private List<String> edited(List<String> base, double level, boolean zh) {
    int s = base.size() - 4;
    int edits = (int) Math.round(s * (1 - level) / (5 * (1 + level)));
    List<String> out = new ArrayList<>(base);
    for (int e = 0; e < edits; e++) {
      int p = rnd.nextInt(out.size());
      out.set(p, zh ? new String(Character.toChars(0x9000 + rnd.nextInt(0x900)))
          : "edit" + rnd.nextInt(1_000_000));
    }
    return out;
  }

  private void add(int family, int variant, String lang, String text) {
    String domain = rnd.nextBoolean() ? "A" : "B";
    docs.add(new Document(String.format("f%07d-%d", family, variant), domain, "subset-" + domain,
        null, lang, text, Map.of()));
  }

  /** Sorted distinct shingle hashes of a document under its language's preset. */
  static long[] shingleSet(Document d) {
    MinHashParams p = MinHashParams.of(MinHashPreset.auto(d.getLang()));
    Shingler s = new Shingler(p.unit(), p.shingleSize());
    int count = s.shingle(d.getText());
    return JaccardCheck.sortedSet(s.hashes(), count);
  }

  static double jaccard(long[] x, long[] y) {
    return JaccardCheck.jaccard(x, y);
  }
}
