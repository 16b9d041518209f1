package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The stage's one summary line per scope, from the decision table (ids only, no text): documents,
 * exact and near duplicates removed, clusters. One small aggregate reaches the driver; the full
 * statistics (cluster sizes, per domain and source, sample clusters) are {@link DedupReport}'s,
 * from the written output.
 */
final class DedupStats {
  private DedupStats() {}

  /** Summary lines of {@code decisions} (columns {@code did, scope, status, other, size}). */
  static List<String> lines(Dataset<Row> decisions) {
    List<Row> rows = new ArrayList<>(decisions.groupBy("scope")
        .agg(count(lit(1)).as("docs"),
            sum(when(col("status").equalTo(DedupStage.EXACT), 1).otherwise(0)).as("exact"),
            sum(when(col("status").equalTo(DedupStage.NEAR), 1).otherwise(0)).as("near"),
            sum(when(col("status").equalTo(DedupStage.KEPT).and(col("size").gt(1)), 1)
                .otherwise(0)).as("clusters"))
        .collectAsList());
    // one row per scope: sorted here, not by a range partitioning (a sampling job of its own)
    rows.sort(Comparator.comparing((Row r) -> r.getString(0),
        Comparator.nullsFirst(Comparator.naturalOrder())));
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(String.format(Locale.ROOT,
          "dedup: scope %s: %,d docs, %,d exact-dup and %,d near-dup removed, %,d clusters",
          r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
    }
    return out;
  }
}
