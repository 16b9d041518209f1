package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.train.CorpusSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTrainCommandTest {
  @TempDir Path dir;

  private static String en(int i) {
    return "The river " + (i % 7) + " flows past the old mill, and the miller's dog barks at boats number " + i + ".";
  }

  private static String zh(int i) {
    return "长江第" + i + "段流过古老的磨坊，磨坊主人的狗对着船叫。天气很好，我们去散步吧。";
  }

  @Test
  void trainsOnJsonlInputAndPrintsOneSummaryLine() throws Exception {
    SparkTestSession.get();
    StringBuilder b = new StringBuilder();
    ObjectMapper om = new ObjectMapper();
    for (int i = 0; i < 200; i++) {
      b.append(om.writeValueAsString(Map.of("body", i % 2 == 0 ? en(i) : zh(i)))).append('\n');
    }
    Path in = dir.resolve("mixed.jsonl");
    Files.writeString(in, b);
    Path gpt2 = SharedData.require("models/tokenizers/gpt2");
    Path out = dir.resolve("tok.json");
    MainTest.Result r = MainTest.run("tokenizer", "train", "--input", in.toString(), "--field", "body",
        "--vocab-size", "300", "--output", out.toString(), "--pre-tokenizer", "qwen2",
        "--special", "<eod>", "--compare", gpt2.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(1, lines.size(), r.out());
    JsonNode s = om.readTree(lines.get(0));
    assertEquals(300, s.get("vocab_size").asInt());
    assertEquals(300 - 1 - 256, s.get("merges").asInt());
    assertEquals(200, s.get("docs").asLong());
    assertEquals("qwen2", s.get("pre_tokenizer").asText());
    HfTokenizer t = HfTokenizer.load(out);
    assertEquals(300, t.vocabSize());
    assertEquals(0, t.tokenId("<eod>"));
    JsonNode rows = s.get("compression").get("rows");
    assertEquals("trained", rows.get(0).get("tokenizer").asText());
    assertEquals("gpt2", rows.get(1).get("tokenizer").asText());
    HfTokenizer g = HfTokenizer.open(gpt2);
    long ours = 0;
    long theirs = 0;
    long bytes = 0;
    for (int i = 0; i < 200; i++) {
      String text = i % 2 == 0 ? en(i) : zh(i);
      ours += t.encode(text).length;
      theirs += g.encode(text).length;
      bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    assertEquals(ours, rows.get(0).get("tokens").get("all").asLong());
    assertEquals(Math.round(ours / (double) bytes * 1e6) / 1e6, rows.get(0).get("tokens_per_byte").get("all").asDouble());
    assertTrue(r.err().contains("tokens/byte"), r.err());
    assertEquals(theirs, rows.get(1).get("tokens").get("all").asLong());
    assertEquals(bytes, s.get("bytes").asLong());
  }

  @Test
  void samplesARunsLatestStageByConfiguredProportions() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf.resolve("domains"));
    Files.writeString(conf.resolve("pipeline.yaml"), "output: " + dir.resolve("run") + "\ndomains: domains/\nseed: 7\n");
    Files.writeString(conf.resolve("domains/Alpha.yaml"), "name: Alpha\nlanguages: [en]\nproportion: 75\nepochs: 1.0\n"
        + "inputs:\n  - {path: \"x/*.jsonl\", format: jsonl, source: a}\n");
    Files.writeString(conf.resolve("domains/Beta.yaml"), "name: Beta\nlanguages: [zh]\nproportion: 25\nepochs: 1.0\n"
        + "inputs:\n  - {path: \"y/*.jsonl\", format: jsonl, source: b}\n");
    List<Outcome> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(Outcome.kept(new Document("a" + i, "Alpha", "a", null, "en", en(i), Map.of()), 1));
      rows.add(Outcome.kept(new Document("b" + i, "Beta", "b", null, "zh", zh(i), Map.of()), 1));
    }
    RunLayout layout = new RunLayout(dir.resolve("run").toString());
    StageOutput.write(spark.createDataset(rows, Outcome.ENCODER), layout.stageDir("clean"), 0.0, 1);
    new StageMarker("clean", "h", "extract", 0).write(layout.marker("clean"), spark.sparkContext().hadoopConfiguration());
    Path out = dir.resolve("tok.json");
    MainTest.Result r = MainTest.run("tokenizer", "train", "-c", conf.resolve("pipeline.yaml").toString(),
        "--docs", "60", "--vocab-size", "300", "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode s = new ObjectMapper().readTree(r.out().strip());
    assertEquals("clean", s.get("input").asText());
    Map<String, Long> want = CorpusSample.targets(Map.of("Alpha", 75.0, "Beta", 25.0), 60);
    assertEquals(want.get("Alpha") + want.get("Beta"), s.get("docs").asLong());
    JsonNode cols = s.get("compression").get("columns");
    assertEquals("Alpha/en", cols.get(0).get("column").asText());
    assertEquals(want.get("Alpha"), cols.get(0).get("docs").asLong());
    assertEquals("Beta/zh", cols.get(1).get("column").asText());
    assertEquals(want.get("Beta"), cols.get(1).get("docs").asLong());
    assertEquals(List.of("<|endoftext|>", "<|pad|>"),
        List.of(s.get("specials").get(0).asText(), s.get("specials").get(1).asText()));
    // same seed, same sample, same file
    byte[] first = Files.readAllBytes(out);
    MainTest.Result again = MainTest.run("tokenizer", "train", "-c", conf.resolve("pipeline.yaml").toString(),
        "--docs", "60", "--vocab-size", "300", "--output", out.toString());
    assertEquals(0, again.code(), again.err());
    assertArrayEquals(first, Files.readAllBytes(out));
  }

  @Test
  void vocabularySmallerThanTheByteAlphabetIsOneClearError() throws Exception {
    Path in = dir.resolve("t.txt");
    Files.writeString(in, "hello\n");
    MainTest.Result r = MainTest.run("tokenizer", "train", "--input", in.toString(), "--vocab-size", "100",
        "--output", dir.resolve("o.json").toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertTrue(r.err().startsWith("error: --vocab-size must be >= 258"), r.err());
  }
}
