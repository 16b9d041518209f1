package org.flmdata.filter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.flmdata.filter.quality.QualityReason;
import org.flmdata.pipeline.Outcome;

/**
 * Rejects kept documents whose score is below the cut of their (domain, language) ({@link
 * ScoreCuts}): {@code quality/below-top-fraction} for a domain keeping a top fraction, {@code
 * quality/in-bottom-fraction} for one dropping a bottom fraction. Documents at the cut are kept.
 */
final class TopFractionCut implements MapFunction<Outcome, Outcome> {
  private static final long serialVersionUID = 2L;

  private final Map<String, Float> cuts;
  private final Map<String, QualityReason> reasons;
  private final Map<String, String> shares;

  /** @param cuts score cut per {@link #key(String, String)} */
  TopFractionCut(Map<String, Float> cuts, Map<String, DomainPlan> plans) {
    this.cuts = Map.copyOf(cuts);
    Map<String, QualityReason> r = new HashMap<>();
    Map<String, String> s = new HashMap<>();
    for (DomainPlan d : plans.values()) {
      if (!d.cutByShare()) continue;
      boolean top = d.keepTopFraction() > 0;
      r.put(d.domain(), top ? QualityReason.BELOW_TOP_FRACTION : QualityReason.IN_BOTTOM_FRACTION);
      s.put(d.domain(), top ? "top " + percent(d.keepTopFraction()) + " kept"
          : "bottom " + percent(d.dropBottomFraction()) + " dropped");
    }
    this.reasons = Map.copyOf(r);
    this.shares = Map.copyOf(s);
  }

  static String key(String domain, String lang) {
    return domain + "\u0000" + lang;
  }

  private static String percent(double f) {
    return String.format(Locale.ROOT, "%.4g%%", f * 100);
  }

  @Override
  public Outcome call(Outcome o) {
    if (!o.isKept()) return o;
    Float cut = cuts.get(key(o.getDomain(), o.getLang()));
    if (cut == null) return o;
    float s = ScoreCuts.score(o);
    if (Float.isNaN(s) || s >= cut) return o;
    return Outcome.rejected(o.toDocument(), reasons.get(o.getDomain()),
        String.format(Locale.ROOT, "%s < cut %s (%s)", s, cut, shares.get(o.getDomain())),
        o.getBytesIn());
  }
}
