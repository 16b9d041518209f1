package org.flmdata.filter.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.Prediction;

/**
 * How a model does on a held-out file in fastText's format: precision, recall and F1 of one label
 * predicting the top label of each line as {@code fasttext test} does, the histogram of that
 * label's probability (the quality score) per true class in {@link #BINS} equal bins of [0, 1],
 * and the AUC of the score.
 *
 * @param positiveBins score histogram of the lines labelled {@code label}
 * @param negativeBins score histogram of the other lines
 */
public record Evaluation(String label, long examples, long truePositives, long falsePositives,
    long falseNegatives, long[] positiveBins, long[] negativeBins, double auc) {
  /** Bins of the score histograms: [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]. */
  public static final int BINS = 10;

  public double precision() {
    long d = truePositives + falsePositives;
    return d == 0 ? 0 : (double) truePositives / d;
  }

  public double recall() {
    long d = truePositives + falseNegatives;
    return d == 0 ? 0 : (double) truePositives / d;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The bin of a score in [0, 1]. */
  static int bin(double score) {
    return Math.max(0, Math.min(BINS - 1, (int) Math.floor(score * BINS)));
  }

  public static Evaluation of(FastTextModel model, Path heldOut, String label) throws IOException {
    long n = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long[] posBins = new long[BINS];
    long[] negBins = new long[BINS];
    double[] pos = new double[16];
    double[] neg = new double[16];
    int np = 0;
    int nn = 0;
    try (BufferedReader r = Files.newBufferedReader(heldOut, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        int sp = line.indexOf(' ');
        String truth = sp < 0 ? line : line.substring(0, sp);
        String text = sp < 0 ? "" : line.substring(sp + 1);
        List<Prediction> all = model.predict(text, 0);
        boolean predicted = !all.isEmpty() && all.get(0).label().equals(label);
        double score = 0;
        for (Prediction p : all) if (p.label().equals(label)) score = p.prob();
        boolean actual = truth.equals(label);
        n++;
        if (predicted && actual) tp++;
        else if (predicted) fp++;
        else if (actual) fn++;
        if (actual) {
          posBins[bin(score)]++;
          if (np == pos.length) pos = java.util.Arrays.copyOf(pos, np * 2);
          pos[np++] = score;
        } else {
          negBins[bin(score)]++;
          if (nn == neg.length) neg = java.util.Arrays.copyOf(neg, nn * 2);
          neg[nn++] = score;
        }
      }
    }
    return new Evaluation(label, n, tp, fp, fn, posBins, negBins,
        Auc.of(java.util.Arrays.copyOf(pos, np), java.util.Arrays.copyOf(neg, nn)));
  }
}
