package org.flmdata.pipeline.ledger;


import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Figures a stage keeps beyond documents dropped (which the ledger counts from reasons): whole
 * numbers it leaves in kept documents' meta under {@code <stage>.<key>}, e.g. characters a
 * line-level rule removed ({@code clean.removed.c4}) or PII replacements ({@code clean.pii.email}).
 * Summed per domain and language from the written output, never from accumulators; one small
 * aggregate, O(domains x languages x keys), reaches the driver. Non-numeric values are ignored.
 */
public final class MetaCounters {
  private MetaCounters() {}

  /** One figure; {@code key} is the meta key without the stage prefix. */
  public record Counter(String domain, String lang, String key, long value) {}

  /**
   * The counters {@code stage} left under {@code stageDir}, sorted by domain, lang and key (one
   * scan with the rest of the stage's figures: {@link StageSummary}).
   */
  public static List<Counter> of(SparkSession spark, String stage, String stageDir) {
    return StageSummary.of(spark, stage, stageDir, 0).counters();
  }
}
