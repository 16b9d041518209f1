package org.flmdata.mix;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.StageContext;

/**
 * Finds {@link FractionalCut}s with Spark: per key, the cut in hash order that takes the wanted
 * number of units (tokens for the fractional epoch and held-out tokens, 1 per document for a
 * held-out share). Two rounds of 4,096-bucket histograms, then the boundary bucket's (hash, id,
 * units) rows; no document reaches the driver.
 */
final class Cuts {
  private Cuts() {}

  /**
   * @param sampled columns {@code key} (string), {@code hash} (long), {@code id}, {@code units}
   *     (long)
   * @param needOf per key, the units wanted, from the units each key has (the first histogram's
   *     totals, so no separate counting pass); a wanted key absent from {@code sampled}, or whose
   *     units are all wanted, gets {@link FractionalCut#ALL}
   * @param what job description prefix in Spark's UI
   */
  static Map<String, FractionalCut> find(StageContext ctx, Dataset<Row> sampled,
      Function<Map<String, Long>, Map<String, Double>> needOf, String what) {
    Map<String, FractionalCut> out = new TreeMap<>();
    int bits = FractionalCut.LEVEL_BITS;
    Column level1 = shiftrightunsigned(col("hash"), 64 - bits).cast("int");
    Column level2 = shiftrightunsigned(col("hash"), 64 - 2 * bits).bitwiseAND(lit(
        (long) FractionalCut.LEVEL_BUCKETS - 1)).cast("int");
    // round 1: units over the top 12 bits of the hash, per key
    ctx.spark().sparkContext().setJobDescription(what + ": histogram over hash buckets (1/2)");
    Map<String, long[]> hist = histogram(sampled, lit(true), level1);
    Map<String, Long> totals = new TreeMap<>();
    hist.forEach((k, h) -> totals.put(k, java.util.Arrays.stream(h).sum()));
    Map<String, Double> need = needOf.apply(totals);
    Map<String, Integer> first = new TreeMap<>();
    Map<String, Double> remaining = new TreeMap<>();
    Column inFirst = lit(false);
    for (Map.Entry<String, Double> e : need.entrySet()) {
      long[] h = hist.get(e.getKey());
      FractionalCut.Boundary b = h == null ? null : FractionalCut.boundary(h, e.getValue());
      if (b == null) {
        out.put(e.getKey(), FractionalCut.ALL);
      } else {
        first.put(e.getKey(), b.bucket());
        remaining.put(e.getKey(), b.remaining());
        inFirst = inFirst.or(col("key").equalTo(lit(e.getKey())).and(level1.equalTo(lit(b.bucket()))));
      }
    }
    // round 2: the next 12 bits, inside each key's boundary bucket only
    Map<String, FractionalCut.Boundary> bounds = new TreeMap<>();
    Column inBoundary = lit(false);
    if (!first.isEmpty()) {
      ctx.spark().sparkContext().setJobDescription(what + ": histogram over hash buckets (2/2)");
      Map<String, long[]> hist2 = histogram(sampled, inFirst, level2);
      for (Map.Entry<String, Integer> e : first.entrySet()) {
        long[] h = hist2.get(e.getKey());
        FractionalCut.Boundary b = h == null ? null
            : FractionalCut.boundary(h, remaining.get(e.getKey()));
        int b1 = e.getValue();
        if (b == null) {
          // cannot happen (round 1 saw the target crossed in this bucket); take the bucket whole
          b = new FractionalCut.Boundary(FractionalCut.LEVEL_BUCKETS - 1, Double.MAX_VALUE);
        }
        int bucket = (b1 << bits) | b.bucket();
        bounds.put(e.getKey(), new FractionalCut.Boundary(bucket, b.remaining()));
        inBoundary = inBoundary.or(col("key").equalTo(lit(e.getKey()))
            .and(level1.equalTo(lit(b1))).and(level2.equalTo(lit(b.bucket()))));
      }
    }
    Map<String, List<FractionalCut.Candidate>> candidates = new TreeMap<>();
    if (!bounds.isEmpty()) {
      ctx.spark().sparkContext().setJobDescription(what + ": resolve boundary buckets");
      for (Row r : sampled.filter(inBoundary)
          .select(col("key"), col("hash"), col("id"), col("units"))
          .collectAsList()) {
        candidates.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(new FractionalCut.Candidate(r.getLong(1), r.getString(2), r.getLong(3)));
      }
    }
    for (Map.Entry<String, FractionalCut.Boundary> e : bounds.entrySet()) {
      out.put(e.getKey(), FractionalCut.resolve(e.getValue().bucket(), e.getValue().remaining(),
          candidates.getOrDefault(e.getKey(), List.of())));
    }
    return out;
  }

  /** Units per key and bucket of the rows passing {@code filter}. */
  private static Map<String, long[]> histogram(Dataset<Row> rows, Column filter, Column bucket) {
    Map<String, long[]> hist = new TreeMap<>();
    for (Row r : rows.filter(filter).groupBy(col("key"), bucket.as("bucket"))
        .agg(functions.sum(col("units"))).collectAsList()) {
      hist.computeIfAbsent(r.getString(0), k -> new long[FractionalCut.LEVEL_BUCKETS])[r.getInt(1)] =
          r.getLong(2);
    }
    return hist;
  }
}
