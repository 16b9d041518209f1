package org.flmdata.tokenize.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;

/**
 * The npm package {@code tokenizers} (Hugging Face's Rust library) driven through
 * {@code tests/setup/train-reference.js} and {@code encode-reference.js}; installed by
 * {@code tests/setup/install-npm-tokenizers.sh} into {@code tests/target/node} (or
 * {@code $FLMDATA_NODE_DIR}). Tests skip with the install command when it is missing.
 */
final class NodeTokenizers {
  private final Path setup;
  private final Path nodeModules;

  private NodeTokenizers(Path setup, Path nodeModules) {
    this.setup = setup;
    this.nodeModules = nodeModules;
  }

  /** The binding; missing, the calling test is skipped, or fails under CI. */
  static NodeTokenizers require() {
    Path modules = Prerequisites.npmTokenizers();
    return new NodeTokenizers(Prerequisites.projectRoot().resolve("tests/setup"), modules);
  }

  /** Trains with the Rust trainer; returns its saved tokenizer.json. */
  JsonNode train(String configJson, Path linesFile, Path work) throws IOException, InterruptedException {
    Path config = work.resolve("reference-config.json");
    Files.writeString(config, configJson, StandardCharsets.UTF_8);
    Path out = work.resolve("reference-tokenizer.json");
    run("train-reference.js", config.toString(), linesFile.toString(), out.toString());
    return new ObjectMapper().readTree(out.toFile());
  }

  /** Ids of each text by the Rust library, {@code addSpecialTokens: false}. */
  List<int[]> encode(Path tokenizerJson, List<String> texts, Path work) throws IOException, InterruptedException {
    Path in = work.resolve("texts.jsonl");
    ObjectMapper om = new ObjectMapper();
    om.getFactory().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      for (String t : texts) {
        w.write(om.writeValueAsString(Map.of("text", t)));
        w.write('\n');
      }
    }
    Path out = work.resolve("reference-ids.jsonl");
    run("encode-reference.js", tokenizerJson.toString(), in.toString(), out.toString());
    List<int[]> ids = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode a = om.readTree(line).get("ids");
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asInt();
        ids.add(v);
      }
    }
    return ids;
  }

  private String run(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", setup.resolve(script).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("NODE_PATH", nodeModules.toString());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Prerequisites.require(false, "'node' could not be started: " + e.getMessage());
      throw e;
    }
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(script + " failed: " + log);
    }
    return log;
  }
}
