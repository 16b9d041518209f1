package org.flmdata.tokenize.bpe;

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
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;

/**
 * The Hugging Face Rust library through its Node binding, installed by
 * {@code tests/setup/install-npm-tokenizers.sh} into {@code tests/target/node} (or
 * {@code $FLMDATA_NODE_DIR}); tests skip with a message when node or the package is missing (fail
 * under CI).
 */
final class NodeReference {
  private final Path script;
  private final Path nodeModules;

  private NodeReference(Path script, Path nodeModules) {
    this.script = script;
    this.nodeModules = nodeModules;
  }

  /**
   * The reference; when node or the package is missing the calling test is skipped, or fails
   * under CI ({@link Prerequisites#npmTokenizers}).
   */
  static NodeReference require() {
    Path modules = Prerequisites.npmTokenizers();
    return new NodeReference(
        Prerequisites.projectRoot().resolve("tests/setup/encode-reference.js"), modules);
  }

  /** Writes texts as JSONL with every non-ASCII char escaped (lone surrogates survive as \\uXXXX). */
  static void writeJsonl(List<String> texts, Path file) throws IOException {
    ObjectMapper om = new ObjectMapper();
    om.getFactory().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String t : texts) {
        w.write(om.writeValueAsString(java.util.Map.of("text", t)));
        w.write('\n');
      }
    }
  }

  /** Reference ids of every line of {@code jsonl}, encoded with {@code tokenizerJson}. */
  List<int[]> encode(Path tokenizerJson, Path jsonl, Path work) throws IOException, InterruptedException {
    Path out = work.resolve("reference-ids.jsonl");
    ProcessBuilder pb = new ProcessBuilder("node", script.toString(), tokenizerJson.toString(),
        jsonl.toString(), out.toString());
    pb.environment().put("NODE_PATH", nodeModules.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("reference encoder failed for " + tokenizerJson + ": " + log);
    }
    List<int[]> ids = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode a = om.readTree(line).get("ids");
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asInt();
        ids.add(v);
      }
    }
    return ids;
  }
}
