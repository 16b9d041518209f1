package org.flmdata.pipeline.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;

/**
 * A few rejected documents per rule, to show what a rule does: among the rejected rows that kept
 * their text ({@code rejected_text_fraction}), the {@code perRule} with the smallest id hash, their
 * text cut to {@link #CHARS} characters. One small aggregate (rules x perRule rows) reaches the
 * driver.
 */
public final class RejectedSamples {
  /** Characters of text kept per sample. */
  public static final int CHARS = 400;

  private RejectedSamples() {}

  /** Samples of {@code stageDir}'s rejected rows, ordered by reason key then id hash. */
  public static List<Map<String, Object>> of(SparkSession spark, String stageDir, int perRule) {
    var byRule = Window.partitionBy(col("rule"), col("reason"))
        .orderBy(col("h"), col("id"));
    List<Row> rows = StageOutput.readAll(spark, stageDir)
        .filter(col("status").equalTo(Outcome.REJECTED).and(col("text").isNotNull()))
        .select(col("id"), col("domain"), col("lang"), col("rule"), col("reason"), col("detail"),
            substring(col("text"), 1, CHARS).as("text"), xxhash64(col("id")).as("h"))
        .withColumn("n", row_number().over(byRule))
        .filter(col("n").leq(perRule))
        .orderBy(col("rule"), col("reason"), col("n"))
        .collectAsList();
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", r.getString(3) + "/" + r.getString(4));
      m.put("id", r.getString(0));
      m.put("domain", r.getString(1));
      m.put("lang", r.isNullAt(2) ? "und" : r.getString(2));
      m.put("detail", r.isNullAt(5) ? "" : r.getString(5));
      m.put("text", r.getString(6));
      out.add(m);
    }
    return out;
  }
}
