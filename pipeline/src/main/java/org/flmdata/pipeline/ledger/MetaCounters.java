package org.flmdata.pipeline.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;

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

  /** The counters {@code stage} left under {@code stageDir}, sorted by domain, lang and key. */
  public static List<Counter> of(SparkSession spark, String stage, String stageDir) {
    String prefix = stage + ".";
    List<Row> rows = StageOutput.readAll(spark, stageDir)
        .filter(col("status").equalTo(Outcome.KEPT))
        .select(col("domain"), col("lang"), explode(col("meta")).as(new String[] {"k", "v"}))
        .filter(col("k").startsWith(prefix))
        .groupBy(col("domain"), col("lang"), col("k"))
        .agg(sum(col("v").try_cast("long")).as("value")) // ANSI casts throw on text
        .filter(col("value").isNotNull())
        .orderBy(col("domain"), col("lang"), col("k"))
        .collectAsList();
    List<Counter> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new Counter(r.getString(0), r.isNullAt(1) ? "und" : r.getString(1),
          r.getString(2).substring(prefix.length()), r.getLong(3)));
    }
    return out;
  }
}
