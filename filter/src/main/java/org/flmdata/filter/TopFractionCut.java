package org.flmdata.filter;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.flmdata.filter.quality.QualityReason;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.Outcome;

/**
 * Rejects kept documents whose score is below the cut of their (domain, language), computed on
 * the driver as the {@code 1 - keep_top_fraction} quantile of the scores. Documents at the cut are
 * kept.
 */
final class TopFractionCut implements MapFunction<Outcome, Outcome> {
  private static final long serialVersionUID = 1L;

  private final Map<String, Double> cuts;

  /** @param cuts score cut per {@link #key(String, String)} */
  TopFractionCut(Map<String, Double> cuts) {
    this.cuts = Map.copyOf(cuts);
  }

  static String key(String domain, String lang) {
    return domain + "\u0000" + lang;
  }

  @Override
  public Outcome call(Outcome o) {
    if (!o.isKept()) return o;
    Double cut = cuts.get(key(o.getDomain(), o.getLang()));
    if (cut == null) return o;
    double s = QualityScorer.read(o.toDocument());
    if (Double.isNaN(s) || s >= cut) return o;
    return Outcome.rejected(o.toDocument(), QualityReason.BELOW_TOP_FRACTION,
        String.format(Locale.ROOT, "%.4f < cut %.4f", s, cut), o.getBytesIn());
  }
}
