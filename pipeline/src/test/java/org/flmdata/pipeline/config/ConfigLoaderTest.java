package org.flmdata.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final Setting<Integer> MIN_CHARS =
      Setting.integer("min_chars", 1, "test").check(v -> v >= 0, "must be >= 0");
  static final SettingsSpec EXTRACT = new SettingsSpec("extract", List.of(MIN_CHARS));

  @TempDir Path dir;
  Path domains;

  @BeforeEach
  void corpus() throws IOException {
    domains = Files.createDirectories(dir.resolve("domains"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/a.jsonl"), "{\"text\":\"x\"}\n");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out/run\ndomains: domains/\n");
  }

  private ConfigLoader loader() {
    return new ConfigLoader(Map.of("extract", EXTRACT), new Configuration(), true);
  }

  private void domain(String file, String yaml) throws IOException {
    Files.writeString(domains.resolve(file), yaml);
  }

  private String web(double proportion) {
    return "name: WebText\nlanguages: [en, zh]\nproportion: " + proportion + "\n"
        + "inputs:\n  - {path: ../data/*.jsonl, format: jsonl, source: cc}\n";
  }

  private String failure() {
    return assertThrows(ConfigException.class, () -> loader().load(dir.resolve("pipeline.yaml")
        .toString())).getMessage();
  }

  @Test
  void validConfigResolvesPathsAndFillsDefaults() throws IOException {
    domain("webtext.yaml", web(75.21) + "extract: {min_chars: 5}\n");
    domain("code.yaml", "name: Code\nlanguages: en\nproportion: 24.79\nepochs: 2\n"
        + "inputs: [{path: ../data/a.jsonl, format: jsonl}]\n");
    PipelineConfig c = loader().load(dir.resolve("pipeline.yaml").toString());
    assertEquals(dir.resolve("out/run").toString(), c.output());
    assertEquals(List.of("Code", "WebText"), c.domains().stream().map(DomainConfig::name).toList());
    DomainConfig web = c.domain("WebText");
    assertEquals(List.of("en", "zh"), web.languages());
    assertEquals(1.0, web.epochs());
    assertEquals(5, web.section("extract").get(MIN_CHARS));
    assertEquals(dir.resolve("data/*.jsonl").toString(), web.inputs().get(0).path());
    assertEquals("cc", web.inputs().get(0).source());
    DomainConfig code = c.domain("Code");
    assertEquals(1, code.section("extract").get(MIN_CHARS));
    assertEquals("Code", code.inputs().get(0).source());
    assertEquals("text", code.inputs().get(0).textField());
    assertEquals(2.0, code.epochs());
    assertEquals(1234L, c.seed());
    assertEquals("local[*]", c.sparkMaster());
  }

  @Test
  void unknownKeyNamesFileKeyAndKnownKeys() throws IOException {
    domain("webtext.yaml", web(100) + "extract: {min_char: 5}\n");
    String msg = failure();
    assertTrue(msg.startsWith(domains.resolve("webtext.yaml") + ": extract.min_char is not a known"
        + " setting"), msg);
    assertTrue(msg.contains("min_chars"), msg);
  }

  @Test
  void unknownTopLevelKeyIsAnError() throws IOException {
    domain("webtext.yaml", web(100) + "epoch: 2\n");
    assertTrue(failure().contains("webtext.yaml: epoch is not a known setting"));
  }

  @Test
  void wrongTypeSaysWhatWasExpected() throws IOException {
    domain("webtext.yaml", web(100) + "extract: {min_chars: many}\n");
    assertTrue(failure().endsWith("extract.min_chars must be a whole number, got \"many\""));
  }

  @Test
  void failedCheckShowsTheValue() throws IOException {
    domain("webtext.yaml", web(100) + "extract: {min_chars: -3}\n");
    assertTrue(failure().endsWith("webtext.yaml: extract.min_chars must be >= 0, got -3"));
  }

  @Test
  void inputMatchingNoFilesNamesThePattern() throws IOException {
    domain("webtext.yaml", "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../nothing/*.warc.gz, format: warc}]\n");
    String msg = failure();
    assertTrue(msg.contains("inputs[0].path \"" + dir.resolve("nothing/*.warc.gz")
        + "\" matches no files"), msg);
  }

  @Test
  void missingInputsCanBeSkippedForDryRuns() throws IOException {
    domain("webtext.yaml", "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: s3a://bucket/cc/*.warc.gz, format: warc}]\n");
    PipelineConfig c = new ConfigLoader(Map.of(), new Configuration(), false)
        .load(dir.resolve("pipeline.yaml").toString());
    assertEquals("s3a://bucket/cc/*.warc.gz", c.domains().get(0).inputs().get(0).path());
  }

  @Test
  void proportionsMustAddUpToHundred() throws IOException {
    domain("webtext.yaml", web(75.21));
    String msg = failure();
    assertTrue(msg.contains("proportion values must add up to 100"), msg);
    assertTrue(msg.contains("got 75.2100 = WebText 75.21"), msg);
  }

  @Test
  void tableOneRoundingIsTolerated() throws IOException {
    // Table 1 of Tele-FLM sums to 100.01: 11 values rounded to two decimals
    double[] table1 = {75.21, 9.81, 7.17, 2.87, 2.12, 0.99, 1.04, 0.62, 0.14, 0.02, 0.02};
    for (int i = 0; i < table1.length; i++) {
      domain("d" + i + ".yaml", "name: D" + i + "\nlanguages: [en]\nproportion: " + table1[i]
          + "\ninputs: [{path: ../data/a.jsonl, format: jsonl}]\n");
    }
    assertEquals(11, loader().load(dir.resolve("pipeline.yaml").toString()).domains().size());
  }

  @Test
  void badFormatListsTheFormats() throws IOException {
    domain("webtext.yaml", "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../data/a.jsonl, format: json}]\n");
    assertTrue(failure().endsWith("inputs[0].format must be one of warc, html, jsonl, parquet,"
        + " text, got \"json\""));
  }

  @Test
  void duplicateDomainNamesAreRejected() throws IOException {
    domain("a.yaml", web(50));
    domain("b.yaml", web(50));
    assertTrue(failure().contains("b.yaml: name \"WebText\" is used by another domain file"));
  }

  @Test
  void duplicateYamlKeysAreRejected() throws IOException {
    domain("webtext.yaml", web(100) + "proportion: 3\n");
    assertTrue(failure().contains("is not valid YAML"));
  }

  @Test
  void missingRequiredKeyIsNamed() throws IOException {
    domain("webtext.yaml", "name: WebText\nproportion: 100\n"
        + "inputs: [{path: ../data/a.jsonl, format: jsonl}]\n");
    assertTrue(failure().contains("webtext.yaml: languages is required"));
  }

  @Test
  void missingDomainFolderIsNamed() throws IOException {
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\ndomains: nowhere/\n");
    assertTrue(failure().contains("domains must name a folder of domain files"));
  }

  @Test
  void textUnitAppliesToTextOnly() throws IOException {
    domain("webtext.yaml", "name: WebText\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../data/a.jsonl, format: jsonl, text_unit: line}]\n");
    assertTrue(failure().endsWith("inputs[0].text_unit applies to format text only"));
  }

  @Test
  void heldOutSharesLeavingNoTrainingDocumentFailBeforeAnySparkWork() throws IOException {
    domain("webtext.yaml", web(100));
    Files.writeString(dir.resolve("pipeline.yaml"),
        "output: out/run\nmix: {valid_share: 0.5, test_share: 0.5}\n");
    String msg = failure();
    assertTrue(msg.startsWith(dir.resolve("pipeline.yaml") + ": mix.valid_share 0.5 + mix.test_share"
        + " 0.5 hold out every document of every domain, leaving no training document"), msg);
    Files.writeString(dir.resolve("pipeline.yaml"),
        "output: out/run\nmix: {valid_share: 0.001, test_tokens: 5000}\n");
    assertTrue(failure().contains("hold out either a share of documents or a number of tokens"));
    Files.writeString(dir.resolve("pipeline.yaml"),
        "output: out/run\nmix: {valid_share: 0.01, test_share: 0.01}\n");
    assertEquals(0.01, loader().load(dir.resolve("pipeline.yaml").toString()).mix()
        .get(PipelineSettings.MIX_TEST_SHARE));
  }
}
