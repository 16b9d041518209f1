package org.flmdata.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AucTest {
  /** The definition: the share of (positive, negative) pairs ordered right, ties one half. */
  private static double pairs(double[] pos, double[] neg) {
    double s = 0;
    for (double p : pos) {
      for (double n : neg) s += p > n ? 1 : p == n ? 0.5 : 0;
    }
    return s / (pos.length * (double) neg.length);
  }

  @Test
  void equalsThePairwiseDefinitionWithTies() {
    Random r = new Random(3);
    for (int t = 0; t < 50; t++) {
      double[] pos = new double[1 + r.nextInt(30)];
      double[] neg = new double[1 + r.nextInt(30)];
      // few distinct values, so ties are common
      for (int i = 0; i < pos.length; i++) pos[i] = r.nextInt(6) / 5.0;
      for (int i = 0; i < neg.length; i++) neg[i] = r.nextInt(5) / 5.0;
      assertEquals(pairs(pos, neg), Auc.of(pos, neg), 1e-12);
    }
  }

  @Test
  void perfectChanceAndEmpty() {
    assertEquals(1.0, Auc.of(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}));
    assertEquals(0.5, Auc.of(new double[] {0.5}, new double[] {0.5}));
    assertTrue(Double.isNaN(Auc.of(new double[0], new double[] {0.1})));
  }
}
