package org.flmdata.tokenize.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;
import org.flmdata.tokenize.sentencepiece.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tokenizer.path may name a SentencePiece tokenizer.model: the shards hold its ids plus EOD. */
class TokenizeStageSentencePieceTest {
  @TempDir Path dir;

  @Test
  void stageWritesShardsWithASentencePieceModel() throws Exception {
    Path model = TestModels.llama2Model(SharedData.require("models/tokenizers/llama2/tokenizer.json"),
        dir.resolve("tokenizer.model"));
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"x\"}\n");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: out\ntokenizer: {path: \"" + model
        + "\", eod: \"</s>\"}\n");
    Files.writeString(dir.resolve("domains/web.yaml"), "name: Web\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../a.jsonl, format: jsonl}]\ntokenize: {shard_text_bytes: 2000}\n");
    PipelineConfig cfg = new ConfigLoader(Map.of(TokenizeStage.NAME, TokenizeStage.SECTION), new Configuration(), true)
        .load(dir.resolve("pipeline.yaml").toString());
    List<Document> docs = new ArrayList<>();
    String[] texts = {"Hello world.", "", "北京是中国的首都。 emoji 😀", "  two  spaces\tand\ttabs  ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃"};
    for (int i = 0; i < 40; i++) {
      docs.add(new Document("d-" + i, "Web", "s", null, "en", texts[i % texts.length].repeat(1 + i % 4), Map.of()));
    }
    SparkSession spark = SparkTestSession.get();
    RunLayout layout = new RunLayout(cfg.output());
    long out = new TokenizeStage().apply(new StageContext(spark, cfg, layout),
        spark.createDataset(docs, Document.ENCODER).repartition(2)).count();
    assertEquals(docs.size(), out);

    HfTokenizer tok = HfTokenizer.load(model);
    int eod = tok.tokenId("</s>");
    assertEquals(2, eod);
    Map<String, int[]> expected = new HashMap<>();
    for (Document d : docs) {
      int[] ids = tok.encode(d.getText());
      int[] withEod = Arrays.copyOf(ids, ids.length + 1);
      withEod[ids.length] = eod;
      expected.put(Arrays.toString(withEod), withEod);
    }
    JsonNode manifest = new ObjectMapper().readTree(Path.of(layout.shardsDir(), "manifest.json").toFile());
    FileSystem fs = FileSystem.getLocal(new Configuration());
    long read = 0;
    for (JsonNode s : manifest.get("shards")) {
      try (IndexedDatasetReader r = IndexedDatasetReader.open(fs, new org.apache.hadoop.fs.Path(s.get("path").asText()))) {
        for (int i = 0; i < r.sequenceCount(); i++) {
          int[] seq = r.sequence(i);
          int[] want = expected.get(Arrays.toString(seq));
          assertArrayEquals(want, seq, "sequence " + i + " of " + s.get("path"));
          read++;
        }
      }
    }
    assertEquals(docs.size(), read);
    assertEquals(tok.vocabSize(), manifest.get("tokenizer").get("vocab_size").asInt());
  }
}
