package org.flmdata.mix;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The planned mixture: per domain the tokens it holds, the tokens it gets, its share of the
 * mixture and the epochs that implies. Tokens include one EOD per document, as the tokenize
 * stage's shards count them.
 *
 * @param mode budget | epochs | all
 * @param totalTokens sum of the domains' target tokens
 * @param maxEpochs the configured {@code mix.max_epochs}
 * @param domains one row per configured domain, in config order
 * @param warnings human-readable warnings (domains repeated past max_epochs in budget mode)
 */
public record MixPlan(String mode, double totalTokens, double maxEpochs, List<Domain> domains,
    List<String> warnings) implements Serializable {

  /**
   * One domain of the plan.
   *
   * @param targetShare the share of the mixture the plan gives it (fraction of 1)
   * @param targetTokens tokens it contributes to the mixture
   * @param epochs targetTokens / availableTokens (0 when it holds no tokens)
   */
  public record Domain(String name, long availableTokens, double targetShare, double targetTokens,
      double epochs) implements Serializable {}

  public Domain domain(String name) {
    for (Domain d : domains) {
      if (d.name().equals(name)) return d;
    }
    return null;
  }

  /** The plan as the mix stage hands it on ({@code report/mix_plan.json}). */
  public org.flmdata.pipeline.contract.MixturePlan contract(boolean materialize) {
    List<org.flmdata.pipeline.contract.MixturePlan.Domain> ds = new java.util.ArrayList<>();
    for (Domain d : domains) {
      ds.add(new org.flmdata.pipeline.contract.MixturePlan.Domain(d.name(), d.availableTokens(),
          d.targetShare(), d.targetTokens(), d.epochs()));
    }
    return new org.flmdata.pipeline.contract.MixturePlan(mode, totalTokens, maxEpochs,
        materialize, ds, warnings);
  }

  /** The plan as a text table: domain, available tokens, target share, achieved share, epochs. */
  public String table(java.util.Map<String, Double> achievedShares) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "mix plan: mode %s, %,.0f tokens, max_epochs %s%n", mode,
        totalTokens, maxEpochs));
    b.append(String.format(Locale.ROOT, "%-22s %20s %13s %15s %8s%n", "domain", "available_tokens",
        "target_share", "achieved_share", "epochs"));
    for (Domain d : domains) {
      Double a = achievedShares == null ? null : achievedShares.get(d.name());
      b.append(String.format(Locale.ROOT, "%-22s %,20d %12.4f%% %15s %8.4f%n", d.name(),
          d.availableTokens(), d.targetShare() * 100,
          a == null ? "-" : String.format(Locale.ROOT, "%.4f%%", a * 100), d.epochs()));
    }
    for (String w : warnings) b.append("warning: ").append(w).append('\n');
    return b.toString();
  }
}
