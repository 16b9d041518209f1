package org.flmdata.jobs.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Expected domain values: proportion (percent) and epochs as published in Table 1 of the Tele-FLM
 * Technical Report (arXiv:2404.16645), and the languages each domain file declares.
 */
final class TableOne {
  private TableOne() {}

  /** Training tokens of Tele-FLM: "trained on approximately 2T tokens" (abstract, section 2). */
  static final double TOTAL_TOKENS = 2.0e12;

  record Row(String name, List<String> languages, double proportion, double epochs) {}

  static final List<String> WIKIPEDIA_LANGUAGES = List.of("bg", "ca", "cs", "da", "de", "en",
      "es", "fr", "hr", "hu", "it", "ja", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "uk",
      "zh");

  static final List<Row> ROWS = List.of(
      new Row("WebText", List.of("en", "zh"), 75.21, 1.0),
      new Row("Code", List.of("en", "zh"), 9.81, 1.0),
      new Row("Book", List.of("en", "zh"), 7.17, 0.8),
      new Row("WorldKnowledge", WIKIPEDIA_LANGUAGES, 2.87, 2.5),
      new Row("QA", List.of("en", "zh"), 2.12, 1.0),
      new Row("AcademicPaper", List.of("en"), 0.99, 1.0),
      new Row("Profession-Law", List.of("zh"), 1.04, 1.0),
      new Row("Profession-Math", List.of("en", "zh"), 0.62, 2.0),
      new Row("Profession-Patent", List.of("zh"), 0.14, 1.0),
      new Row("Profession-Medical", List.of("zh"), 0.02, 1.0),
      new Row("ClassicalChinese", List.of("zh"), 0.02, 2.5));

  /**
   * The project root: system property {@code flmdata.root} (surefire sets it), else the nearest
   * folder above the working directory that holds {@code jobs/conf}.
   */
  static Path projectRoot() {
    String p = System.getProperty("flmdata.root");
    if (p != null) return Path.of(p).toAbsolutePath().normalize();
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("jobs/conf"))) return d;
    }
    throw new IllegalStateException("no jobs/conf above " + Path.of("").toAbsolutePath());
  }
}
