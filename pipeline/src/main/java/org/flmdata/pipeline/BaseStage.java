package org.flmdata.pipeline;

import org.flmdata.pipeline.config.SettingsSpec;

/**
 * A {@link Stage} named after its domain-file section: {@link #name()} is the section's name
 * ({@code clean} for {@code clean:}), so the stage folder, reason keys and config section can never
 * disagree.
 */
public abstract class BaseStage implements Stage {
  private final SettingsSpec section;

  /** @param section the spec of this stage's section in domain files; its name is the stage's */
  protected BaseStage(SettingsSpec section) {
    this.section = section;
  }

  @Override
  public final String name() {
    return section.name();
  }

  @Override
  public final SettingsSpec section() {
    return section;
  }
}
