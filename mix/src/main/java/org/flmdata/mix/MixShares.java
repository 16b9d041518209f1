package org.flmdata.mix;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.contract.MixturePlan;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;

/**
 * stats.json's {@code "mix"} section (DESIGN.md "Shard manifest and mix statistics"): per domain
 * of the plan ({@link MixturePlan}) the available tokens, target share, epochs, and the achieved
 * share counted from the mix stage's written output: the sum over kept documents of ({@link
 * MetaKeys#MIX_TOKENS} + 1 EOD) x {@link MetaKeys#MIX_COPIES}, held-out documents ({@link
 * MetaKeys#MIX_SPLIT}) left out. In blend-only mode the shares come from blend weights, so the
 * achieved share is the target share. Empty without a plan.
 */
final class MixShares {
  private MixShares() {}

  /**
   * One domain's row.
   *
   * @param achievedShare null when the mix stage's output is not complete
   * @param achievedTokens tokens counted in the written mixture; absent in blend-only mode
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Share(String domain, long availableTokens, double targetShare, Double achievedShare,
      @JsonInclude(Include.NON_NULL) Long achievedTokens, double epochs, double targetTokens) {}

  static List<Share> of(SparkSession spark, RunLayout layout) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    MixturePlan plan = MixturePlan.read(layout, hadoop);
    List<Share> out = new ArrayList<>();
    if (plan == null) return out;
    Map<String, Long> achieved = new LinkedHashMap<>();
    boolean counted = false;
    if (plan.materialize() && StageMarker.read(layout.marker(MixStage.NAME), hadoop) != null) {
      counted = true;
      for (Row r : StageOutput.readAll(spark, layout.stageDir(MixStage.NAME))
          .filter(col("status").equalTo(lit(Outcome.KEPT)))
          .filter(MetaKeys.MIX_SPLIT.raw().isNull()) // held-out data is not training
          .groupBy(col("domain"))
          .agg(functions.sum(coalesce(MetaKeys.MIX_TOKENS.column(), lit(0L)).plus(lit(1L))
              .multiply(coalesce(MetaKeys.MIX_COPIES.column(), lit(1L)))))
          .collectAsList()) {
        achieved.put(r.getString(0), r.isNullAt(1) ? 0L : r.getLong(1));
      }
    }
    double total = 0;
    for (long v : achieved.values()) total += v;
    double targetTotal = 0;
    for (MixturePlan.Domain d : plan.domains()) targetTotal += d.targetTokens();
    for (MixturePlan.Domain d : plan.domains()) {
      Double share;
      Long tokens = null;
      if (!plan.materialize()) {
        share = targetTotal > 0 ? d.targetTokens() / targetTotal : 0.0;
      } else if (counted) {
        tokens = achieved.getOrDefault(d.domain(), 0L);
        share = total > 0 ? tokens / total : 0.0;
      } else {
        share = null;
      }
      out.add(new Share(d.domain(), d.availableTokens(), d.targetShare(), share, tokens,
          d.epochs(), d.targetTokens()));
    }
    return out;
  }
}
