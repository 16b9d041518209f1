package org.flmdata.extract;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flmdata.extract.BlockModelTrainer.PageBlocks;

/**
 * Development harness for the block model (not a test): parses the WCXB dev set once, then for
 * each setting given on the command line ({@code key=value,...}: trees, depth, rate, lambda, mh,
 * sub, col, oof, cv) trains on the fit part and prints, per number of trees, the mean F1 per page
 * type of an inner cross-validation on fit (folds by host; thresholds chosen there) and of the
 * check part under those thresholds.
 *
 * <pre>
 * java -Xmx6g -cp "$(cat extract/target/cp.txt):pipeline/target/classes:extract/target/classes:\
 * extract/target/test-classes" org.flmdata.extract.BlockModelSweep ../shared/data/extraction/wcxb-dev \
 *     trees=300,oof=1 trees=300,oof=0
 * </pre>
 */
final class BlockModelSweep {
  private BlockModelSweep() {}

  static final int K = 4;
  static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long t0 = System.nanoTime();
    Map<String, String> refs = WcxbDev.references(dir);
    List<PageBlocks> fit = new ArrayList<>();
    List<PageBlocks> check = new ArrayList<>();
    for (PageBlocks pb : BlockModelTrainer.parse(WcxbDev.load(dir), refs, BlockModelTrainer.THREADS)) {
      (pb.page().part().equals("fit") ? fit : check).add(pb);
    }
    System.out.printf(Locale.ROOT, "parsed %d+%d pages in %.0f s%n", fit.size(), check.size(),
        (System.nanoTime() - t0) / 1e9);
    for (int a = 1; a < args.length; a++) run(args[a], fit, check);
  }

  static void run(String spec, List<PageBlocks> fit, List<PageBlocks> check) {
    long t0 = System.nanoTime();
    Map<String, String> o = new HashMap<>();
    for (String kv : spec.split(",")) {
      String[] p = kv.split("=", 2);
      o.put(p[0], p[1]);
    }
    int trees = Integer.parseInt(o.getOrDefault("trees", "300"));
    BlockTrees.Settings s = new BlockTrees.Settings(trees,
        Integer.parseInt(o.getOrDefault("depth", "4")),
        Double.parseDouble(o.getOrDefault("rate", "0.05")),
        Double.parseDouble(o.getOrDefault("lambda", "10")),
        Double.parseDouble(o.getOrDefault("mh", "50")),
        Double.parseDouble(o.getOrDefault("sub", "0.5")),
        Double.parseDouble(o.getOrDefault("col", "1")), 17);
    boolean oof = o.getOrDefault("oof", "1").equals("1");
    boolean cv = o.getOrDefault("cv", "1").equals("1");
    int[] prefixes = {50, 100, 150, 200, 300, 400, 600};
    List<Integer> ms = new ArrayList<>();
    ms.add(0);
    for (int m : prefixes) if (m <= trees) ms.add(m);
    // inner cross-validation on fit
    Map<Integer, List<double[]>> cvz = new HashMap<>();
    for (int m : ms) cvz.put(m, new ArrayList<>(java.util.Collections.nCopies(fit.size(), null)));
    if (cv) {
      for (int f = 0; f < K; f++) {
        List<PageBlocks> inner = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < fit.size(); i++) {
          if (BlockModelTrainer.fold(fit.get(i).page(), K) == f) held.add(i);
          else inner.add(fit.get(i));
        }
        Model model = model(inner, s, oof, o);
        for (int i : held) {
          List<PageBlocks> one = List.of(fit.get(i));
          for (int m : ms) cvz.get(m).set(i, model.logits(one, m).get(0));
        }
      }
    }
    Model model = model(fit, s, oof, o);
    System.out.printf(Locale.ROOT, "== %s (%.0f s)%n", spec, (System.nanoTime() - t0) / 1e9);
    for (int m : ms) {
      List<double[]> zc = model.logits(check, m);
      double[] t = cv ? best(fit, cvz.get(m)) : best(check, zc);
      StringBuilder line = new StringBuilder();
      line.append(String.format(Locale.ROOT, "trees %3d t=%.2f/%.2f/%.2f/%.2f ", m, t[0], t[1], t[2], t[3]));
      if (cv) line.append(String.format(Locale.ROOT, "cvfit %s ", types(fit, cvz.get(m), t)));
      line.append(String.format(Locale.ROOT, "check %s", types(check, zc, t)));
      line.append(String.format(Locale.ROOT, " | check-best %.4f", mean(check, zc, best(check, zc), null)));
      System.out.println(line);
    }
    System.out.flush();
  }

  record Model(float[] w, BlockTrees trees) {
    List<double[]> logits(List<PageBlocks> pages, int m) {
      List<double[]> z = BlockModelTrainer.linear(pages, w);
      if (m == 0 || trees == null) return z;
      return BlockModelTrainer.boosted(pages, z, trees.prefix(m));
    }
  }

  static Model model(List<PageBlocks> pages, BlockTrees.Settings s, boolean oof,
      Map<String, String> o) {
    int ep = Integer.parseInt(o.getOrDefault("ep", "4"));
    int mp = Integer.parseInt(o.getOrDefault("mp", "20"));
    double l2 = Double.parseDouble(o.getOrDefault("l2", "1e-3"));
    float[] w = BlockModelTrainer.train(pages, ep, 17, mp, l2, QUIET);
    if (s.trees() == 0) return new Model(w, null);
    List<double[]> z = oof
        ? BlockModelTrainer.outOfFold(pages, K, ep, 17, mp, l2, QUIET)
        : BlockModelTrainer.linear(pages, w);
    BlockTrees trees = BlockModelTrainer.trees(pages, z, s, 17, QUIET);
    return new Model(w, trees);
  }

  static double[] best(List<PageBlocks> pages, List<double[]> z) {
    double[] best = null;
    double bestF = -1;
    for (double keep : BlockModelTrainer.KEEP) {
      for (double add : BlockModelTrainer.ADD) {
        for (double named : BlockModelTrainer.ADD_NAMED) {
          if (named < add) continue;
          for (double article : BlockModelTrainer.ADD_ARTICLE) {
            if (article < add) continue;
            double[] t = {keep, add, named, article};
            double f = mean(pages, z, t, null);
            if (f > bestF) {
              bestF = f;
              best = t;
            }
          }
        }
      }
    }
    return best;
  }

  static String types(List<PageBlocks> pages, List<double[]> z, double[] t) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.4f [", mean(pages, z, t, null)));
    for (String type : WcxbDev.TYPES) {
      b.append(String.format(Locale.ROOT, " %s %.3f", type.substring(0, 4), mean(pages, z, t, type)));
    }
    return b.append(" ]").toString();
  }

  static double mean(List<PageBlocks> pages, List<double[]> z, double[] t, String type) {
    double sum = 0;
    int n = 0;
    for (int p = 0; p < pages.size(); p++) {
      PageBlocks pb = pages.get(p);
      if (type != null && !pb.page().type().equals(type)) continue;
      sum += BlockModelTrainer.score(pb, z.get(p), BlockModelTrainer.cut(t[0]),
          BlockModelTrainer.cut(t[1]), BlockModelTrainer.cut(t[2]), BlockModelTrainer.cut(t[3]));
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }
}
