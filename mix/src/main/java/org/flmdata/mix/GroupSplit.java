package org.flmdata.mix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.pipeline.config.ConfigException;

/**
 * Shares one domain's target tokens out over its groups (language, source, quality band). With
 * {@code language_ratios} each language first gets ratio / sum of ratios of the domain's target;
 * inside a language (or the whole domain without ratios) a group gets target x w x available /
 * sum(w x available), w = source weight x quality weight, so equal weights give every group the
 * same epochs. Pure Java.
 */
final class GroupSplit {
  private GroupSplit() {}

  /** One group of a domain: its key parts and the tokens it holds (EOD included). */
  record Group(String lang, String source, int band, long available) {}

  /**
   * Target tokens per group, in the order of {@code groups}.
   *
   * @throws ConfigException naming the domain when a positive ratio or target has no tokens to
   *     draw from (a language with a ratio but no data, or every group weighted 0)
   */
  static double[] split(String domain, String file, double target, List<Group> groups,
      DomainWeights w) {
    double[] out = new double[groups.size()];
    if (target <= 0) return out;
    Map<String, Double> langTarget = new LinkedHashMap<>();
    if (w.languages().isEmpty()) {
      langTarget.put(null, target);
    } else {
      double sum = 0;
      for (double r : w.languages().values()) sum += r;
      if (sum <= 0) {
        throw ConfigException.at(file, "mix.language_ratios",
            "are all 0 for domain " + domain + ", which has a positive proportion");
      }
      for (Map.Entry<String, Double> e : new TreeMap<>(w.languages()).entrySet()) {
        langTarget.put(e.getKey(), target * e.getValue() / sum);
      }
    }
    for (Map.Entry<String, Double> lt : langTarget.entrySet()) {
      if (lt.getValue() <= 0) continue;
      double weighted = 0;
      for (Group g : groups) {
        if (lt.getKey() == null || lt.getKey().equals(g.lang())) weighted += weight(g, w) * g.available();
      }
      if (weighted <= 0) {
        String what = lt.getKey() == null ? "" : " in language " + lt.getKey();
        throw ConfigException.at(file, lt.getKey() == null ? "mix" : "mix.language_ratios",
            String.format(Locale.ROOT,
                "leaves domain %s no tokens to sample%s (no data%s, or every source/quality"
                    + " weight 0) for a target of %,.0f tokens", domain, what,
                what, lt.getValue()));
      }
      for (int i = 0; i < out.length; i++) {
        Group g = groups.get(i);
        if (lt.getKey() == null || lt.getKey().equals(g.lang())) {
          out[i] = lt.getValue() * (weight(g, w) * g.available() / weighted);
        }
      }
    }
    return out;
  }

  static double weight(Group g, DomainWeights w) {
    return w.sourceWeight(g.source()) * w.qualityWeight(g.band());
  }
}
