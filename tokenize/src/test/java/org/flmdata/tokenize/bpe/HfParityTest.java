package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our ids equal the Hugging Face Rust library's on every tokenizer in
 * {@code shared/models/tokenizers} (tokenizer.json files, and GPT-2's encoder.json + vocab.bpe
 * as the same config written out as tokenizer.json), over English, Chinese, code, emoji, mixed
 * scripts, long runs of spaces and digits, specials in text and lone surrogates.
 */
class HfParityTest {
  @TempDir Path dir;

  @Test
  void everySharedTokenizerMatchesTheRustLibraryIdForId() throws Exception {
    Path tokenizers = SharedData.require("models/tokenizers");
    NodeReference ref = NodeReference.require();
    List<String> texts = ParityTexts.build(SharedData.root());
    Path jsonl = dir.resolve("texts.jsonl");
    NodeReference.writeJsonl(texts, jsonl);

    List<String> report = new ArrayList<>();
    int totalMismatches = 0;
    String firstMismatch = null;
    List<Path> dirs;
    try (Stream<Path> s = Files.list(tokenizers)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    List<Path> candidates = new ArrayList<>(dirs);
    Path llama2 = tokenizers.resolve("llama2/tokenizer.json");
    if (Files.exists(llama2)) {
      // SentencePiece-style files as newer conversions write them: Metaspace pre-tokenizer
      for (String[] v : new String[][] {{"first", "false"}, {"always", "true"}}) {
        com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(llama2.toFile());
        c.putNull("normalizer");
        c.putObject("pre_tokenizer").put("type", "Metaspace").put("replacement", "\u2581")
            .put("prepend_scheme", v[0]).put("split", Boolean.parseBoolean(v[1]));
        Path d = dir.resolve("llama2-metaspace-" + v[0] + "-split-" + v[1]);
        Files.createDirectories(d);
        Files.writeString(d.resolve("tokenizer.json"), c.toString());
        candidates.add(d);
      }
    }
    for (Path d : candidates) {
      Path json = d.resolve("tokenizer.json");
      HfTokenizer ours;
      if (Files.exists(json)) {
        ours = HfTokenizer.load(json);
      } else if (Files.exists(d.resolve("encoder.json")) && Files.exists(d.resolve("vocab.bpe"))) {
        json = dir.resolve(d.getFileName() + "-tokenizer.json");
        Files.writeString(json, HfTokenizer.gpt2Config(d.resolve("encoder.json"), d.resolve("vocab.bpe")).toString());
        ours = HfTokenizer.loadGpt2(d.resolve("encoder.json"), d.resolve("vocab.bpe"));
      } else {
        continue;
      }
      List<int[]> expected = ref.encode(json, jsonl, dir);
      assertEquals(texts.size(), expected.size(), "reference lines for " + d);
      int mismatches = 0;
      long tokens = 0;
      for (int i = 0; i < texts.size(); i++) {
        int[] got = ours.encode(texts.get(i));
        tokens += expected.get(i).length;
        if (!Arrays.equals(expected.get(i), got)) {
          mismatches++;
          if (firstMismatch == null) {
            String t = texts.get(i);
            firstMismatch = d.getFileName() + " text " + i + " " + escape(t.substring(0, Math.min(200, t.length())))
                + "\n expected " + Arrays.toString(expected.get(i)) + "\n got      " + Arrays.toString(got);
          }
        }
      }
      totalMismatches += mismatches;
      report.add(String.format("parity %-32s docs compared %d, tokens %d, mismatches %d",
          d.getFileName(), texts.size(), tokens, mismatches));
    }
    report.forEach(System.out::println);
    assertEquals(0, totalMismatches, String.join("\n", report) + "\nfirst: " + firstMismatch);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> {
      if (c < 0x20 || c > 0x7E) b.append(String.format("\\u%04x", c));
      else b.append((char) c);
    });
    return b.toString();
  }
}
