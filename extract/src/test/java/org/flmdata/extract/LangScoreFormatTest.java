package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LangScoreFormatTest {
  private static String formatter(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  @Test
  void threeDecimalsWritesWhatTheFormatterWrites() {
    SplittableRandom r = new SplittableRandom(18);
    for (int i = 0; i < 20_000; i++) {
      double x = r.nextDouble();
      assertEquals(formatter(x), FileContext.threeDecimals(x), () -> "x=" + x);
    }
    // every thousandth and the ties half-way between them, which rounding may treat differently
    for (int k = 0; k <= 1000; k++) {
      for (double x : new double[] {k / 1000.0, (k + 0.5) / 1000.0, Math.nextUp(k / 1000.0),
          Math.nextDown((k + 0.5) / 1000.0), Math.nextUp((k + 0.5) / 1000.0)}) {
        assertEquals(formatter(x), FileContext.threeDecimals(x), () -> "x=" + x);
      }
    }
    for (double x : new double[] {0, 1, -0.0, -0.25, Double.NaN, 999.9996, 1234.5}) {
      assertEquals(formatter(x), FileContext.threeDecimals(x), () -> "x=" + x);
    }
  }
}
