package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which rows of a {@link DedupIndex} can touch this run: those sharing an exact key or (with near
 * dedup) an LSH band bucket with one of the run's documents, in the same scope. Only they join the
 * run's exact groups and band buckets, so the graph grows with the run, not with the index; the
 * index itself is scanned once for its keys. An indexed document in no shared bucket cannot be a
 * candidate of any of the run's documents, so leaving it out changes no decision.
 */
final class IndexMatch {
  private IndexMatch() {}

  /**
   * Index rows ({@code id, scope, lang, h1, h2, bands}) sharing a key with {@code keys} (the run's
   * {@link DocKey} rows).
   */
  static Dataset<Row> relevant(Dataset<Row> index, Dataset<Row> keys, boolean near) {
    Dataset<Row> k = index.select("id", "scope", "lang", "h1", "h2", "bands");
    Dataset<Row> ids = k.join(keys.select("scope", "h1", "h2").distinct(),
            new String[] {"scope", "h1", "h2"}, "left_semi")
        .select("id", "scope");
    if (near) {
      Dataset<Row> runBands = keys.select(col("scope"), posexplode(col("bands")))
          .toDF("scope", "band", "key").distinct();
      Dataset<Row> indexBands = k.select(col("id"), col("scope"), posexplode(col("bands")))
          .toDF("id", "scope", "band", "key");
      ids = ids.union(indexBands.join(runBands, new String[] {"scope", "band", "key"},
          "left_semi").select("id", "scope"));
    }
    return k.join(ids.distinct(), new String[] {"id", "scope"}, "left_semi");
  }

  /** {@code relevant}'s rows with the {@link DocKey} columns, {@code ix} 0 (indexed). */
  static Dataset<Row> asKeys(Dataset<Row> relevant) {
    return relevant.select(col("id"), lit("").as("domain"), lit("").as("source"), col("scope"),
        lit(0).as("priority"), lit(0.0).as("quality"), lit(0L).as("length"), col("h1"),
        col("h2"), col("bands"), lit(null).cast("array<bigint>").as("sig"), lit(0).as("ix"));
  }
}
