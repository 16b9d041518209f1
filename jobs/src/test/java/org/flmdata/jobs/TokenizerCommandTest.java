package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flmdata.pipeline.testing.Prerequisites;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerCommandTest {
  @TempDir Path dir;

  @Test
  void encodeWritesOneIdsLinePerInputLine() throws Exception {
    Path tok = SharedData.require("models/tokenizers/qwen3/tokenizer.json");
    List<String> texts = List.of("Hello world", "北京 2024 😀", "", "<|endoftext|>  x");
    StringBuilder jsonl = new StringBuilder();
    for (String t : texts) {
      jsonl.append("{\"id\": 1, \"body\": ").append(new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(t)).append("}\n");
    }
    Files.writeString(dir.resolve("in.jsonl"), jsonl);
    MainTest.Result r = MainTest.run("tokenizer", "encode", "--tokenizer", tok.toString(),
        "--input", dir.resolve("in.jsonl").toString(), "--field", "body");
    assertEquals(0, r.code(), r.err());
    HfTokenizer direct = HfTokenizer.load(tok);
    List<String> lines = r.out().lines().toList();
    assertEquals(texts.size(), lines.size());
    for (int i = 0; i < texts.size(); i++) {
      String expected = "{\"ids\": " + Arrays.toString(direct.encode(texts.get(i))) + "}";
      assertEquals(expected, lines.get(i));
    }
  }

  @Test
  void lineWithoutTheFieldIsOneErrorLineNamingIt() throws Exception {
    Path tok = SharedData.require("models/tokenizers/gpt2");
    Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"ok\"}\n{\"other\": 1}\n");
    MainTest.Result r = MainTest.run("tokenizer", "encode", "--tokenizer", tok.toString(),
        "--input", dir.resolve("in.jsonl").toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("line 2: no string field 'text'"), r.err());
  }

  @Test
  void tokenizerWithoutMergesIsOneClearError() throws Exception {
    Files.writeString(dir.resolve("t.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}}}");
    Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"a\"}\n");
    MainTest.Result r = MainTest.run("tokenizer", "encode", "--tokenizer",
        dir.resolve("t.json").toString(), "--input", dir.resolve("in.jsonl").toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertTrue(r.err().startsWith("error: " + dir.resolve("t.json") + ": model.merges missing"), r.err());
  }

  @Test
  void encodeTakesASentencePieceModel() throws Exception {
    Prerequisites.sentencePiece();
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 300; i++) corpus.append("the data pipeline writes token ids ").append(i).append(" 数据\n");
    Files.writeString(dir.resolve("corpus.txt"), corpus);
    Process train = new ProcessBuilder("spm_train", "--input=" + dir.resolve("corpus.txt"),
        "--model_prefix=" + dir.resolve("m"), "--model_type=bpe", "--vocab_size=400", "--byte_fallback=true",
        "--num_threads=1", "--minloglevel=2").redirectErrorStream(true).start();
    train.getInputStream().readAllBytes();
    assertEquals(0, train.waitFor());
    Path model = dir.resolve("m.model");
    Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"the pipeline 数据 😀\"}\n{\"text\": \"\"}\n");
    MainTest.Result r = MainTest.run("tokenizer", "encode", "--tokenizer", model.toString(),
        "--input", dir.resolve("in.jsonl").toString());
    assertEquals(0, r.code(), r.err());
    HfTokenizer direct = HfTokenizer.load(model);
    int[] ids = direct.encode("the pipeline 数据 😀");
    assertTrue(ids.length > 4, Arrays.toString(ids));
    assertEquals(List.of("{\"ids\": " + Arrays.toString(ids) + "}", "{\"ids\": []}"), r.out().lines().toList());
  }
}
