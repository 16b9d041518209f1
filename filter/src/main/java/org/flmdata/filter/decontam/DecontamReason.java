package org.flmdata.filter.decontam;

import org.flmdata.pipeline.DropReason;

/**
 * A document removed for sharing n-grams with a benchmark test set: {@code decontam/<benchmark>},
 * so the ledger counts removals per benchmark. The set of benchmarks is closed per run: the names
 * declared in the domain files.
 */
public record DecontamReason(String benchmark) implements DropReason {
  @Override
  public String rule() {
    return "decontam";
  }

  @Override
  public String reason() {
    return benchmark;
  }
}
