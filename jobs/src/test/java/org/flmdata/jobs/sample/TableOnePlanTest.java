package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.mix.MixPlan;
import org.flmdata.mix.MixPlanner;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Table 1 config (jobs/conf/tele-flm) plans to exactly the published proportions and epochs
 * when each domain holds the tokens Table 1 implies: proportion% x 2T / epochs.
 */
class TableOnePlanTest {
  private static PipelineConfig config;

  @BeforeAll
  static void load() {
    String file = TableOne.projectRoot().resolve("jobs/conf/tele-flm/pipeline.yaml").toString();
    config = new ConfigLoader(org.flmdata.jobs.Stages.sections(), new Configuration(), false)
        .load(file);
  }

  private static TableOne.Row row(String name) {
    return TableOne.ROWS.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  /** Tokens each domain must hold for Table 1 to be consistent at {@code total} tokens. */
  private static List<MixPlanner.Input> consistentInputs(double total) {
    List<MixPlanner.Input> in = new ArrayList<>();
    for (DomainConfig d : config.domains()) {
      TableOne.Row r = row(d.name());
      long available = Math.round(r.proportion() / 100 * total / r.epochs());
      in.add(new MixPlanner.Input(d.name(), d.file(), d.proportion(), d.epochs(), available));
    }
    return in;
  }

  @Test
  void budgetModePlansTableOnesProportionsAndEpochs() {
    double total = config.mix().get(PipelineSettings.MIX_TOTAL_TOKENS);
    assertEquals("budget", config.mix().get(PipelineSettings.MIX_MODE));
    MixPlan plan = MixPlanner.plan(consistentInputs(total), "budget", total,
        config.mix().get(PipelineSettings.MIX_MAX_EPOCHS));
    assertEquals(TableOne.ROWS.size(), plan.domains().size());
    for (MixPlan.Domain d : plan.domains()) {
      TableOne.Row r = row(d.name());
      assertEquals(r.proportion() / 100, d.targetShare(), 0.0, d.name());
      assertEquals(r.epochs(), d.epochs(), r.epochs() * 1e-12, d.name());
    }
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void epochsModePlansTableOnesEpochsAndTokens() {
    double total = 2.0e12;
    MixPlan plan = MixPlanner.plan(consistentInputs(total), "epochs", total, 4);
    double sum = TableOne.ROWS.stream().mapToDouble(TableOne.Row::proportion).sum();
    for (MixPlan.Domain d : plan.domains()) {
      TableOne.Row r = row(d.name());
      assertEquals(r.epochs(), d.epochs(), 0.0, d.name());
      assertEquals(r.proportion() / 100 * total, d.targetTokens(), 1.0, d.name());
      // the published percentages sum to 100.01, so epochs mode's shares are p / 100.01
      assertEquals(r.proportion() / sum, d.targetShare(), 1e-12, d.name());
    }
  }
}
