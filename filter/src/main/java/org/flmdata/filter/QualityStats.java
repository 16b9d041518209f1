package org.flmdata.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.ledger.StageSummary;
import org.flmdata.pipeline.run.StageOutput;

/**
 * The filter stage's quality figures for the report ({@code stages[filter].extra.quality}), from
 * its written output: per (domain, language), the histogram of quality scores in {@link #BINS}
 * equal bins of [0, 1] for kept and for rejected documents (exact counts: one small aggregate of
 * at most domains x languages x 2 x BINS rows reaches the driver), and the {@link #SAMPLES}
 * lowest-scored documents the quality rule rejected, with their scores and first characters.
 */
final class QualityStats {
  static final int BINS = 20;
  static final int SAMPLES = 5;
  static final int CHARS = 300;

  private QualityStats() {}

  /** The figures, or an empty map when no document of the stage was scored. */
  static Map<String, Object> of(SparkSession spark, String stageDir) {
    Dataset<Row> scored = StageOutput.readAll(spark, stageDir)
        .withColumn("score", col("meta").getItem(QualityScorer.META_KEY).cast("double"))
        .filter(col("score").isNotNull());
    List<Row> counts = scored
        .withColumn("bin", least(floor(col("score").multiply(BINS)).cast("int"), lit(BINS - 1)))
        .groupBy(col("domain"), col("lang"), col("status"), col("bin")).count()
        .collectAsList();
    if (counts.isEmpty()) return Map.of();
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (Row r : counts) {
      Map<String, Object> row = rows.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1),
          k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", r.getString(0));
            m.put("lang", r.getString(1));
            m.put("kept", new long[BINS]);
            m.put("rejected", new long[BINS]);
            return m;
          });
      String status = r.getString(2).equals(Outcome.KEPT) ? "kept" : "rejected";
      ((long[]) row.get(status))[Math.max(0, r.getInt(3))] += r.getLong(4);
    }
    List<Row> samples = scored
        .filter(col("status").equalTo(Outcome.REJECTED).and(col("rule").equalTo("quality")))
        .withColumn("n", row_number().over(Window.partitionBy(col("domain"), col("lang"))
            .orderBy(col("score"), col("id"))))
        .filter(col("n").leq(SAMPLES))
        .select(col("domain"), col("lang"), col("id"), col("url"), col("score"),
            col("reason"), col("detail"), substring(col("text"), 1, CHARS))
        .collectAsList();
    // at most SAMPLES rows per domain and language: sorted here as orderBy(domain, lang, score,
    // id) sorts them (a range partitioning's sampling was a Spark job of its own)
    samples = new ArrayList<>(samples);
    samples.sort(Comparator.comparing((Row r) -> r.getString(0), StageSummary.SPARK_ORDER)
        .thenComparing(r -> r.isNullAt(1) ? null : r.getString(1), StageSummary.SPARK_ORDER)
        .thenComparing(r -> r.getDouble(4), (a, b) -> a.doubleValue() == b.doubleValue() ? 0
            : Double.compare(a, b)) // as Spark: -0.0 equals 0.0, NaN last
        .thenComparing(r -> r.getString(2), StageSummary.SPARK_ORDER));
    List<Map<String, Object>> sampleList = new ArrayList<>();
    for (Row r : samples) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", r.getString(0));
      m.put("lang", r.getString(1));
      m.put("id", r.getString(2));
      m.put("url", r.isNullAt(3) ? "" : r.getString(3));
      m.put("score", r.getDouble(4));
      m.put("rule", "quality/" + r.getString(5));
      m.put("detail", r.isNullAt(6) ? "" : r.getString(6));
      m.put("text", r.isNullAt(7) ? "" : r.getString(7));
      sampleList.add(m);
    }
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("bins", BINS);
    q.put("rows", new ArrayList<>(rows.values()));
    q.put("rejected_samples", sampleList);
    return Map.of("quality", q);
  }
}
