package org.flmdata.filter.decontam;

import java.io.Serializable;
import java.util.List;

/**
 * How one domain is decontaminated (GPT-3, Brown et al. 2020, appendix C, unless noted).
 *
 * @param benchmarks the benchmarks this domain is checked against, by name
 * @param remove true: any match removes the document (instruct/QA data, as Tele-FLM does); false:
 *     the GPT-3 recipe below
 * @param cutChars characters removed on each side of a matching n-gram (200)
 * @param minPieceChars leftover pieces shorter than this are dropped too (200)
 * @param maxSplits a document split more often than this is dropped whole (10)
 */
public record DecontamParams(List<String> benchmarks, boolean remove, int cutChars,
    int minPieceChars, int maxSplits) implements Serializable {
  public DecontamParams {
    benchmarks = List.copyOf(benchmarks);
  }
}
