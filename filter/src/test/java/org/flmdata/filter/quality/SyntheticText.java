package org.flmdata.filter.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two kinds of text written by the tests: prose-like "good" text (full sentences drawn from an
 * encyclopaedic vocabulary) and web-spam-like "bad" text (shouting link-bait from a spam
 * vocabulary). A classifier trained on some of each must rank unseen good text above bad text.
 */
public final class SyntheticText {
  private static final String[] GOOD = ("the river valley was settled by farmers during the early"
      + " medieval period and its economy depended on trade in wool grain and timber historians"
      + " describe how the town grew around a stone bridge built across the river in the twelfth"
      + " century which allowed merchants to reach the regional markets while the church"
      + " recorded births marriages and deaths in parish registers that survive today").split(" ");
  private static final String[] BAD = ("click here free download best price cheap viagra casino"
      + " bonus win now limited offer buy sell hot deals subscribe login password crack serial"
      + " keygen xxx online pills discount coupon follow like share").split(" ");

  private SyntheticText() {}

  public static String good(Random r) {
    StringBuilder sb = new StringBuilder();
    int sentences = 2 + r.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      int words = 10 + r.nextInt(10);
      for (int w = 0; w < words; w++) {
        String word = GOOD[r.nextInt(GOOD.length)];
        sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        sb.append(w == words - 1 ? ". " : " ");
      }
    }
    return sb.toString().strip();
  }

  public static String bad(Random r) {
    StringBuilder sb = new StringBuilder();
    int words = 8 + r.nextInt(20);
    for (int w = 0; w < words; w++) {
      String word = BAD[r.nextInt(BAD.length)];
      sb.append(r.nextBoolean() ? word.toUpperCase(java.util.Locale.ROOT) : word);
      sb.append(r.nextInt(4) == 0 ? "!!! " : " ");
    }
    return sb.toString().strip();
  }

  /** fastText training lines: {@code n} of each kind, interleaved, preprocessed as in scoring. */
  public static List<String> trainingLines(int n, long seed) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("__label__hq " + QualityText.prepare(good(r)));
      lines.add("__label__lq " + QualityText.prepare(bad(r)));
    }
    return lines;
  }
}
