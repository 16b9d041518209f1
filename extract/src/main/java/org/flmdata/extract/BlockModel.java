package org.flmdata.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.flmdata.extract.MainContent.Analysis;
import org.jsoup.nodes.Element;

/**
 * A learned classifier of text blocks: main content or not; the {@code learned} extraction mode
 * ({@code extract.html_mode: learned}) uses it. Two stages: logistic regression over the hashed
 * binary {@link BlockFeatures} of each block (the rules' decision, text, place, class names, why
 * a block was pruned, the kind of page: {@link PageKind}), then, when the model has them,
 * gradient-boosted trees ({@link BlockTrees}) over dense features of the block and the linear
 * log-odds of it, its neighbours, its siblings and its page, which correct the linear log-odds.
 * Trained by the project on the fit part of the WCXB development set ({@link BlockModelTrainer},
 * {@code pipeline extract-train-model}; labels from aligning each block's words to the reference
 * text) and shipped as the resource {@value #RESOURCE}. The idea of labelling each block of a page
 * main or other is MinerU-HTML's; the rules of {@link MainContent} are the model's strongest
 * features, so it corrects them rather than replaces them.
 *
 * <p>Inference is a sum of one weight per feature per block and a walk down each tree: cheap
 * beside parsing. The rules stay the default: a block they selected is left out only when its
 * probability is below the {@code keep} threshold, one they left out joins only when its
 * probability reaches the {@code add} threshold, one they pruned by name (comments, related
 * links, menus: {@link Prune}) only when it reaches {@code addNamed}; on a page that declares
 * itself an article ({@link PageSignals#article()}) a block joins only at {@code addArticle} and
 * none pruned by name does (the thresholds are chosen on the check part of the set). A page of
 * fewer than {@value #MIN_BLOCKS} blocks keeps the rules' text; the headline is always left out
 * (it is the title).
 */
final class BlockModel {

  static final String RESOURCE = "block-model.bin.gz";
  private static final int MAGIC = 0x464c4d43; // "FLMC": no addArticle (1)
  private static final int MAGIC_ARTICLE = 0x464c4d44; // "FLMD": addArticle after addNamed

  private final float[] weights;
  /** The probability a block the rules selected needs to stay. */
  private final float keep;
  /** The probability a block the rules left out needs to join. */
  private final float add;
  /** The probability a block the rules pruned by name needs to join (1: never). */
  private final float addNamed;
  /**
   * The probability a block the rules left out needs to join on a page declaring itself an
   * article (1: never); blocks pruned by name never join there.
   */
  private final float addArticle;

  /** The second stage over dense features, or null for the linear model alone. */
  private final BlockTrees trees;

  BlockModel(float[] weights, BlockTrees trees, float keep, float add, float addNamed,
      float addArticle) {
    this.weights = weights;
    this.trees = trees;
    this.keep = keep;
    this.add = add;
    this.addNamed = addNamed;
    this.addArticle = addArticle;
  }

  BlockModel(float[] weights, BlockTrees trees, float keep, float add, float addNamed) {
    this(weights, trees, keep, add, addNamed, 1f);
  }

  /** A model that never brings back a block the rules pruned by name. */
  BlockModel(float[] weights, float keep, float add) {
    this(weights, null, keep, add, 1f);
  }

  /** The model shipped in the jar, or null when the resource is absent. */
  static BlockModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final BlockModel MODEL = load();

    private static BlockModel load() {
      try (InputStream in = BlockModel.class.getResourceAsStream(RESOURCE)) {
        return in == null ? null : read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a model written by {@link #write}. */
  static BlockModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
    int magic = in.readInt();
    if (magic != MAGIC && magic != MAGIC_ARTICLE) throw new IOException("not a block model");
    int bits = in.readInt();
    if (bits != BlockFeatures.BITS) throw new IOException("block model of " + bits + " bits");
    float keep = in.readFloat();
    float add = in.readFloat();
    float addNamed = in.readFloat();
    float addArticle = magic == MAGIC_ARTICLE ? in.readFloat() : 1f;
    float[] w = readWeights(in, bits);
    BlockTrees trees = in.readBoolean() ? BlockTrees.read(in, BlockFeatures.DENSE) : null;
    return new BlockModel(w, trees, keep, add, addNamed, addArticle);
  }

  private static float[] readWeights(DataInputStream in, int bits) throws IOException {
    int n = in.readInt();
    float[] w = new float[1 << bits];
    for (int i = 0; i < n; i++) {
      int index = in.readInt();
      if (index < 0 || index >= w.length) throw new IOException("weight index " + index);
      w[index] = in.readFloat();
    }
    return w;
  }

  private static void writeWeights(DataOutputStream out, float[] weights) throws IOException {
    int n = 0;
    for (float v : weights) if (v != 0) n++;
    out.writeInt(n);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != 0) {
        out.writeInt(i);
        out.writeFloat(weights[i]);
      }
    }
  }

  /** Writes the non-zero weights (deterministic: in index order). */
  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw);
    DataOutputStream out = new DataOutputStream(gz);
    out.writeInt(addArticle < 1 ? MAGIC_ARTICLE : MAGIC);
    out.writeInt(BlockFeatures.BITS);
    out.writeFloat(keep);
    out.writeFloat(add);
    out.writeFloat(addNamed);
    if (addArticle < 1) out.writeFloat(addArticle);
    writeWeights(out, weights);
    out.writeBoolean(trees != null);
    if (trees != null) trees.write(out);
    out.flush();
    gz.finish();
  }

  static double logit(double p) {
    return Math.log(p / (1.0 - p));
  }

  /** The linear model's log-odds that block {@code i} of the analysis is main content. */
  double logit(BlockFeatures f, int i) {
    return linear(weights, f, i);
  }

  static double linear(float[] weights, BlockFeatures f, int i) {
    double[] sum = {0};
    f.of(i, x -> sum[0] += weights[x]);
    return sum[0];
  }

  /**
   * The log-odds of every block of the page: the linear model's, corrected by the trees when the
   * model has them.
   */
  double[] logits(BlockFeatures f, int n) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) z[i] = logit(f, i);
    if (trees == null) return z;
    return boosted(trees, f, z, f.groups());
  }

  /** The linear log-odds {@code z} corrected by {@code trees} (over {@link BlockFeatures#dense}). */
  static double[] boosted(BlockTrees trees, BlockFeatures f, double[] z, int[][] groups) {
    float[] ctx = BlockContext.of(z, groups);
    float[] x = new float[BlockFeatures.DENSE];
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      f.dense(i, ctx, x);
      out[i] = z[i] + trees.score(x);
    }
    return out;
  }

  /** Fewer text blocks than this, none long enough to score, is too little to judge. */
  static final int MIN_BLOCKS = 12;

  /** Whether the model judges the page: the rules scored a block, or it has many blocks. */
  static boolean judges(Analysis a) {
    return a.scored() || a.blocks().size() >= MIN_BLOCKS;
  }

  /**
   * Table cells and code blocks the rules selected stay: a row keeps its cells, a table its
   * columns, a program its lines.
   */
  static boolean isStructure(Element block) {
    String tag = block.normalName();
    return tag.equals("td") || tag.equals("th") || tag.equals("pre");
  }

  /**
   * The page's text: the blocks the model keeps, the headline left out. A page the model does not
   * {@linkplain #judges judge} and a page where it would keep nothing get the rules' text.
   */
  String text(Analysis a, PageSignals signals) {
    // a page of a handful of blocks is too little evidence against the rules: they decide it
    if (!judges(a) || a.blocks().size() < MIN_BLOCKS) return a.result().text();
    BlockFeatures f = new BlockFeatures(a, signals);
    double keepCut = logit(keep);
    // a page declaring itself an article is one body of prose, which the rules find: the model
    // adds to it only at its own (higher) threshold, and nothing pruned by name
    boolean article = signals.article();
    double addCut = logit(article ? addArticle : add);
    double namedCut = !article && addNamed < 1 ? logit(addNamed) : Double.POSITIVE_INFINITY;
    Set<Element> mute = Collections.newSetFromMap(new IdentityHashMap<>());
    double[] z = logits(f, a.blocks().size());
    for (int i = 0; i < a.blocks().size(); i++) {
      Element b = a.blocks().get(i);
      boolean keep =
          f.selected(i)
              ? isStructure(b) || z[i] >= keepCut
              : z[i] >= (f.prunedByName(i) ? namedCut : addCut);
      if (!keep) mute.add(b);
    }
    Set<Element> drop = a.headline() == null ? Set.of() : Set.of(a.headline());
    if (mute.isEmpty()) return BlockText.of(a.body(), drop);
    if (mute.size() == a.blocks().size()) return a.result().text();
    return BlockText.of(a.body(), drop, mute);
  }
}
