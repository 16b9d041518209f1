package org.flmdata.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flmdata.pipeline.config.ConfigException;

/**
 * Plans the mixture from the tokens each domain holds and the configured proportions (percent of
 * training tokens, Tele-FLM Table 1), epochs, mode, token budget and max epochs. Pure Java.
 *
 * <ul>
 *   <li>{@code budget}: target = proportion% x total_tokens; epochs = target / available. A domain
 *       past {@code max_epochs} is a warning (the budget and proportions were asked for).
 *   <li>{@code epochs}: target = configured epochs x available (Table 1's epochs); the total
 *       follows and the shares are what they come to. A configured epochs past {@code max_epochs}
 *       is an error (the config contradicts itself).
 *   <li>{@code all}: the largest total at which no domain passes {@code max_epochs}: total =
 *       min over domains of max_epochs x available / share; {@code total_tokens} is not used.
 * </ul>
 *
 * Proportions are percent and must sum to 100 within 0.1 (published tables round: Table 1 sums to
 * 100.01); they are used as given, not renormalised, so the plan gives exactly the published
 * shares. Errors (one {@link ConfigException} naming the domain, before any sampling): a positive
 * proportion with no tokens; proportions not summing to 100; epochs mode past max_epochs.
 */
public final class MixPlanner {
  /** Tolerance on the proportions' sum, in percent points: rounding of published tables. */
  static final double SUM_TOLERANCE = 0.1;

  private MixPlanner() {}

  /** One domain's input to the plan. */
  public record Input(String name, String file, double proportion, double epochs,
      long availableTokens) {}

  public static MixPlan plan(List<Input> domains, String mode, double totalTokens,
      double maxEpochs) {
    double sum = 0;
    for (Input d : domains) sum += d.proportion();
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      throw new ConfigException(String.format(Locale.ROOT,
          "mix: the domains' proportions sum to %s percent, must be 100 (within %s for rounding);"
              + " fix proportion in the domain files", trim(sum), trim(SUM_TOLERANCE)));
    }
    for (Input d : domains) {
      if (d.proportion() > 0 && d.availableTokens() <= 0) {
        throw ConfigException.at(d.file(), "proportion", String.format(Locale.ROOT,
            "is %s percent but domain %s has no tokens after the earlier stages; set proportion"
                + " to 0 or give the domain data", trim(d.proportion()), d.name()));
      }
    }
    List<String> warnings = new ArrayList<>();
    double[] target = new double[domains.size()];
    switch (mode) {
      case "budget" -> {
        for (int i = 0; i < target.length; i++) {
          target[i] = domains.get(i).proportion() / 100 * totalTokens;
        }
      }
      case "epochs" -> {
        for (int i = 0; i < target.length; i++) {
          Input d = domains.get(i);
          if (d.epochs() > maxEpochs) {
            throw ConfigException.at(d.file(), "epochs", String.format(Locale.ROOT,
                "is %s for domain %s, past mix.max_epochs %s in epochs mode; lower epochs or"
                    + " raise max_epochs", trim(d.epochs()), d.name(), trim(maxEpochs)));
          }
          target[i] = d.proportion() > 0 ? d.epochs() * d.availableTokens() : 0;
        }
      }
      case "all" -> {
        double total = Double.POSITIVE_INFINITY;
        for (Input d : domains) {
          if (d.proportion() > 0) {
            total = Math.min(total, maxEpochs * d.availableTokens() / (d.proportion() / 100));
          }
        }
        if (Double.isInfinite(total)) total = 0;
        for (int i = 0; i < target.length; i++) {
          Input d = domains.get(i);
          // the bounding domain gets exactly max_epochs, not max_epochs minus a rounding error
          target[i] = Math.min(d.proportion() / 100 * total, maxEpochs * d.availableTokens());
        }
      }
      default -> throw new ConfigException("mix.mode must be budget, epochs or all, got " + mode);
    }
    double total = 0;
    for (double t : target) total += t;
    List<MixPlan.Domain> out = new ArrayList<>();
    for (int i = 0; i < target.length; i++) {
      Input d = domains.get(i);
      double epochs = d.availableTokens() > 0 ? target[i] / d.availableTokens() : 0;
      double share = mode.equals("epochs") ? (total > 0 ? target[i] / total : 0)
          : d.proportion() / 100;
      if (epochs > maxEpochs * (1 + 1e-12)) {
        warnings.add(String.format(Locale.ROOT,
            "%s is repeated %.3f times, past mix.max_epochs %s (%,d tokens available for %,.0f)",
            d.name(), epochs, trim(maxEpochs), d.availableTokens(), target[i]));
      }
      out.add(new MixPlan.Domain(d.name(), d.availableTokens(), share, target[i], epochs));
    }
    return new MixPlan(mode, total, maxEpochs, List.copyOf(out), List.copyOf(warnings));
  }

  static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
        : String.valueOf(v);
  }
}
