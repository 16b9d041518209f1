package org.flmdata.pipeline.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Parsed, checked values of one {@link SettingsSpec}; small, immutable and serializable. */
public final class Settings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String section;
  private final Map<String, Object> values;

  Settings(String section, Map<String, Object> values) {
    this.section = section;
    this.values = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** The value of {@code setting}, or its default when the file did not set it. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    if (!values.containsKey(setting.key())) {
      throw new IllegalArgumentException(
          "setting " + setting.key() + " is not declared in section " + section);
    }
    return (T) values.get(setting.key());
  }

  /** A copy with {@code setting} set to {@code value} (e.g. a rule turned off for one case). */
  public <T> Settings with(Setting<T> setting, T value) {
    get(setting);
    Map<String, Object> copy = new java.util.LinkedHashMap<>(values);
    copy.put(setting.key(), value);
    return new Settings(section, copy);
  }

  public String section() {
    return section;
  }

  /** Values in key order, for hashing and reports. */
  public Map<String, Object> asSortedMap() {
    return new TreeMap<>(values);
  }

  @Override
  public String toString() {
    return section + asSortedMap();
  }
}
