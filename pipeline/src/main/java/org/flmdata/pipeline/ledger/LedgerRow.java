package org.flmdata.pipeline.ledger;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one stage did to one (domain, language): documents and bytes in, kept, and rejected per
 * {@code rule/reason}. Reconciles exactly: {@code docsIn == docsKept + sum(rejected)} and
 * {@code bytesIn == bytesKept + sum(rejectedBytes)}.
 *
 * @param bytesIn bytes that entered the stage (see {@code Outcome.bytesIn})
 * @param bytesKept of those, the bytes of documents that were kept
 * @param bytesOut UTF-8 bytes of the text the kept documents leave with (after modification)
 */
public record LedgerRow(
    String stage,
    String domain,
    String lang,
    long docsIn,
    long docsKept,
    long bytesIn,
    long bytesKept,
    long bytesOut,
    SortedMap<String, Long> rejected,
    SortedMap<String, Long> rejectedBytes) {

  public LedgerRow {
    rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    rejectedBytes = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedBytes));
  }

  public long docsRejected() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long bytesRejected() {
    return rejectedBytes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** True when every document and byte that entered is accounted for. */
  public boolean reconciles() {
    return docsIn == docsKept + docsRejected() && bytesIn == bytesKept + bytesRejected();
  }
}
