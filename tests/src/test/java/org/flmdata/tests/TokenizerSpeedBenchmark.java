package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MB/s per core of our encoder vs the Hugging Face Rust library (npm {@code tokenizers},
 * {@code encodeBatch} with RAYON_NUM_THREADS=1) on the same tokenizer and text, in one run:
 * {@code mvn -B verify -Pbench -pl tests -am -Dtest=TokenizerSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} after {@code tests/setup/install-npm-tokenizers.sh}.
 */
@Tag("benchmark")
class TokenizerSpeedBenchmark {

  @Test
  void encoderSpeedAgainstTheRustLibrary() throws Exception {
    Path root = ProjectLayout.root();
    Path modules = Prerequisites.npmTokenizers();
    List<String> base = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    for (String f : new String[] {"data/text/en-web-dolma/cc_en_head-0091.jsonl",
        "data/text/en-web-dolma/cc_en_head-0174.jsonl", "data/text/zh-web-chinesewebtext/clean.jsonl"}) {
      for (String line : Files.readAllLines(SharedData.require(f))) {
        JsonNode t = om.readTree(line).get("text");
        if (t != null) base.add(t.asText());
      }
    }
    List<String> texts = new ArrayList<>();
    for (int r = 0; r < 10; r++) texts.addAll(base);
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    Path jsonl = Files.createTempFile("bench-texts", ".jsonl");
    om.getFactory().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
      for (String t : texts) w.write(om.writeValueAsString(Map.of("text", t)) + "\n");
    }
    for (String name : new String[] {"gpt-neo", "llama3", "qwen3", "llama2"}) {
      Path tok = SharedData.require("models/tokenizers/" + name + "/tokenizer.json");
      HfTokenizer ours = HfTokenizer.load(tok);
      double best = Double.MAX_VALUE;
      long tokens = 0;
      for (int round = 0; round < 4; round++) {
        long t0 = System.nanoTime();
        long n = 0;
        for (String t : texts) n += ours.encode(t).length;
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        tokens = n;
      }
      ProcessBuilder pb = new ProcessBuilder("node", root.resolve("tests/setup/bench-reference.js").toString(),
          tok.toString(), jsonl.toString(), "3");
      pb.environment().put("NODE_PATH", modules.toString());
      pb.environment().put("RAYON_NUM_THREADS", "1");
      pb.environment().put("TOKENIZERS_PARALLELISM", "false");
      pb.redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(600, TimeUnit.SECONDS);
      JsonNode ref = om.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
      System.out.printf("tokenizer speed %-8s %.2f MB text, ours %.2f MB/s (%d tokens), rust %.2f MB/s (%d tokens)%n",
          name, bytes / 1e6, bytes / 1e6 / best, tokens, ref.path("mb_per_s").asDouble(), ref.path("tokens").asLong());
      assertEquals(ref.path("tokens").asLong(), tokens, "same token count as the Rust library on " + name);
    }
  }
}
