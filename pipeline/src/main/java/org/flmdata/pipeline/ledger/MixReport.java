package org.flmdata.pipeline.ledger;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;

/**
 * stats.json's {@code "mix"} array (DESIGN.md "Shard manifest and mix statistics"): per domain of
 * the mix stage's plan ({@code report/mix_plan.json}) the available tokens, target share, epochs,
 * and the achieved share counted from the mix stage's written output: the sum over kept documents
 * of (meta {@code mix.tokens} + 1 EOD) x meta {@code mix.copies}, held-out documents (meta {@code
 * mix.split}) left out. In blend-only mode the shares
 * come from blend weights, so the achieved share is the target share. Empty without a plan.
 */
public final class MixReport {
  static final String STAGE = "mix";

  private MixReport() {}

  public static List<Object> rows(SparkSession spark, RunLayout layout) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path p = new Path(layout.mixPlan());
    FileSystem fs = p.getFileSystem(hadoop);
    List<Object> out = new ArrayList<>();
    if (!fs.exists(p)) return out;
    JsonNode plan;
    try (InputStream in = fs.open(p)) {
      plan = new ObjectMapper().readTree(in);
    }
    boolean materialize = plan.path("materialize").asBoolean(true);
    Map<String, Long> achieved = new LinkedHashMap<>();
    boolean counted = false;
    if (materialize && StageMarker.read(layout.marker(STAGE), hadoop) != null) {
      counted = true;
      for (Row r : StageOutput.readAll(spark, layout.stageDir(STAGE))
          .filter(col("status").equalTo(lit(Outcome.KEPT)))
          .filter(col("meta").getItem("mix.split").isNull()) // held-out data is not training
          .groupBy(col("domain"))
          .agg(functions.sum(coalesce(col("meta").getItem("mix.tokens").cast("long"), lit(0L))
              .plus(lit(1L)).multiply(coalesce(col("meta").getItem("mix.copies").cast("long"),
                  lit(1L)))))
          .collectAsList()) {
        achieved.put(r.getString(0), r.isNullAt(1) ? 0L : r.getLong(1));
      }
    }
    double total = 0;
    for (long v : achieved.values()) total += v;
    double targetTotal = 0;
    for (JsonNode d : plan.path("domains")) targetTotal += d.path("target_tokens").asDouble();
    for (JsonNode d : plan.path("domains")) {
      String name = d.path("domain").asText();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", name);
      m.put("available_tokens", d.path("available_tokens").asLong());
      m.put("target_share", d.path("target_share").asDouble());
      if (!materialize) {
        m.put("achieved_share", targetTotal > 0 ? d.path("target_tokens").asDouble() / targetTotal : 0.0);
      } else if (counted) {
        long a = achieved.getOrDefault(name, 0L);
        m.put("achieved_share", total > 0 ? a / total : 0.0);
        m.put("achieved_tokens", a);
      } else {
        m.put("achieved_share", null);
      }
      m.put("epochs", d.path("epochs").asDouble());
      m.put("target_tokens", d.path("target_tokens").asDouble());
      out.add(m);
    }
    return out;
  }
}
