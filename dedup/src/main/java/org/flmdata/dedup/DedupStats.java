package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Driver-side summary of a dedup run, computed from the decision table (ids only, no text): per
 * scope, documents, exact and near duplicates removed, clusters and their size distribution, and
 * the largest clusters with their survivor and a few member ids. Printed as a few lines; the
 * per-domain counts are in the ledger ({@code dedup/exact/exact-dup}, {@code
 * dedup/minhash/near-dup} per domain and language).
 */
final class DedupStats {
  private DedupStats() {}

  /** Upper bounds of the cluster-size histogram buckets (the last is open). */
  static final long[] SIZE_BUCKETS = {2, 3, 5, 10, 100, 1000};

  /** A histogram bucket label of {@code size}, e.g. {@code 6-10}. */
  static String bucket(long size) {
    long lo = 2;
    for (long hi : SIZE_BUCKETS) {
      if (size <= hi) return lo == hi ? Long.toString(hi) : lo + "-" + hi;
      lo = hi + 1;
    }
    return ">" + SIZE_BUCKETS[SIZE_BUCKETS.length - 1];
  }

  /**
   * Summary lines of {@code decisions} (columns {@code did, scope, status, other, size}).
   *
   * @param samples how many of the largest clusters to list
   */
  static List<String> lines(Dataset<Row> decisions, int samples) {
    List<String> out = new ArrayList<>();
    for (Row r : decisions.groupBy("scope")
        .agg(count(lit(1)).as("docs"),
            sum(when(col("status").equalTo(DedupStage.EXACT), 1).otherwise(0)).as("exact"),
            sum(when(col("status").equalTo(DedupStage.NEAR), 1).otherwise(0)).as("near"),
            sum(when(col("status").equalTo(DedupStage.KEPT).and(col("size").gt(1)), 1)
                .otherwise(0)).as("clusters"))
        .orderBy("scope").collectAsList()) {
      out.add(String.format(Locale.ROOT,
          "dedup: scope %s: %,d docs, %,d exact-dup and %,d near-dup removed, %,d clusters",
          r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
    }
    Dataset<Row> kept = decisions.where(col("status").equalTo(DedupStage.KEPT)
        .and(col("size").gt(1)));
    Column bucket = null;
    List<String> order = new ArrayList<>();
    for (long hi : SIZE_BUCKETS) {
      Column c = col("size").leq(hi);
      bucket = bucket == null ? when(c, lit(bucket(hi))) : bucket.when(c, lit(bucket(hi)));
      order.add(bucket(hi));
    }
    String last = ">" + SIZE_BUCKETS[SIZE_BUCKETS.length - 1];
    bucket = bucket.otherwise(lit(last));
    order.add(last);
    List<Row> hist = kept.groupBy(bucket.as("b")).agg(count(lit(1))).collectAsList();
    StringBuilder sb = new StringBuilder("dedup: cluster sizes (docs per cluster: clusters):");
    for (String b : order) {
      for (Row h : hist) {
        if (h.getString(0).equals(b)) sb.append(' ').append(b).append(": ").append(h.getLong(1));
      }
    }
    out.add(sb.toString());
    List<Row> largest = kept.orderBy(col("size").desc(), col("did")).limit(samples)
        .select("did", "size").collectAsList();
    for (Row r : largest) {
      List<String> members = new ArrayList<>();
      for (Row m : decisions.where(col("other").equalTo(r.getString(0))).select("did")
          .orderBy("did").limit(3).collectAsList()) {
        members.add(m.getString(0));
      }
      out.add(String.format(Locale.ROOT, "dedup: cluster of %,d kept %s, e.g. removed %s",
          r.getLong(1), r.getString(0), members));
    }
    return out;
  }
}
