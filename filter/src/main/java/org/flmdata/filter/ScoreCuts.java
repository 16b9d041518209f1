package org.flmdata.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.Outcome;
import scala.Tuple3;

/**
 * The exact score cut of each (domain, language) whose domain keeps a top fraction or drops a
 * bottom fraction: the smallest score that stays when the {@code k = floor(share * n)} lowest of
 * its {@code n} scored documents go, computed over the whole stage, not per partition.
 *
 * <p>Why exact, and why not a quantile sketch: approximate sketches (Spark's approxQuantile,
 * DataSketches KLL) merge partition summaries in task-arrival order and KLL compacts with random
 * bits, so on a large stage two runs could cut at different scores, and the same input, config
 * and seed must give the same shards. A score is a float in [0, 1], whose bit pattern orders as
 * the number does, so two counting passes find the k-th smallest score exactly: counts per high
 * 16 bits (at most 16,257 buckets in [0, 1]) locate the bucket holding rank k; counts per low 16
 * bits inside that one bucket (at most 65,536) give the value. Only those counts reach the
 * driver, never a document or a score list; integer sums are the same in any merge order.
 */
final class ScoreCuts {
  private ScoreCuts() {}

  /** The score a document was given ({@code meta.quality}) as the float it is, or NaN. */
  static float score(Outcome o) {
    String v = o.getMeta() == null ? null : o.getMeta().get(QualityScorer.META_KEY);
    if (v == null) return Float.NaN;
    try {
      float f = Float.parseFloat(v);
      return f >= 0 ? f + 0.0f : Float.NaN; // -0.0 has the sign bit set
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  /**
   * Cut per {@link TopFractionCut#key(String, String)}: documents scoring below it are rejected.
   * A (domain, language) where the share rejects no document gets no cut.
   */
  static Map<String, Float> compute(Dataset<Outcome> out, Map<String, DomainPlan> plans) {
    Map<String, Double> shares = new HashMap<>();
    for (DomainPlan d : plans.values()) {
      if (d.cutByShare()) shares.put(d.domain(), d.rejectedShare());
    }
    Dataset<Tuple3<String, String, Integer>> bits = out.flatMap(
        (FlatMapFunction<Outcome, Tuple3<String, String, Integer>>) o -> {
          float s = o.isKept() && shares.containsKey(o.getDomain()) ? score(o) : Float.NaN;
          if (Float.isNaN(s)) return java.util.Collections.emptyIterator();
          return List.of(new Tuple3<>(o.getDomain(), o.getLang(), Float.floatToIntBits(s)))
              .iterator();
        }, Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.INT()));
    Column hi = functions.shiftrightunsigned(functions.col("_3"), 16).as("b");
    Map<String, TreeMap<Integer, Long>> high = counts(bits.groupBy(functions.col("_1"),
        functions.col("_2"), hi).count());
    // the bucket holding rank k of each key, and k's rank inside it
    Map<String, long[]> where = new TreeMap<>();
    Column inBucket = functions.lit(false);
    for (Map.Entry<String, TreeMap<Integer, Long>> e : high.entrySet()) {
      long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      long k = (long) Math.floor(shares.get(domainOf(e.getKey())) * n + 1e-9);
      if (k <= 0) continue;
      long before = 0;
      for (Map.Entry<Integer, Long> b : e.getValue().entrySet()) {
        if (k < before + b.getValue()) {
          where.put(e.getKey(), new long[] {b.getKey(), k - before});
          String[] dl = e.getKey().split("\u0000", 2);
          inBucket = inBucket.or(functions.col("_1").equalTo(dl[0])
              .and(functions.col("_2").equalTo(dl[1]))
              .and(functions.shiftrightunsigned(functions.col("_3"), 16).equalTo(b.getKey())));
          break;
        }
        before += b.getValue();
      }
    }
    Map<String, Float> cuts = new TreeMap<>();
    if (where.isEmpty()) return cuts;
    Column lo = functions.col("_3").bitwiseAND(0xFFFF).as("b");
    Map<String, TreeMap<Integer, Long>> low = counts(bits.filter(inBucket)
        .groupBy(functions.col("_1"), functions.col("_2"), lo).count());
    for (Map.Entry<String, long[]> e : where.entrySet()) {
      long rank = e.getValue()[1];
      long before = 0;
      for (Map.Entry<Integer, Long> b : low.get(e.getKey()).entrySet()) {
        if (rank < before + b.getValue()) {
          cuts.put(e.getKey(), Float.intBitsToFloat(((int) e.getValue()[0] << 16) | b.getKey()));
          break;
        }
        before += b.getValue();
      }
    }
    return cuts;
  }

  private static String domainOf(String key) {
    return key.substring(0, key.indexOf('\u0000'));
  }

  /** Rows (domain, lang, bucket, count) as sorted bucket counts per key. */
  private static Map<String, TreeMap<Integer, Long>> counts(Dataset<Row> rows) {
    Map<String, TreeMap<Integer, Long>> out = new TreeMap<>();
    List<Row> list = new ArrayList<>(rows.collectAsList());
    for (Row r : list) {
      out.computeIfAbsent(TopFractionCut.key(r.getString(0), r.getString(1)),
          k -> new TreeMap<>()).put(r.getInt(2), r.getLong(3));
    }
    return out;
  }
}
