package org.flmdata.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flmdata.clean.CleanStage;
import org.flmdata.dedup.DedupStage;
import org.flmdata.extract.ExtractStage;
import org.flmdata.filter.FilterStage;
import org.flmdata.mix.MixStage;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.tokenize.stage.HfTokenCounterFactory;
import org.flmdata.tokenize.stage.TokenizeStage;

/**
 * The implemented stages, in pipeline order (DESIGN.md "Flow"). Later issues append clean, filter,
 * dedup, mix and tokenize here; the CLI, the config loader and the report all take the list from
 * this one place.
 */
public final class Stages {
  private Stages() {}

  /** The stages, in order; new instances each call (stages hold no run state). */
  public static List<Stage> all() {
    return List.of(new ExtractStage(), new CleanStage(), new FilterStage(), new DedupStage(),
        new MixStage(new HfTokenCounterFactory()), new TokenizeStage());
  }

  /** Stage name to the spec of its domain-file section. */
  public static Map<String, SettingsSpec> sections() {
    Map<String, SettingsSpec> m = new LinkedHashMap<>();
    for (Stage s : all()) m.put(s.name(), s.section());
    return m;
  }

  /** Names of all stages, in order. */
  public static List<String> names() {
    return all().stream().map(Stage::name).toList();
  }
}
