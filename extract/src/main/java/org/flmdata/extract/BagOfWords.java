package org.flmdata.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WCXB metric for one page ({@code shared/data/extraction/wcxb-dev/SOURCE.md}): the text is
 * lower-cased and cut into {@code \w+} word tokens (Unicode letters, digits and underscore, as
 * Python's {@code re} reads {@code \w} on a str); precision is the share of the extracted tokens
 * found in the reference and recall the share of the reference found in the extraction, each token
 * counted at most as often as the reference has it (a bag of words, counts clipped by the
 * reference). An empty extraction scores 0 unless the reference is empty too (then 1).
 */
public record BagOfWords(double precision, double recall, double f1) {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  /** Token counts of {@code text}, lower-cased first. */
  public static Map<String, Integer> tokens(String text) {
    Map<String, Integer> m = new HashMap<>();
    Matcher w = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    while (w.find()) m.merge(w.group(), 1, Integer::sum);
    return m;
  }

  /** The score of {@code extracted} against {@code reference}. */
  public static BagOfWords score(String extracted, Map<String, Integer> reference) {
    Map<String, Integer> ours = tokens(extracted);
    long n = 0;
    long common = 0;
    for (Map.Entry<String, Integer> e : ours.entrySet()) {
      n += e.getValue();
      common += Math.min(e.getValue(), reference.getOrDefault(e.getKey(), 0));
    }
    long g = 0;
    for (int v : reference.values()) g += v;
    if (n == 0 && g == 0) return new BagOfWords(1, 1, 1);
    double p = n == 0 ? 0 : (double) common / n;
    double r = g == 0 ? 0 : (double) common / g;
    return new BagOfWords(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }
}
