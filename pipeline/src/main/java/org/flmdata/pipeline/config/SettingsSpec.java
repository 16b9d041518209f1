package org.flmdata.pipeline.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named group of {@link Setting}s: a stage's section of a domain file ({@code extract:}, {@code
 * clean:}, ...) or a section of pipeline.yaml. Parsing rejects unknown keys, wrong types and
 * failed checks with one {@link ConfigException} naming the file and the full key.
 */
public final class SettingsSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final Map<String, Setting<?>> settings = new LinkedHashMap<>();

  public SettingsSpec(String name, List<Setting<?>> settings) {
    this.name = name;
    for (Setting<?> s : settings) {
      if (this.settings.put(s.key(), s) != null) {
        throw new IllegalArgumentException("setting " + s.key() + " declared twice in " + name);
      }
    }
  }

  public String name() {
    return name;
  }

  public List<Setting<?>> settings() {
    return new ArrayList<>(settings.values());
  }

  /** The defaults only, as if the section were absent. */
  public Settings defaults(String file) {
    return parse(null, file);
  }

  /**
   * Parses {@code raw} (a YAML mapping, or null for an absent section) found in {@code file}.
   */
  public Settings parse(Object raw, String file) {
    return parse(raw, file, name, java.util.Set.of());
  }

  /**
   * Parses {@code raw} with keys reported as {@code prefix.key}; keys in {@code otherKeys} belong
   * to the caller (e.g. a domain file's {@code inputs}) and are skipped here.
   */
  public Settings parse(Object raw, String file, String prefix, java.util.Set<String> otherKeys) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<?, ?> map;
    if (raw == null) {
      map = Map.of();
    } else if (raw instanceof Map<?, ?> m) {
      map = m;
    } else {
      throw ConfigException.at(file, prefix, "must be a mapping of settings, got " + Setting.show(raw));
    }
    for (Object k : map.keySet()) {
      String key = String.valueOf(k);
      if (!settings.containsKey(key) && !otherKeys.contains(key)) {
        List<String> known = new ArrayList<>(settings.keySet());
        known.addAll(new java.util.TreeSet<>(otherKeys));
        throw ConfigException.at(file, qualified(prefix, key),
            "is not a known setting; known" + (prefix.isEmpty() ? "" : " in " + prefix) + ": "
                + known);
      }
    }
    for (Setting<?> s : settings.values()) {
      Object v = map.get(s.key());
      if (v == null) {
        if (s.isRequired()) {
          throw ConfigException.at(file, qualified(prefix, s.key()), "is required (" + s.doc() + ")");
        }
        values.put(s.key(), s.defaultValue());
      } else {
        values.put(s.key(), s.coerce(v, file, qualified(prefix, s.key())));
      }
    }
    return new Settings(name, values);
  }

  private static String qualified(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
