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
 * features, starting from stage one's log-odds; they learn from out-of-fold log-odds (stacking:
 * {@link #FOLDS} folds of the fit part by host, each scored by a linear model trained on the
 * others), so they learn how far to trust the linear model on pages it did not fit.
 *
 * <p>Settings tried: each stage x the keep/add/add-named/add-on-articles thresholds; the best mean
 * F1 on the check part is written. About six minutes on two cores, most of it parsing. Users run
 * it as {@code pipeline extract-train-model --dev DIR --output FILE}; in a checkout:
 *
 * <pre>
 * mvn -B -o -q compile dependency:build-classpath -pl extract -am \
 *     -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp "$(cat extract/target/cp.txt):pipeline/target/classes:extract/target/classes" \
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
      int[][] groups,
      Bag bag) {}

  /**
   * The page's words as indices into its reference's vocabulary (-1 for a word the reference
   * lacks) and the reference's counts: {@link #score} without building and cutting text again.
   */
  record Bag(int[][] ids, int[] gold, long goldTotal) {
    static Bag of(String[][] words, Map<String, Integer> reference) {
      Map<String, Integer> index = new java.util.HashMap<>();
      int[] gold = new int[reference.size()];
      long total = 0;
      for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(reference).entrySet()) {
        gold[index.size()] = e.getValue();
        total += e.getValue();
        index.put(e.getKey(), index.size());
      }
      int[][] ids = new int[words.length][];
      for (int i = 0; i < words.length; i++) {
        ids[i] = new int[words[i].length];
        for (int j = 0; j < ids[i].length; j++) ids[i][j] = index.getOrDefault(words[i][j], -1);
      }
      return new Bag(ids, gold, total);
    }

    /** The F1 of the blocks kept, as {@link BagOfWords#score} of their words gives it. */
    double f1(boolean[] kept) {
      int[] seen = new int[gold.length];
      long n = 0;
      long common = 0;
      for (int i = 0; i < kept.length; i++) {
        if (!kept[i]) continue;
        for (int k : ids[i]) {
          n++;
          if (k >= 0 && seen[k]++ < gold[k]) common++;
        }
      }
      if (n == 0 && goldTotal == 0) return 1;
      double p = n == 0 ? 0 : (double) common / n;
      double r = goldTotal == 0 ? 0 : (double) common / goldTotal;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

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
          new boolean[0], new boolean[0], new float[0][], new int[3][0],
          Bag.of(new String[0][], p.gold()));
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
      f.dense(i, null, dense[i]);
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
        signals.article(), named, cells, dense, f.groups(), Bag.of(words, p.gold()));
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

  /** The page's F1 when the blocks with log-odds at least the cuts are kept (as BlockModel.text). */
  static double score(PageBlocks pb, double[] z, double keepCut, double addCut, double namedCut,
      double articleCut) {
    // as BlockModel.text: the rules decide a page of a handful of blocks, and the model adds no
    // blocks to a page that declares itself an article
    if (!pb.scored() || pb.features().length < BlockModel.MIN_BLOCKS) return pb.rules().f1();
    if (pb.article()) {
      addCut = articleCut;
      namedCut = Double.POSITIVE_INFINITY;
    }
    boolean[] kept = new boolean[pb.features().length];
    boolean any = false;
    for (int i = 0; i < kept.length; i++) {
      if (pb.forcedOut()[i]) continue;
      kept[i] = pb.selected()[i]
          ? pb.cells()[i] || z[i] >= keepCut
          : z[i] >= (pb.named()[i] ? namedCut : addCut);
      any |= kept[i];
    }
    return any ? pb.bag().f1(kept) : pb.rules().f1();
  }

  /** The settings tried; the best on the check part is written. */
  static final int[] MIN_PAGES = {20};

  static final double[] L2 = {1e-3};

  static final double[] KEEP = {0.2, 0.3, 0.4, 0.5};
  static final double[] ADD = {0.3, 0.4, 0.5};
  /**
   * 1: a block pruned by name never joins. Never below 0.6: comment sections, related products
   * and the like join only when the model finds them clearly likelier content than not.
   */
  static final double[] ADD_NAMED = {0.75, 1.0};

  /** On a page declaring itself an article; 1: nothing joins there. */
  static final double[] ADD_ARTICLE = {0.5, 0.6, 0.75, 1.0};

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

  /** The host of {@code url} without a leading "www.", lower-cased ("" when there is none). */
  static String host(String url) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = start;
    while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) end++;
    String h = url.substring(start, end).toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** The fold of a page among {@code k}, by its host: a site's pages stay in one fold. */
  static int fold(WcxbDev.Page p, int k) {
    int h = host(p.url()).hashCode() * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), k);
  }

  /**
   * The linear log-odds of every page as a model that never saw it would give them: {@code k}
   * folds by host, each scored by the model trained on the others. The trees learn from these,
   * so they learn how far to trust the linear model on pages it did not fit (stacking), not on
   * pages it knows by heart.
   */
  static List<double[]> outOfFold(List<PageBlocks> pages, int k, int epochs, long seed,
      int minPages, double l2, PrintWriter log) {
    List<double[]> out = new ArrayList<>(java.util.Collections.nCopies(pages.size(), null));
    for (int f = 0; f < k; f++) {
      List<PageBlocks> rest = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        if (fold(pages.get(i).page(), k) == f) held.add(i);
        else rest.add(pages.get(i));
      }
      float[] w = train(rest, epochs, seed, minPages, l2, log);
      for (int i : held) out.set(i, linear(List.of(pages.get(i)), w).get(0));
    }
    return out;
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

  /** The dense features of block {@code i} with the context {@code ctx} of its page. */
  static float[] dense(PageBlocks pb, float[] ctx, int i) {
    float[] x = pb.dense()[i].clone();
    BlockContext.put(ctx, i, x);
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
      float[] ctx = BlockContext.of(zp, pb.groups());
      for (int i = 0; i < zp.length; i++) {
        if (pb.weights()[i] <= 0) continue;
        xs.add(dense(pb, ctx, i));
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
            s.subsample(), s.colsample(), seed));
  }

  /** The boosted log-odds of every block of every page. */
  static List<double[]> boosted(List<PageBlocks> pages, List<double[]> z, BlockTrees trees) {
    List<double[]> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      double[] zp = z.get(p);
      float[] ctx = BlockContext.of(zp, pb.groups());
      double[] o = new double[zp.length];
      for (int i = 0; i < zp.length; i++) o[i] = zp[i] + trees.score(dense(pb, ctx, i));
      out.add(o);
    }
    return out;
  }

  static final BlockTrees.Settings TREES = new BlockTrees.Settings(
      Integer.getInteger("flmdata.train.trees", 200), Integer.getInteger("flmdata.train.depth", 4),
      Double.parseDouble(System.getProperty("flmdata.train.rate", "0.05")),
      Double.parseDouble(System.getProperty("flmdata.train.lambda", "10")),
      Double.parseDouble(System.getProperty("flmdata.train.min_hessian", "50")),
      Double.parseDouble(System.getProperty("flmdata.train.subsample", "0.5")),
      Double.parseDouble(System.getProperty("flmdata.train.colsample", "1")), 17);

  /** Whether the trees learn from out-of-fold linear log-odds ({@link #outOfFold}). */
  static final boolean STACKING =
      Boolean.parseBoolean(System.getProperty("flmdata.train.stacking", "true"));

  /** Folds of {@link #outOfFold}, by host. */
  static final int FOLDS = 4;

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
      double addArticle,
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
        for (double named : ADD_NAMED) {
          if (named < add) continue;
          for (double article : ADD_ARTICLE) {
            if (article >= add) grid.add(new double[] {keep, add, named, article});
          }
        }
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
        // the trees learn from out-of-fold linear log-odds (stacking): on the pages it fitted the
        // linear model is surer than it will be on new pages
        List<double[]> zs = TREES.trees() > 0 && STACKING
            ? outOfFold(fit, FOLDS, epochs, seed, minPages, l2, log) : zf;
        BlockTrees trees = TREES.trees() > 0 ? trees(fit, zs, TREES, seed, log) : null;
        for (int stage = 0; stage < (trees == null ? 1 : 2); stage++) {
          List<double[]> sf = stage == 0 ? zf : boosted(fit, zf, trees);
          List<double[]> sc = stage == 0 ? zc : boosted(check, zc, trees);
          for (double[] t : grid) {
            double f = mean(fit, sf, t, null);
            double c = mean(check, sc, t, null);
            log.printf(Locale.ROOT,
                "min_pages %d l2 %.0e %s keep %.2f add %.2f named %.2f article %.2f: fit %.3f"
                    + " check %.3f%n",
                minPages, l2, stage == 0 ? "linear" : "trees ", t[0], t[1], t[2], t[3], f, c);
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
    log.printf(Locale.ROOT,
        "chosen %s keep %.2f add %.2f named %.2f article %.2f; per type (rules -> model):%n",
        stage, best[0], best[1], best[2], best[3]);
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
      new BlockModel(bestW, bestTrees, (float) best[0], (float) best[1], (float) best[2],
          (float) best[3]).write(o);
    }
    long bytes = Files.size(out);
    log.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, bytes);
    log.flush();
    return new Result(stage, best[0], best[1], best[2], best[3], fitScores, checkScores, bytes);
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
          : score(pb, z.get(p), cut(t[0]), cut(t[1]), cut(t[2]), cut(t[3]));
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
