package org.flmdata.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {
  static final Setting<Integer> N = Setting.integer("n", 3, "count").check(v -> v > 0, "must be > 0");
  static final Setting<Double> X = Setting.number("x", 0.5, "share");
  static final Setting<List<String>> L = Setting.stringList("l", List.of(), "list");
  static final Setting<Boolean> B = Setting.bool("b", false, "flag");
  static final SettingsSpec SPEC = new SettingsSpec("s", List.of(N, X, L, B));

  private String error(Object raw) {
    return assertThrows(ConfigException.class, () -> SPEC.parse(raw, "f.yaml")).getMessage();
  }

  @Test
  void absentSectionGivesDefaults() {
    Settings s = SPEC.parse(null, "f.yaml");
    assertEquals(3, s.get(N));
    assertEquals(0.5, s.get(X));
    assertEquals(List.of(), s.get(L));
    assertEquals(false, s.get(B));
  }

  @Test
  void integralNumbersWidenAndScalarsBecomeLists() {
    Settings s = SPEC.parse(Map.of("n", 7.0, "x", 2, "l", "en", "b", true), "f.yaml");
    assertEquals(7, s.get(N));
    assertEquals(2.0, s.get(X));
    assertEquals(List.of("en"), s.get(L));
    assertEquals(true, s.get(B));
  }

  @Test
  void eachProblemIsOneLineNamingFileAndKey() {
    assertEquals("f.yaml: s.n must be a whole number, got 2.5", error(Map.of("n", 2.5)));
    assertEquals("f.yaml: s.n must be > 0, got 0", error(Map.of("n", 0)));
    assertEquals("f.yaml: s.b must be true or false, got \"yes\"", error(Map.of("b", "yes")));
    assertEquals("f.yaml: s.x must be a number, got a list", error(Map.of("x", List.of())));
    assertEquals("f.yaml: s must be a mapping of settings, got \"flat\"", error("flat"));
    assertEquals("f.yaml: s.n must fit a 32-bit integer, got 3000000000",
        error(Map.of("n", 3_000_000_000L)));
  }

  @Test
  void settingsAreSerializableWithTheirChecks() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(SPEC);
      out.writeObject(SPEC.parse(Map.of("n", 4), "f.yaml"));
    }
    try (var in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      SettingsSpec spec = (SettingsSpec) in.readObject();
      Settings s = (Settings) in.readObject();
      assertEquals(4, s.get(N));
      assertEquals(4, spec.settings().size());
    }
  }
}
