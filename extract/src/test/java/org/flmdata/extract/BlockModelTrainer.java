package org.flmdata.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Trains {@link BlockModel} on the fit part of the WCXB development set ({@link WcxbDev}) and
 * selects its threshold on the check part; writes the model resource. Seeded and single-threaded:
 * the same set and arguments write the same bytes.
 *
 * <p>Labels: each text block's own words (lower-cased {@code \w+}, as {@link BagOfWords} cuts
 * them) are aligned to the page's reference text by word trigrams: the label is the share of the
 * block's trigrams found in the reference (bigram or word for blocks of two words or one). Each
 * block weighs its words' share of its page, so every page counts alike, as the metric's mean over
 * pages does. Logistic regression with soft labels, AdaGrad, L2, examples shuffled with the seed.
 *
 * <p>Settings tried ({@link #MIN_PAGES} x {@link #L2} x the keep/add thresholds): the best mean
 * F1 on the check part is written. About five minutes on one core, most of it parsing:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl pipeline,extract \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp "$(cat extract/target/cp.txt):extract/target/classes:extract/target/test-classes" \
 *     org.flmdata.extract.BlockModelTrainer ../shared/data/extraction/wcxb-dev \
 *     extract/src/main/resources/org/flmdata/extract/block-model.bin.gz [epochs=4] [seed=17]
 * </pre>
 */
public final class BlockModelTrainer {
  private BlockModelTrainer() {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  /** One page's blocks: features, words, label and weight, and whether the text leaves it out. */
  record PageBlocks(
      WcxbDev.Page page,
      int[][] features,
      String[][] words,
      float[] labels,
      float[] weights,
      boolean[] forcedOut,
      boolean[] selected,
      BagOfWords rules,
      boolean scored,
      boolean article,
      boolean[] named,
      boolean[] cells) {}

  static String[] words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out.toArray(new String[0]);
  }

  /** The loose text of block {@code el}: text not inside a nested block or a skipped element. */
  static void ownText(Element el, StringBuilder out) {
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t) {
        out.append(t.getWholeText()).append(' ');
      } else if (n instanceof Element c) {
        String tag = c.normalName();
        if (BlockText.skip(c, tag) || Measure.isBlock(tag)) continue;
        ownText(c, out);
      }
    }
  }

  static PageBlocks blocks(WcxbDev.Page p, String reference) {
    byte[] html = p.html();
    String decoded = PageDecoder.decode(html, html.length, null).text();
    Document doc = Jsoup.parse(decoded);
    Element body = doc.body();
    PageSignals signals = PageSignals.of(doc);
    String title = BlockText.collapse(doc.title());
    Element headline = body == null ? null : Headline.of(doc, title, signals);
    if (body == null) {
      return new PageBlocks(p, new int[0][], new String[0][], new float[0], new float[0],
          new boolean[0], new boolean[0], BagOfWords.score("", p.gold()), false, false,
          new boolean[0], new boolean[0]);
    }
    MainContent.Analysis a =
        HtmlExtractor.analyse(body, MainContent.Mode.BALANCED, headline, signals);
    BagOfWords rules = BagOfWords.score(a.result().text(), p.gold());
    BlockFeatures f = new BlockFeatures(a, signals);
    String[] ref = words(reference);
    Set<Long> tri = new HashSet<>();
    Set<Long> bi = new HashSet<>();
    Set<String> uni = new HashSet<>(List.of(ref));
    for (int i = 0; i < ref.length; i++) {
      if (i + 1 < ref.length) bi.add(key(ref[i], ref[i + 1], ""));
      if (i + 2 < ref.length) tri.add(key(ref[i], ref[i + 1], ref[i + 2]));
    }
    int n = a.blocks().size();
    int[][] features = new int[n][];
    String[][] words = new String[n][];
    float[] labels = new float[n];
    float[] weights = new float[n];
    boolean[] forcedOut = new boolean[n];
    boolean[] selected = new boolean[n];
    boolean[] named = new boolean[n];
    boolean[] cells = new boolean[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      Element el = a.blocks().get(i);
      List<Integer> fs = new ArrayList<>();
      f.of(i, fs::add);
      features[i] = fs.stream().mapToInt(Integer::intValue).toArray();
      StringBuilder b = new StringBuilder();
      ownText(el, b);
      String[] w = words(b.toString());
      words[i] = w;
      selected[i] = f.selected(i);
      named[i] = f.prunedByName(i);
      cells[i] = BlockModel.isStructure(el);
      forcedOut[i] = headline != null && Choice.isAncestor(headline, el);
      int hits = 0;
      int grams;
      if (w.length >= 3) {
        grams = w.length - 2;
        for (int j = 0; j + 2 < w.length; j++) if (tri.contains(key(w[j], w[j + 1], w[j + 2]))) hits++;
      } else if (w.length == 2) {
        grams = 1;
        if (bi.contains(key(w[0], w[1], ""))) hits++;
      } else {
        grams = 1;
        if (w.length == 1 && uni.contains(w[0])) hits++;
      }
      labels[i] = w.length == 0 ? 0 : (float) hits / grams;
      if (!forcedOut[i]) total += w.length;
    }
    for (int i = 0; i < n; i++) {
      weights[i] = forcedOut[i] || total == 0 ? 0 : (float) words[i].length / total;
    }
    return new PageBlocks(
        p, features, words, labels, weights, forcedOut, selected, rules, BlockModel.judges(a),
        signals.article(), named, cells);
  }

  private static long key(String a, String b, String c) {
    long h = a.hashCode();
    h = h * 0x9E3779B97F4A7C15L + b.hashCode();
    h = h * 0x9E3779B97F4A7C15L + c.hashCode();
    return h;
  }

  /** Logistic regression with soft labels: AdaGrad, L2, {@code epochs} passes in seeded order. */
  static float[] train(List<PageBlocks> pages, int epochs, long seed, int minPages, double l2) {
    // a feature seen on fewer than minPages pages (a site's own class names) is left out: it
    // would learn that site's labels by heart
    int[] df = new int[1 << BlockFeatures.BITS];
    for (PageBlocks pb : pages) {
      Set<Integer> seen = new HashSet<>();
      for (int[] fs : pb.features()) for (int x : fs) seen.add(x);
      for (int x : seen) df[x]++;
    }
    List<int[]> index = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      for (int i = 0; i < pb.features().length; i++) {
        if (pb.scored() && pb.weights()[i] > 0) index.add(new int[] {p, i});
      }
    }
    int dim = 1 << BlockFeatures.BITS;
    double[] w = new double[dim];
    double[] g2 = new double[dim];
    double rate = 0.5;
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      java.util.Collections.shuffle(index, random);
      double loss = 0;
      for (int[] e : index) {
        PageBlocks pb = pages.get(e[0]);
        int[] fs = pb.features()[e[1]];
        double z = 0;
        for (int x : fs) if (df[x] >= minPages) z += w[x];
        double prob = 1 / (1 + Math.exp(-z));
        double y = pb.labels()[e[1]];
        double weight = pb.weights()[e[1]];
        loss += weight * -(y * Math.log(prob + 1e-9) + (1 - y) * Math.log(1 - prob + 1e-9));
        double g = weight * (prob - y);
        for (int x : fs) {
          if (df[x] < minPages) continue;
          double gx = g + l2 * w[x];
          g2[x] += gx * gx;
          w[x] -= rate * gx / (Math.sqrt(g2[x]) + 1e-8);
        }
      }
      System.out.printf(Locale.ROOT, "epoch %d: loss %.4f per page%n", epoch, loss / pages.size());
    }
    float[] out = new float[dim];
    for (int i = 0; i < dim; i++) out[i] = (float) w[i];
    return out;
  }

  /** The page's score when the blocks with log-odds at least {@code cut} are kept. */
  static BagOfWords score(PageBlocks pb, float[] w, double keepCut, double addCut) {
    if (!pb.scored()) return pb.rules();
    // as BlockModel.text: no additions on a page that declares itself an article
    if (pb.article()) addCut = Double.POSITIVE_INFINITY;
    StringBuilder text = new StringBuilder();
    boolean any = false;
    for (int i = 0; i < pb.features().length; i++) {
      if (pb.forcedOut()[i]) continue;
      double z = 0;
      for (int x : pb.features()[i]) z += w[x];
      if (pb.selected()[i]
          ? pb.cells()[i] || z >= keepCut
          : !pb.named()[i] && z >= addCut) {
        any = true;
        for (String s : pb.words()[i]) text.append(s).append(' ');
      }
    }
    return any ? BagOfWords.score(text.toString(), pb.page().gold()) : pb.rules();
  }

  /** The settings tried; the best on the check part is written. */
  static final int[] MIN_PAGES = {20, 50};

  static final double[] L2 = {1e-3};

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction/wcxb-dev");
    Path out = Path.of(args.length > 1
        ? args[1] : "extract/src/main/resources/org/flmdata/extract/" + BlockModel.RESOURCE);
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 17;
    Map<String, String> references = WcxbDev.references(dir);
    List<PageBlocks> fit = new ArrayList<>();
    List<PageBlocks> check = new ArrayList<>();
    for (WcxbDev.Page p : WcxbDev.load(dir)) {
      PageBlocks pb = blocks(p, references.get(p.id()));
      (p.part().equals("fit") ? fit : check).add(pb);
    }
    // the rules stay the default: a selected block goes only when the model is fairly sure, and
    // one they pruned by name never joins (BlockModel.text)
    double[][] thresholds = {
      {0.1, 0.4}, {0.1, 0.5}, {0.1, 0.6}, {0.2, 0.4}, {0.2, 0.5}, {0.2, 0.6}, {0.3, 0.4}, {0.3, 0.5},
      {0.3, 0.6}
    };
    double[] best = null;
    double bestF1 = -1;
    float[] w = null;
    System.out.printf(Locale.ROOT, "rules: fit %.3f check %.3f%n",
        mean(fit, null, null, null), mean(check, null, null, null));
    for (int minPages : MIN_PAGES) {
      for (double l2 : L2) {
        float[] candidate = train(fit, epochs, seed, minPages, l2);
        for (double[] t : thresholds) {
          double f = mean(fit, candidate, t, null);
          double c = mean(check, candidate, t, null);
          System.out.printf(Locale.ROOT,
              "min_pages %d l2 %.0e keep %.2f add %.2f: fit %.3f check %.3f%n",
              minPages, l2, t[0], t[1], f, c);
          if (c > bestF1) {
            bestF1 = c;
            best = t;
            w = candidate;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "chosen keep %.2f add %.2f; per type (rules -> model):%n",
        best[0], best[1]);
    for (String type : WcxbDev.TYPES) {
      System.out.printf(Locale.ROOT, "%-14s fit %.3f -> %.3f   check %.3f -> %.3f%n", type,
          mean(fit, null, null, type), mean(fit, w, best, type),
          mean(check, null, null, type), mean(check, w, best, type));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      new BlockModel(w, (float) best[0], (float) best[1]).write(o);
    }
    System.out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
  }

  /** Mean F1 of the model (or of the rules when {@code w} is null) over pages of {@code type}. */
  private static double mean(List<PageBlocks> pages, float[] w, double[] t, String type) {
    double sum = 0;
    int n = 0;
    for (PageBlocks pb : pages) {
      if (type != null && !pb.page().type().equals(type)) continue;
      sum += w == null
          ? pb.rules().f1()
          : score(pb, w, BlockModel.logit(t[0]), BlockModel.logit(t[1])).f1();
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
