package org.flmdata.filter;

import java.io.Serializable;

/**
 * The quality filter of one (domain, language): the model, the label whose probability is the
 * score, and the threshold a document must reach (unless the domain keeps a top fraction).
 */
record LangQuality(ModelRef model, String label, double threshold) implements Serializable {}
