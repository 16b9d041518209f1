package org.flmdata.mix;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.pipeline.config.Settings;

/**
 * A domain's within-domain weights, parsed from its {@code mix:} section: per source, per
 * language (fixed ratios, or none), and per quality band. Small and serializable: executors use
 * {@link #band} to put each document in its group.
 */
record DomainWeights(Map<String, Double> sources, Map<String, Double> languages,
    double[] qualityThresholds, double[] qualityWeights) implements Serializable {

  static DomainWeights of(Settings mix) {
    Map<String, Double> q = new TreeMap<>();
    for (Map.Entry<String, String> e : mix.get(MixSettings.QUALITY_WEIGHTS).entrySet()) {
      q.put(String.valueOf(Double.parseDouble(e.getKey().strip())),
          Double.parseDouble(e.getValue().strip()));
    }
    double[] th = q.keySet().stream().mapToDouble(Double::parseDouble).sorted().toArray();
    double[] w = new double[th.length];
    for (int i = 0; i < th.length; i++) w[i] = q.get(String.valueOf(th[i]));
    return new DomainWeights(numbers(mix.get(MixSettings.SOURCE_WEIGHTS)),
        numbers(mix.get(MixSettings.LANGUAGE_RATIOS)), th, w);
  }

  static DomainWeights none() {
    return new DomainWeights(Map.of(), Map.of(), new double[0], new double[0]);
  }

  private static Map<String, Double> numbers(Map<String, String> m) {
    Map<String, Double> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, Double.parseDouble(v.strip())));
    return out;
  }

  /**
   * The quality band of a document: the index of the highest threshold its score reaches, or -1
   * (unscored, unparsable, or below every threshold).
   */
  int band(String qualityScore) {
    if (qualityThresholds.length == 0 || qualityScore == null) return -1;
    double s;
    try {
      s = Double.parseDouble(qualityScore.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
    if (Double.isNaN(s)) return -1;
    int band = -1;
    for (int i = 0; i < qualityThresholds.length; i++) {
      if (s >= qualityThresholds[i]) band = i;
    }
    return band;
  }

  double qualityWeight(int band) {
    return band < 0 ? 1.0 : qualityWeights[band];
  }

  double sourceWeight(String source) {
    return sources.getOrDefault(source, 1.0);
  }
}
