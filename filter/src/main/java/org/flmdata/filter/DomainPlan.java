package org.flmdata.filter;

import java.io.Serializable;
import java.util.Map;
import org.flmdata.filter.decontam.DecontamParams;

/**
 * What the filter stage does to the documents of one domain, resolved and checked on the driver;
 * small and serializable, shipped to executors.
 *
 * @param quality per language; a language without an entry is not quality-filtered
 * @param keepTopFraction 0: use each language's threshold; else keep this fraction of documents
 *     with the highest scores per language
 * @param dropBottomFraction 0: use each language's threshold; else reject this fraction of
 *     documents with the lowest scores per language (at most one of the two fractions is set)
 * @param decontam decontamination of this domain, or null when it names no benchmarks
 */
record DomainPlan(String domain, Map<String, LangQuality> quality, double keepTopFraction,
    double dropBottomFraction, DecontamParams decontam) implements Serializable {

  /** True when the cut is a share of the scores, known only after every document is scored. */
  boolean cutByShare() {
    return !quality.isEmpty() && (keepTopFraction > 0 || dropBottomFraction > 0);
  }

  /** The share of each language's documents, lowest scores first, that the cut rejects. */
  double rejectedShare() {
    return keepTopFraction > 0 ? 1 - keepTopFraction : dropBottomFraction;
  }
}
