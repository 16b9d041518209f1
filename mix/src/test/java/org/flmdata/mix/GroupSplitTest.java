package org.flmdata.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.config.ConfigException;
import org.junit.jupiter.api.Test;

class GroupSplitTest {
  private static final List<GroupSplit.Group> GROUPS = List.of(
      new GroupSplit.Group("en", "cc", -1, 600),
      new GroupSplit.Group("en", "books", -1, 200),
      new GroupSplit.Group("zh", "wudao", -1, 400));

  @Test
  void withoutWeightsEveryGroupGetsTheSameEpochs() {
    double[] t = GroupSplit.split("Web", "w", 1800, GROUPS, DomainWeights.none());
    assertArrayEquals(new double[] {900, 300, 600}, t, 1e-9);
  }

  @Test
  void languageRatiosFixTheLanguagesShares() {
    DomainWeights w = new DomainWeights(Map.of(), Map.of("en", 2.0, "zh", 1.0), new double[0],
        new double[0]);
    double[] t = GroupSplit.split("Web", "w", 1200, GROUPS, w);
    // en gets 800 over 600 + 200 tokens, zh 400
    assertArrayEquals(new double[] {800.0 * 600 / 800, 800.0 * 200 / 800, 400}, t, 1e-9);
  }

  @Test
  void sourceWeightUpSamplesASubset() {
    DomainWeights w = new DomainWeights(Map.of("books", 3.0), Map.of(), new double[0],
        new double[0]);
    double[] t = GroupSplit.split("Web", "w", 1800, GROUPS, w);
    double weighted = 600 + 3 * 200 + 400;
    assertArrayEquals(new double[] {1800 * 600 / weighted, 1800 * 600 / weighted,
        1800 * 400 / weighted}, t, 1e-9);
    assertEquals(3.0, (t[1] / 200) / (t[0] / 600), 1e-12);
  }

  @Test
  void qualityBandsWeighDocumentsByScore() {
    DomainWeights w = DomainWeights.of(MixSettings.SECTION.parse(
        Map.of("quality_weights", Map.of("0", "0", "0.9", "2")), "d.yaml"));
    assertEquals(-1, w.band(null));
    assertEquals(-1, w.band("not a number"));
    assertEquals(0, w.band("0.5"));
    assertEquals(1, w.band("0.95"));
    List<GroupSplit.Group> gs = List.of(new GroupSplit.Group("en", "cc", 0, 500),
        new GroupSplit.Group("en", "cc", 1, 100), new GroupSplit.Group("en", "cc", -1, 50));
    double[] t = GroupSplit.split("Web", "w", 500, gs, w);
    double weighted = 0 * 500 + 2 * 100 + 1 * 50;
    assertArrayEquals(new double[] {0, 500 * 200 / weighted, 500 * 50 / weighted}, t, 1e-9);
  }

  @Test
  void languageWithARatioButNoTokensFailsNamingTheDomain() {
    DomainWeights w = new DomainWeights(Map.of(), Map.of("en", 2.0, "fr", 1.0), new double[0],
        new double[0]);
    ConfigException e = assertThrows(ConfigException.class,
        () -> GroupSplit.split("Web", "web.yaml", 1200, GROUPS, w));
    assertEquals("web.yaml: mix.language_ratios leaves domain Web no tokens to sample in language"
        + " fr (no data in language fr, or every source/quality weight 0) for a target of 400"
        + " tokens", e.getMessage());
  }

  @Test
  void badWeightsAreConfigErrors() {
    ConfigException e = assertThrows(ConfigException.class, () -> MixSettings.SECTION.parse(
        Map.of("source_weights", Map.of("cc", "-1")), "web.yaml", "mix", java.util.Set.of()));
    assertEquals("web.yaml: mix.source_weights must map names to numbers >= 0, got a mapping",
        e.getMessage());
  }
}
