package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path config(String domainYaml) throws IOException {
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"hello\"}\n");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\n");
    Files.writeString(dir.resolve("domains/web.yaml"), domainYaml);
    return dir.resolve("pipeline.yaml");
  }

  @Test
  void helpListsEveryCommand() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String c : new String[] {"run", "extract", "report", "show", "validate", "sample-corpus"}) {
      assertTrue(r.out().contains(c), c + " missing from\n" + r.out());
    }
  }

  @Test
  void configErrorIsOneLineAndExitTwoBeforeSpark() throws IOException {
    Path c = config("name: Web\nlanguages: [en]\nproportion: 100\nextract: {no_such_key: 1}\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl}]\n");
    Result r = run("run", "-c", c.toString());
    assertEquals(Main.EXIT_CONFIG, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("config error: " + dir.resolve("domains/web.yaml")
        + ": extract.no_such_key is not a known setting"), r.err());
    assertTrue(Files.notExists(dir.resolve("out")), "no Spark work may start");
  }

  @Test
  void missingConfigFileIsOneLine() {
    Result r = run("run", "-c", dir.resolve("nope.yaml").toString());
    assertEquals(Main.EXIT_CONFIG, r.code());
    assertEquals("config error: " + dir.resolve("nope.yaml") + ": does not exist", r.err().strip());
  }

  @Test
  void usageErrorIsOneLine() {
    Result r = run("run");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--config"), r.err());
  }

  @Test
  void unknownStageInStagesIsAConfigError() throws IOException {
    Path c = config("name: Web\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl}]\n");
    Result r = run("run", "-c", c.toString(), "--stages", "extract,polish");
    assertEquals(Main.EXIT_CONFIG, r.code());
    assertTrue(r.err().contains("unknown stage \"polish\""), r.err());
  }

  @Test
  void validatePrintsDomainsWithoutSpark() throws IOException {
    Path c = config("name: Web\nlanguages: [en, zh]\nproportion: 100\nepochs: 2\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl, source: cc}]\n");
    Result r = run("validate", "-c", c.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Web"), r.out());
    assertTrue(r.out().contains("100.00%  2.0 epochs  [en, zh]"), r.out());
    assertTrue(r.out().contains("jsonl   " + dir.resolve("a.jsonl") + " (source cc)"), r.out());
  }
}
