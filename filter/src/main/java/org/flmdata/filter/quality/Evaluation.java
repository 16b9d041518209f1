package org.flmdata.filter.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flmdata.filter.fasttext.FastTextModel;
import org.flmdata.filter.fasttext.Prediction;

/**
 * Precision, recall and F1 of one label on a held-out file in fastText's format, predicting the
 * top label of each line as {@code fasttext test} does.
 */
public record Evaluation(String label, long examples, long truePositives, long falsePositives,
    long falseNegatives) {

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

  public static Evaluation of(FastTextModel model, Path heldOut, String label) throws IOException {
    long n = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    try (BufferedReader r = Files.newBufferedReader(heldOut, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        int sp = line.indexOf(' ');
        String truth = sp < 0 ? line : line.substring(0, sp);
        String text = sp < 0 ? "" : line.substring(sp + 1);
        List<Prediction> p = model.predict(text, 1);
        boolean predicted = !p.isEmpty() && p.get(0).label().equals(label);
        boolean actual = truth.equals(label);
        n++;
        if (predicted && actual) tp++;
        else if (predicted) fp++;
        else if (actual) fn++;
      }
    }
    return new Evaluation(label, n, tp, fp, fn);
  }
}
