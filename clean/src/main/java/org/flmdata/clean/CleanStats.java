package org.flmdata.clean;

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
 * The clean stage's per-rule figures beyond docs dropped (which the ledger counts from reasons):
 * characters removed by each text-modifying rule ({@code clean.removed.<rule>} in kept
 * documents' meta) and PII replacements per type ({@code clean.pii.<type>}), summed per domain
 * and language from the written output, never from accumulators. One small aggregate reaches the
 * driver: O(domains x languages x rules) rows.
 *
 * <p>Proposed stats.json shape, beside the ledger rows of stage "clean": {@code "clean_rules":
 * [{"domain", "lang", "key": "removed.c4" | "pii.email", "value": N}]}.
 */
public final class CleanStats {
  private CleanStats() {}

  /** One figure: {@code key} is {@code removed.<rule>} or {@code pii.<type>}. */
  public record Figure(String domain, String lang, String key, long value) {}

  public static List<Figure> of(SparkSession spark, String stageDir) {
    List<Row> rows = StageOutput.readAll(spark, stageDir)
        .filter(col("status").equalTo(Outcome.KEPT))
        .select(col("domain"), col("lang"), explode(col("meta")).as(new String[] {"k", "v"}))
        .filter(col("k").startsWith("clean."))
        .groupBy(col("domain"), col("lang"), col("k"))
        .agg(sum(col("v").cast("long")).as("value"))
        .orderBy(col("domain"), col("lang"), col("k"))
        .collectAsList();
    List<Figure> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new Figure(r.getString(0), r.isNullAt(1) ? "und" : r.getString(1),
          r.getString(2).substring("clean.".length()), r.isNullAt(3) ? 0 : r.getLong(3)));
    }
    return out;
  }
}
