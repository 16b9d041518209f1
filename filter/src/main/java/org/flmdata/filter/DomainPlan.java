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
 * @param decontam decontamination of this domain, or null when it names no benchmarks
 */
record DomainPlan(String domain, Map<String, LangQuality> quality, double keepTopFraction,
    DecontamParams decontam) implements Serializable {}
