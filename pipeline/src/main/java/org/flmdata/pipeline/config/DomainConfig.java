package org.flmdata.pipeline.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One domain file ({@code domains/<name>.yaml}): a Table 1 domain with its languages, sampling
 * proportion (percent of training tokens) and epochs, its inputs, and one {@link Settings} per
 * stage section ({@code extract}, {@code clean}, ...), defaults filled in.
 */
public record DomainConfig(
    String file,
    String name,
    List<String> languages,
    double proportion,
    double epochs,
    List<InputSpec> inputs,
    Map<String, Settings> sections)
    implements Serializable {

  /** The settings of stage section {@code section}; every registered section is present. */
  public Settings section(String section) {
    Settings s = sections.get(section);
    if (s == null) {
      throw new IllegalArgumentException("no section " + section + " registered for " + file);
    }
    return s;
  }
}
