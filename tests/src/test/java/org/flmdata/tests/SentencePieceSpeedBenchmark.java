package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MB/s on one core of our SentencePiece BPE path vs SentencePiece's own {@code spm_encode} (one
 * thread, ids to a file) on a BPE model spm_train trains on the benchmark's English and Chinese
 * web text; the ids must be equal line for line. spm_encode's time includes loading the model
 * (a few ms). Run: {@code mvn -B verify -Pbench -pl tests -am -Dtest=SentencePieceSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} after {@code tests/setup/install-sentencepiece.sh}.
 */
@Tag("benchmark")
class SentencePieceSpeedBenchmark {
  @TempDir Path dir;

  @Test
  void modelPathSpeedAgainstSpmEncode() throws Exception {
    Prerequisites.sentencePiece();
    List<String> base = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    for (String f : new String[] {"data/text/en-web-dolma/cc_en_head-0091.jsonl",
        "data/text/en-web-dolma/cc_en_head-0174.jsonl", "data/text/zh-web-chinesewebtext/clean.jsonl"}) {
      for (String line : Files.readAllLines(SharedData.require(f))) {
        JsonNode t = om.readTree(line).get("text");
        if (t != null) base.add(t.asText().replace('\n', ' ').replace('\r', ' '));
      }
    }
    Path corpus = dir.resolve("corpus.txt");
    Files.write(corpus, base, StandardCharsets.UTF_8);
    run(List.of("spm_train", "--input=" + corpus, "--model_prefix=" + dir.resolve("bench"), "--model_type=bpe",
        "--vocab_size=8000", "--byte_fallback=true", "--character_coverage=0.9995", "--num_threads=1",
        "--max_sentence_length=100000", "--minloglevel=1"));
    Path model = dir.resolve("bench.model");
    List<String> texts = new ArrayList<>();
    for (int r = 0; r < 5; r++) texts.addAll(base);
    Path input = dir.resolve("input.txt");
    Files.write(input, texts, StandardCharsets.UTF_8);
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();

    HfTokenizer ours = HfTokenizer.load(model);
    double best = Double.MAX_VALUE;
    List<int[]> ids = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      ids.clear();
      long t0 = System.nanoTime();
      for (String t : texts) ids.add(ours.encode(t));
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    double spmBest = Double.MAX_VALUE;
    Path out = dir.resolve("ids.txt");
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      run(List.of("spm_encode", "--model=" + model, "--output_format=id", "--input=" + input, "--output=" + out));
      spmBest = Math.min(spmBest, (System.nanoTime() - t0) / 1e9);
    }
    List<String> ref = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(texts.size(), ref.size());
    int mismatches = 0;
    long tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      StringBuilder b = new StringBuilder();
      for (int id : ids.get(i)) b.append(b.length() == 0 ? "" : " ").append(id);
      tokens += ids.get(i).length;
      if (!b.toString().equals(ref.get(i).strip())) mismatches++;
    }
    System.out.printf("sentencepiece speed %.2f MB text (%d lines), ours %.2f MB/s, spm_encode %.2f MB/s,"
        + " %d tokens, mismatching lines %d%n", bytes / 1e6, texts.size(), bytes / 1e6 / best, bytes / 1e6 / spmBest,
        tokens, mismatches);
    assertEquals(0, mismatches);
  }

  private void run(List<String> cmd) throws IOException, InterruptedException {
    Path log = dir.resolve("tool.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(log));
    }
  }
}
