package org.flmdata.pipeline.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One configuration key, declared once with its type, default, documentation and check (STYLE.md
 * rule 7). Settings are grouped in a {@link SettingsSpec}; parsed values live in {@link Settings}.
 *
 * <pre>{@code
 * static final Setting<Integer> MIN_WORDS =
 *     Setting.integer("min_words", 50, "Gopher: fewer words is not prose (Rae et al. 2021)")
 *         .check(v -> v >= 0, "must be >= 0");
 * }</pre>
 *
 * @param <T> the Java type of the value: Integer, Long, Double, Boolean, String, List of String or
 *     Map of String to String
 */
public final class Setting<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind {
    INT,
    LONG,
    DOUBLE,
    BOOL,
    STRING,
    STRING_LIST,
    STRING_MAP
  }

  /** A check on a value, with the phrase that says what a valid value is. */
  private record Check<T>(SerializablePredicate<T> test, String mustBe) implements Serializable {}

  /** Predicates must travel to executors with the settings. */
  public interface SerializablePredicate<T> extends Predicate<T>, Serializable {}

  private final String key;
  private final Kind kind;
  private final T defaultValue;
  private final boolean required;
  private final String doc;
  private final List<Check<T>> checks;

  private Setting(String key, Kind kind, T defaultValue, boolean required, String doc,
      List<Check<T>> checks) {
    this.key = Objects.requireNonNull(key);
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.required = required;
    this.doc = doc;
    this.checks = List.copyOf(checks);
  }

  public static Setting<Integer> integer(String key, Integer def, String doc) {
    return new Setting<>(key, Kind.INT, def, false, doc, List.of());
  }

  public static Setting<Long> longValue(String key, Long def, String doc) {
    return new Setting<>(key, Kind.LONG, def, false, doc, List.of());
  }

  public static Setting<Double> number(String key, Double def, String doc) {
    return new Setting<>(key, Kind.DOUBLE, def, false, doc, List.of());
  }

  public static Setting<Boolean> bool(String key, Boolean def, String doc) {
    return new Setting<>(key, Kind.BOOL, def, false, doc, List.of());
  }

  public static Setting<String> string(String key, String def, String doc) {
    return new Setting<>(key, Kind.STRING, def, false, doc, List.of());
  }

  /** A string that must be one of {@code allowed}. */
  public static Setting<String> oneOf(String key, String def, Set<String> allowed, String doc) {
    return string(key, def, doc).check(allowed::contains, "must be one of " + new ArrayList<>(allowed));
  }

  public static Setting<List<String>> stringList(String key, List<String> def, String doc) {
    return new Setting<>(key, Kind.STRING_LIST, def, false, doc, List.of());
  }

  public static Setting<Map<String, String>> stringMap(
      String key, Map<String, String> def, String doc) {
    return new Setting<>(key, Kind.STRING_MAP, def, false, doc, List.of());
  }

  /** The same setting, which must be present (it has no default). */
  public Setting<T> required() {
    return new Setting<>(key, kind, null, true, doc, checks);
  }

  /** The same setting with one more check; {@code mustBe} completes "KEY ... , got VALUE". */
  public Setting<T> check(SerializablePredicate<T> test, String mustBe) {
    List<Check<T>> more = new ArrayList<>(checks);
    more.add(new Check<>(test, mustBe));
    return new Setting<>(key, kind, defaultValue, required, doc, more);
  }

  public String key() {
    return key;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public boolean isRequired() {
    return required;
  }

  public String doc() {
    return doc;
  }

  /** Converts a parsed YAML value, or throws {@link ConfigException} naming file and key. */
  T coerce(Object raw, String file, String path) {
    T value = convert(raw, file, path);
    for (Check<T> c : checks) {
      if (!c.test().test(value)) {
        throw ConfigException.at(file, path, c.mustBe() + ", got " + show(raw));
      }
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private T convert(Object raw, String file, String path) {
    switch (kind) {
      case INT -> {
        long v = integral(raw, file, path);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw ConfigException.at(file, path, "must fit a 32-bit integer, got " + show(raw));
        }
        return (T) Integer.valueOf((int) v);
      }
      case LONG -> {
        return (T) Long.valueOf(integral(raw, file, path));
      }
      case DOUBLE -> {
        if (raw instanceof Number n) {
          double d = n.doubleValue();
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw ConfigException.at(file, path, "must be a finite number, got " + show(raw));
          }
          return (T) Double.valueOf(d);
        }
        throw typeError(raw, "a number", file, path);
      }
      case BOOL -> {
        if (raw instanceof Boolean b) return (T) b;
        throw typeError(raw, "true or false", file, path);
      }
      case STRING -> {
        if (raw instanceof String s) return (T) s;
        if (raw instanceof Number || raw instanceof Boolean) return (T) String.valueOf(raw);
        throw typeError(raw, "a string", file, path);
      }
      case STRING_LIST -> {
        if (raw instanceof String s) return (T) List.of(s);
        if (raw instanceof List<?> list) {
          List<String> out = new ArrayList<>(list.size());
          for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (!(e instanceof String || e instanceof Number || e instanceof Boolean)) {
              throw typeError(e, "a string", file, path + "[" + i + "]");
            }
            out.add(String.valueOf(e));
          }
          return (T) Collections.unmodifiableList(out);
        }
        throw typeError(raw, "a list of strings", file, path);
      }
      case STRING_MAP -> {
        if (raw instanceof Map<?, ?> map) {
          Map<String, String> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || v instanceof List || v == null) {
              throw typeError(v, "a scalar value", file, path + "." + e.getKey());
            }
            out.put(String.valueOf(e.getKey()), String.valueOf(v));
          }
          return (T) Collections.unmodifiableMap(out);
        }
        throw typeError(raw, "a mapping of key: value", file, path);
      }
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }

  private static long integral(Object raw, String file, String path) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof java.math.BigInteger b) {
      if (b.bitLength() < 64) return b.longValue();
      throw ConfigException.at(file, path, "is too large, got " + show(raw));
    }
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.0e18) return (long) d;
    }
    throw typeError(raw, "a whole number", file, path);
  }

  private static ConfigException typeError(Object raw, String expected, String file, String path) {
    return ConfigException.at(file, path, "must be " + expected + ", got " + show(raw));
  }

  static String show(Object raw) {
    if (raw == null) return "nothing (null)";
    if (raw instanceof String s) return "\"" + s + "\"";
    if (raw instanceof Map) return "a mapping";
    if (raw instanceof List) return "a list";
    return String.valueOf(raw).toLowerCase(Locale.ROOT);
  }
}
