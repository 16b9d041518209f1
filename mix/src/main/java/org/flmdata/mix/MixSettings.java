package org.flmdata.mix;

import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.SettingsSpec;

/** The {@code mix:} section of a domain file: weights inside the domain. */
final class MixSettings {
  private MixSettings() {}

  static final Setting<Map<String, String>> SOURCE_WEIGHTS =
      Setting.stringMap("source_weights", Map.of(),
              "sampling weight per source (subset): a source's tokens count weight times when the"
                  + " domain's tokens are shared out, so 2 repeats it twice as often as the rest"
                  + " and 0 leaves it out; unlisted sources weigh 1 (Tele-FLM up-samples its"
                  + " better WebText subsets)")
          .check(MixSettings::nonNegativeNumbers, "must map names to numbers >= 0");
  static final Setting<Map<String, String>> LANGUAGE_RATIOS =
      Setting.stringMap("language_ratios", Map.of(),
              "fixed token ratio between languages, e.g. {en: 2, zh: 1} (Tele-FLM WebText is"
                  + " about 2:1 en:zh); unlisted languages get none; empty: languages take the"
                  + " share their tokens give them")
          .check(MixSettings::nonNegativeNumbers, "must map languages to numbers >= 0");
  static final Setting<Map<String, String>> QUALITY_WEIGHTS =
      Setting.stringMap("quality_weights", Map.of(),
              "weight by the filter stage's quality score (meta \"quality\"): {min score: weight},"
                  + " a document takes the weight of the highest threshold it reaches; below"
                  + " every threshold or unscored: 1. {\"0\": 0, \"0.9\": 1} keeps only scores"
                  + " >= 0.9; {\"0.9\": 2} repeats the best bucket twice as often")
          .check(MixSettings::nonNegativeNumbers, "must map scores to numbers >= 0")
          .check(m -> m.keySet().stream().allMatch(MixSettings::isNumber),
              "must have numbers (minimum quality scores) as keys");

  static final SettingsSpec SECTION =
      new SettingsSpec(MixStage.NAME, List.of(SOURCE_WEIGHTS, LANGUAGE_RATIOS, QUALITY_WEIGHTS));

  private static boolean nonNegativeNumbers(Map<String, String> m) {
    for (String v : m.values()) {
      if (!isNumber(v) || Double.parseDouble(v) < 0) return false;
    }
    return true;
  }

  private static boolean isNumber(String s) {
    try {
      double d = Double.parseDouble(s.strip());
      return !Double.isNaN(d) && !Double.isInfinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
