package org.flmdata.pipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.run.RunLayout;

/**
 * The mix stage's plan as it hands it on ({@code report/mix_plan.json}, {@link
 * RunLayout#mixPlan()}): the tokenize stage weights a blend-only mixture by its target tokens,
 * and the mix stage's report section puts the achieved shares beside the targets. Tokens include
 * one EOD per document, as the shards count them.
 *
 * @param mode budget | epochs | all
 * @param totalTokens sum of the domains' target tokens
 * @param maxEpochs the configured {@code mix.max_epochs}
 * @param materialize false for a blend-only mix (documents kept once, shares from blend weights);
 *     true when absent
 * @param domains one row per configured domain, in config order
 * @param warnings human-readable warnings (domains repeated past max_epochs in budget mode)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MixturePlan(String mode, double totalTokens, double maxEpochs, Boolean materialize,
    List<Domain> domains, List<String> warnings) {

  public MixturePlan {
    materialize = materialize == null || materialize; // plans written before the key: materialised
    domains = domains == null ? List.of() : List.copyOf(domains);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * One domain of the plan.
   *
   * @param availableTokens the (training) tokens the domain holds
   * @param targetShare the share of the mixture the plan gives it (fraction of 1)
   * @param targetTokens tokens it contributes to the mixture
   * @param epochs targetTokens / availableTokens (0 when it holds no tokens)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Domain(String domain, long availableTokens, double targetShare,
      double targetTokens, double epochs) {}

  /** Target tokens per domain, in plan order. */
  public Map<String, Double> targetTokens() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Domain d : domains) out.put(d.domain(), d.targetTokens());
    return out;
  }

  /** Writes the plan to the run's {@link RunLayout#mixPlan()}. */
  public void write(RunLayout layout, Configuration hadoop) throws IOException {
    JsonFiles.write(layout.mixPlan(), hadoop, this);
  }

  /** The run's plan, or null when the mix stage has written none. */
  public static MixturePlan read(RunLayout layout, Configuration hadoop) throws IOException {
    return JsonFiles.read(layout.mixPlan(), hadoop, MixturePlan.class);
  }
}
