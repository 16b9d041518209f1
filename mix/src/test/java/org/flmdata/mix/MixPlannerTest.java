package org.flmdata.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flmdata.pipeline.config.ConfigException;
import org.junit.jupiter.api.Test;

class MixPlannerTest {
  private static final List<MixPlanner.Input> DOMAINS = List.of(
      new MixPlanner.Input("Web", "web.yaml", 70, 1.0, 1_000_000L),
      new MixPlanner.Input("Book", "book.yaml", 20, 0.8, 100_000L),
      new MixPlanner.Input("Wiki", "wiki.yaml", 10, 2.5, 40_000L));

  @Test
  void budgetModeGivesTheProportionsAndEpochsFollow() {
    double total = 1_000_000;
    MixPlan plan = MixPlanner.plan(DOMAINS, "budget", total, 4);
    for (MixPlanner.Input in : DOMAINS) {
      MixPlan.Domain d = plan.domain(in.name());
      double target = in.proportion() / 100 * total;
      assertEquals(in.proportion() / 100, d.targetShare(), 0.0, in.name());
      assertEquals(target, d.targetTokens(), 1e-6, in.name());
      assertEquals(target / in.availableTokens(), d.epochs(), 1e-12, in.name());
      assertEquals(in.availableTokens(), d.availableTokens());
    }
    assertEquals(total, plan.totalTokens(), 1e-6);
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void budgetModePastMaxEpochsWarnsNamingTheDomain() {
    // Wiki: 10% of 2M = 200k tokens from 40k = 5 epochs > 4
    MixPlan plan = MixPlanner.plan(DOMAINS, "budget", 2_000_000, 4);
    assertEquals(1, plan.warnings().size());
    assertTrue(plan.warnings().get(0).startsWith("Wiki is repeated 5.000 times"),
        plan.warnings().get(0));
    assertEquals(5.0, plan.domain("Wiki").epochs(), 1e-12);
  }

  @Test
  void epochsModeTakesConfiguredEpochsAndTheBudgetFollows() {
    MixPlan plan = MixPlanner.plan(DOMAINS, "epochs", 123, 4);
    double total = 0;
    for (MixPlanner.Input in : DOMAINS) total += in.epochs() * in.availableTokens();
    assertEquals(total, plan.totalTokens(), 1e-6);
    for (MixPlanner.Input in : DOMAINS) {
      MixPlan.Domain d = plan.domain(in.name());
      assertEquals(in.epochs(), d.epochs(), 1e-12, in.name());
      assertEquals(in.epochs() * in.availableTokens() / total, d.targetShare(), 1e-12, in.name());
    }
  }

  @Test
  void epochsModePastMaxEpochsFailsNamingTheDomain() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> MixPlanner.plan(DOMAINS, "epochs", 1, 2.0));
    assertEquals("wiki.yaml: epochs is 2.5 for domain Wiki, past mix.max_epochs 2 in epochs mode;"
        + " lower epochs or raise max_epochs", e.getMessage());
  }

  @Test
  void allModeLetsTheScarcestDomainAtMaxEpochsBoundTheTotal() {
    double max = 3;
    double expected = Double.POSITIVE_INFINITY;
    for (MixPlanner.Input in : DOMAINS) {
      expected = Math.min(expected, max * in.availableTokens() / (in.proportion() / 100));
    }
    MixPlan plan = MixPlanner.plan(DOMAINS, "all", 1, max);
    assertEquals(expected, plan.totalTokens(), expected * 1e-12);
    double maxSeen = 0;
    for (MixPlanner.Input in : DOMAINS) {
      MixPlan.Domain d = plan.domain(in.name());
      assertTrue(d.epochs() <= max, in.name() + " " + d.epochs());
      maxSeen = Math.max(maxSeen, d.epochs());
      assertEquals(in.proportion() / 100 * expected, d.targetTokens(), expected * 1e-12);
    }
    assertEquals(max, maxSeen, 0.0);
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void positiveShareWithoutTokensFailsNamingTheDomain() {
    List<MixPlanner.Input> ds = List.of(DOMAINS.get(0), DOMAINS.get(1),
        new MixPlanner.Input("Wiki", "wiki.yaml", 10, 2.5, 0));
    for (String mode : List.of("budget", "epochs", "all")) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> MixPlanner.plan(ds, mode, 1e6, 4), mode);
      assertEquals("wiki.yaml: proportion is 10 percent but domain Wiki has no tokens after the"
          + " earlier stages; set proportion to 0 or give the domain data", e.getMessage());
    }
  }

  @Test
  void zeroShareWithoutTokensIsPlannedAtZero() {
    List<MixPlanner.Input> ds = List.of(new MixPlanner.Input("Web", "w", 100, 1, 10),
        new MixPlanner.Input("Empty", "e", 0, 1, 0));
    MixPlan plan = MixPlanner.plan(ds, "budget", 50, 4);
    assertEquals(0.0, plan.domain("Empty").targetTokens());
    assertEquals(0.0, plan.domain("Empty").epochs());
  }

  @Test
  void proportionsMustSumToHundredWithinRounding() {
    List<MixPlanner.Input> ds = List.of(new MixPlanner.Input("Web", "w", 60, 1, 10),
        new MixPlanner.Input("Book", "b", 30, 1, 10));
    ConfigException e = assertThrows(ConfigException.class,
        () -> MixPlanner.plan(ds, "budget", 50, 4));
    assertTrue(e.getMessage().startsWith("mix: the domains' proportions sum to 90 percent"),
        e.getMessage());
  }
}
