package org.flmdata.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
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
 * Trains {@link BlockModel} on the fit part of a set laid out as the WCXB development set ({@link
 * WcxbDev}) and selects its stage and thresholds on the check part; writes the model. Pages are
 * parsed on several threads, each alone, and their results kept in the set's order; all the rest
 * is single-threaded and seeded: the same set and arguments write the same bytes.
 *
 * <p>Labels: each text block's own words (lower-cased {@code \w+}, as {@link BagOfWords} cuts
 * them) are aligned to the page's reference text by word trigrams: the label is the share of the
 * block's trigrams found in the reference (bigram or word for blocks of two words or one). Each
 * block weighs its words' share of its page, so every page counts alike, as the metric's mean over
 * pages does. Stage one: logistic regression with soft labels, AdaGrad, L2, examples shuffled with
 * the seed. Stage two: boosted trees ({@link BlockTrees}, settings {@link #TREES}) over the dense
 * features, starting from stage one's log-odds.
 *
 * <p>Settings tried: each stage x the keep/add/add-named thresholds; the best mean F1 on the check
 * part is written. About five minutes on two cores, most of it parsing. Users run it as {@code
 * pipeline extract-train-model --dev DIR --output FILE}; in a checkout:
 *
 * <pre>
 * mvn -B -o -q compile dependency:build-classpath -pl pipeline,extract \
 *     -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp "$(cat extract/target/cp.txt):extract/target/classes" \
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
      boolean[] cells,
      float[][] dense,
      int[] groups) {}

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
          new boolean[0], new boolean[0], new float[0][], new int[0]);
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
    float[][] dense = new float[n][];
    double[] zeros = new double[n];
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
      dense[i] = new float[BlockFeatures.DENSE];
      f.dense(i, zeros, 0, 0, dense[i]);
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
        signals.article(), named, cells, dense, f.groups());
  }

  private static long key(String a, String b, String c) {
    long h = a.hashCode();
    h = h * 0x9E3779B97F4A7C15L + b.hashCode();
    h = h * 0x9E3779B97F4A7C15L + c.hashCode();
    return h;
  }

  /** Logistic regression with soft labels: AdaGrad, L2, {@code epochs} passes in seeded order. */
  static float[] train(
      List<PageBlocks> pages, int epochs, long seed, int minPages, double l2, PrintWriter log) {
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
      log.printf(Locale.ROOT, "epoch %d: loss %.4f per page%n", epoch,
          loss / Math.max(1, pages.size()));
    }
    float[] out = new float[dim];
    for (int i = 0; i < dim; i++) out[i] = (float) w[i];
    return out;
  }

  /** The page's score when the blocks with log-odds at least {@code cut} are kept. */
  static BagOfWords score(
      PageBlocks pb, double[] z, double keepCut, double addCut, double namedCut) {
    if (!pb.scored()) return pb.rules();
    // as BlockModel.text: no additions on a page that declares itself an article
    if (pb.article() || pb.features().length < BlockModel.MIN_BLOCKS) {
      addCut = Double.POSITIVE_INFINITY;
      namedCut = Double.POSITIVE_INFINITY;
    }
    StringBuilder text = new StringBuilder();
    boolean any = false;
    for (int i = 0; i < pb.features().length; i++) {
      if (pb.forcedOut()[i]) continue;
      if (pb.selected()[i]
          ? pb.cells()[i] || z[i] >= keepCut
          : z[i] >= (pb.named()[i] ? namedCut : addCut)) {
        any = true;
        for (String s : pb.words()[i]) text.append(s).append(' ');
      }
    }
    return any ? BagOfWords.score(text.toString(), pb.page().gold()) : pb.rules();
  }

  /** The settings tried; the best on the check part is written. */
  static final int[] MIN_PAGES = {20};

  static final double[] L2 = {1e-3};

  static final double[] KEEP = {0.05, 0.1, 0.2, 0.3};
  static final double[] ADD = {0.4, 0.5, 0.6};
  /** 1: a block pruned by name never joins. */
  static final double[] ADD_NAMED = {0.5, 0.6, 0.75, 0.9, 1.0};

  /** Pages parsed at once (each page alone; the order of the results is the order of the set). */
  static final int THREADS =
      Integer.parseInt(System.getProperty("flmdata.train.threads", "2"));

  /** The log-odds of probability {@code p}; infinite for 1 (never). */
  static double cut(double p) {
    return p >= 1 ? Double.POSITIVE_INFINITY : BlockModel.logit(p);
  }

  /** The blocks of every page, parsed on {@code threads} threads, in the order of {@code pages}. */
  static List<PageBlocks> parse(
      List<WcxbDev.Page> pages, Map<String, String> references, int threads) {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<java.util.concurrent.Future<PageBlocks>> futures = new ArrayList<>();
      for (WcxbDev.Page p : pages) {
        futures.add(pool.submit(() -> blocks(p, references.get(p.id()))));
      }
      List<PageBlocks> out = new ArrayList<>();
      for (java.util.concurrent.Future<PageBlocks> f : futures) out.add(f.get());
      return out;
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  /** The linear model's log-odds of every block of every page. */
  static List<double[]> linear(List<PageBlocks> pages, float[] w) {
    List<double[]> out = new ArrayList<>();
    for (PageBlocks pb : pages) {
      double[] z = new double[pb.features().length];
      for (int i = 0; i < z.length; i++) for (int x : pb.features()[i]) z[i] += w[x];
      out.add(z);
    }
    return out;
  }

  /** The dense features of block {@code i} with the linear log-odds {@code z} of its page. */
  static float[] dense(PageBlocks pb, double[] z, double[] page, double[] sibling, int i) {
    float[] x = pb.dense()[i].clone();
    x[0] = (float) z[i];
    x[1] = i > 0 ? (float) z[i - 1] : 0f;
    x[2] = i + 1 < z.length ? (float) z[i + 1] : 0f;
    x[3] = (float) page[0];
    x[4] = (float) sibling[i];
    return x;
  }

  /** Trees over the dense features of the fit part, starting from the linear log-odds. */
  static BlockTrees trees(
      List<PageBlocks> pages, List<double[]> z, BlockTrees.Settings s, long seed, PrintWriter log) {
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    double sumW = 0;
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      if (!pb.scored()) continue;
      double[] zp = z.get(p);
      double[] page = new double[1];
      double[] sibling = new double[zp.length];
      BlockModel.context(zp, pb.groups(), page, sibling);
      for (int i = 0; i < zp.length; i++) {
        if (pb.weights()[i] <= 0) continue;
        xs.add(dense(pb, zp, page, sibling, i));
        ys.add(new float[] {pb.labels()[i], pb.weights()[i]});
        base.add(zp[i]);
        sumW += pb.weights()[i];
      }
    }
    int n = xs.size();
    float[] y = new float[n];
    float[] w = new float[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = ys.get(i)[0];
      w[i] = (float) (ys.get(i)[1] * n / sumW);
      b[i] = base.get(i);
    }
    log.printf(Locale.ROOT, "trees: %d examples%n", n);
    return BlockTrees.train(xs.toArray(new float[0][]), y, w, b,
        new BlockTrees.Settings(s.trees(), s.depth(), s.rate(), s.lambda(), s.minHessian(),
            s.subsample(), seed));
  }

  /** The boosted log-odds of every block of every page. */
  static List<double[]> boosted(List<PageBlocks> pages, List<double[]> z, BlockTrees trees) {
    List<double[]> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      double[] zp = z.get(p);
      double[] page = new double[1];
      double[] sibling = new double[zp.length];
      BlockModel.context(zp, pb.groups(), page, sibling);
      double[] o = new double[zp.length];
      for (int i = 0; i < zp.length; i++) o[i] = zp[i] + trees.score(dense(pb, zp, page, sibling, i));
      out.add(o);
    }
    return out;
  }

  static final BlockTrees.Settings TREES = new BlockTrees.Settings(
      Integer.getInteger("flmdata.train.trees", 150), Integer.getInteger("flmdata.train.depth", 4),
      Double.parseDouble(System.getProperty("flmdata.train.rate", "0.05")),
      Double.parseDouble(System.getProperty("flmdata.train.lambda", "10")),
      Double.parseDouble(System.getProperty("flmdata.train.min_hessian", "50")), 0.5, 17);

  /**
   * What a training run chose and scored: the chosen stage ("linear" or "trees") and thresholds,
   * the mean F1 of the rules and of the model on the fit and check parts (overall and per page
   * type, keys "all" and the types of {@link WcxbDev#TYPES}), and the bytes written.
   */
  public record Result(
      String stage,
      double keep,
      double add,
      double addNamed,
      Map<String, double[]> fit,
      Map<String, double[]> check,
      long bytes) {}

  /** Dev loop: {@code BlockModelTrainer DEV_DIR OUTPUT [epochs] [seed]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction/wcxb-dev");
    Path out = Path.of(args.length > 1
        ? args[1] : "extract/src/main/resources/org/flmdata/extract/" + BlockModel.RESOURCE);
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 17;
    train(dir, out, epochs, seed, THREADS, new PrintWriter(System.out, true));
  }

  /**
   * Trains on the fit part of the WCXB-format set in {@code dir} (its {@code html/} and {@code
   * ground-truth/}), selects the stage and thresholds on its check part, writes the model to
   * {@code out} and logs each setting's scores to {@code log}. Pages are parsed on {@code threads}
   * threads; everything else is single-threaded, so the same set, epochs and seed write the same
   * bytes.
   */
  public static Result train(Path dir, Path out, int epochs, long seed, int threads, PrintWriter log)
      throws IOException {
    Map<String, String> references = WcxbDev.references(dir);
    List<PageBlocks> fit = new ArrayList<>();
    List<PageBlocks> check = new ArrayList<>();
    for (PageBlocks pb : parse(WcxbDev.load(dir), references, threads)) {
      (pb.page().part().equals("fit") ? fit : check).add(pb);
    }
    // the rules stay the default: a selected block goes only when the model is fairly sure, and
    // one they pruned by name joins only when it is surer still (BlockModel.text)
    List<double[]> grid = new ArrayList<>();
    for (double keep : KEEP) {
      for (double add : ADD) {
        for (double named : ADD_NAMED) if (named >= add) grid.add(new double[] {keep, add, named});
      }
    }
    log.printf(Locale.ROOT, "%d fit pages, %d check pages; rules: fit %.3f check %.3f%n",
        fit.size(), check.size(), mean(fit, null, null, null), mean(check, null, null, null));
    if (Boolean.getBoolean("flmdata.train.oracle")) oracle(check, log);
    double[] best = null;
    double bestF1 = -1;
    float[] bestW = null;
    BlockTrees bestTrees = null;
    List<double[]> bestFit = null;
    List<double[]> bestCheck = null;
    for (int minPages : MIN_PAGES) {
      for (double l2 : L2) {
        float[] w = train(fit, epochs, seed, minPages, l2, log);
        List<double[]> zf = linear(fit, w);
        List<double[]> zc = linear(check, w);
        BlockTrees trees = TREES.trees() > 0 ? trees(fit, zf, TREES, seed, log) : null;
        for (int stage = 0; stage < (trees == null ? 1 : 2); stage++) {
          List<double[]> sf = stage == 0 ? zf : boosted(fit, zf, trees);
          List<double[]> sc = stage == 0 ? zc : boosted(check, zc, trees);
          for (double[] t : grid) {
            double f = mean(fit, sf, t, null);
            double c = mean(check, sc, t, null);
            log.printf(Locale.ROOT,
                "min_pages %d l2 %.0e %s keep %.2f add %.2f named %.2f: fit %.3f check %.3f%n",
                minPages, l2, stage == 0 ? "linear" : "trees ", t[0], t[1], t[2], f, c);
            if (c > bestF1) {
              bestF1 = c;
              best = t;
              bestW = w;
              bestTrees = stage == 0 ? null : trees;
              bestFit = sf;
              bestCheck = sc;
            }
          }
        }
      }
    }
    String stage = bestTrees == null ? "linear" : "trees";
    log.printf(Locale.ROOT, "chosen %s keep %.2f add %.2f named %.2f; per type (rules -> model):%n",
        stage, best[0], best[1], best[2]);
    Map<String, double[]> fitScores = new java.util.LinkedHashMap<>();
    Map<String, double[]> checkScores = new java.util.LinkedHashMap<>();
    List<String> groups = new ArrayList<>(WcxbDev.TYPES);
    groups.add(0, "all");
    for (String type : groups) {
      String only = type.equals("all") ? null : type;
      double[] f = {mean(fit, null, null, only), mean(fit, bestFit, best, only)};
      double[] c = {mean(check, null, null, only), mean(check, bestCheck, best, only)};
      fitScores.put(type, f);
      checkScores.put(type, c);
      log.printf(Locale.ROOT, "%-14s fit %.3f -> %.3f   check %.3f -> %.3f%n", type, f[0], f[1],
          c[0], c[1]);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream o = Files.newOutputStream(out)) {
      new BlockModel(bestW, bestTrees, (float) best[0], (float) best[1], (float) best[2]).write(o);
    }
    long bytes = Files.size(out);
    log.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, bytes);
    log.flush();
    return new Result(stage, best[0], best[1], best[2], fitScores, checkScores, bytes);
  }

  /** The F1 of keeping exactly the blocks whose label is at least 1/2: the blocks' ceiling. */
  static void oracle(List<PageBlocks> check, PrintWriter log) {
    for (String type : WcxbDev.TYPES) {
      double sum = 0;
      int n = 0;
      for (PageBlocks pb : check) {
        if (!pb.page().type().equals(type)) continue;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pb.labels().length; i++) {
          if (pb.forcedOut()[i] || pb.labels()[i] < 0.5) continue;
          for (String s : pb.words()[i]) text.append(s).append(' ');
        }
        sum += BagOfWords.score(text.toString(), pb.page().gold()).f1();
        n++;
      }
      log.printf(Locale.ROOT, "oracle %-14s check %.3f%n", type, n == 0 ? 0 : sum / n);
    }
  }

  /** Mean F1 of the model's log-odds {@code z} (or of the rules when null) over {@code type}. */
  private static double mean(List<PageBlocks> pages, List<double[]> z, double[] t, String type) {
    double sum = 0;
    int n = 0;
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      if (type != null && !pb.page().type().equals(type)) continue;
      sum += z == null
          ? pb.rules().f1()
          : score(pb, z.get(p), cut(t[0]), cut(t[1]), cut(t[2])).f1();
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
