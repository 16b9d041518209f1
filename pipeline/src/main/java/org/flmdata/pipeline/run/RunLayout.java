package org.flmdata.pipeline.run;

import java.io.Serializable;
import org.flmdata.pipeline.io.Paths;

/**
 * Where a run's files live under its output root (DESIGN.md "Run layout"):
 *
 * <pre>
 * &lt;root&gt;/&lt;stage&gt;/status=kept/domain=&lt;name&gt;/part-*.parquet      kept documents
 * &lt;root&gt;/&lt;stage&gt;/status=rejected/domain=&lt;name&gt;/part-*.parquet  rejected, with reasons
 * &lt;root&gt;/&lt;stage&gt;/_SUCCESS                                      completion marker + config hash
 * &lt;root&gt;/shards/..., &lt;root&gt;/report/stats.json, &lt;root&gt;/report/mix_plan.json
 * </pre>
 *
 * Kept and rejected rows are one Parquet dataset partitioned Hive-style by {@code status} and
 * {@code domain}: one write per stage (no second pass over the data for rejects), atomic through
 * Spark's commit protocol, and readable by any Parquet tool with partition discovery.
 */
public record RunLayout(String root) implements Serializable {

  public String stageDir(String stage) {
    return Paths.join(root, stage);
  }

  public String keptDir(String stage) {
    return Paths.join(stageDir(stage), "status=kept");
  }

  public String rejectedDir(String stage) {
    return Paths.join(stageDir(stage), "status=rejected");
  }

  public String marker(String stage) {
    return Paths.join(stageDir(stage), "_SUCCESS");
  }

  public String reportDir() {
    return Paths.join(root, "report");
  }

  public String statsJson() {
    return Paths.join(reportDir(), "stats.json");
  }

  /**
   * The mix stage's plan ({@link org.flmdata.pipeline.contract.MixturePlan}: mode, total, per
   * domain available/target tokens, shares, epochs), written by the mix stage and read by tokenize
   * (blend weights) and the mix stage's report figures. Outside the stage folder, which the
   * stage's own write replaces.
   */
  public String mixPlan() {
    return Paths.join(reportDir(), "mix_plan.json");
  }

  public String shardsDir() {
    return Paths.join(root, "shards");
  }
}
