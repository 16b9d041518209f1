package org.flmdata.tokenize.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our trainer and tokenizer.json against the Rust library's (npm {@code tokenizers}). */
class TrainerParityTest {
  /** The binding's train(files) trains its default BpeTrainer to this many tokens. */
  private static final int REFERENCE_VOCAB = 30_000;

  @TempDir Path dir;

  /**
   * Same lines, same pre-tokenizer: the Rust trainer (alphabet = characters seen, no specials)
   * and ours with the same alphabet give the same merges, in the same order, to the end.
   */
  @Test
  void mergesEqualTheRustTrainersOnTheSameText() throws Exception {
    NodeTokenizers node = NodeTokenizers.require();
    for (PreTokenizerStyle style : PreTokenizerStyle.values()) {
      List<String> docs = GeneratedText.docs(700, 11 + style.ordinal());
      Path lines = dir.resolve(style.label() + ".txt");
      Files.writeString(lines, String.join("\n", docs) + "\n", StandardCharsets.UTF_8);
      String empty = TokenizerJson.write(new TrainedBpe(List.of(), List.of(), 0, 0), style);
      JsonNode ref = node.train(empty, lines, dir);
      List<String> refMerges = new ArrayList<>();
      for (JsonNode m : ref.path("model").path("merges")) {
        refMerges.add(m.isArray() ? m.get(0).asText() + " " + m.get(1).asText() : m.asText());
      }
      // the Rust library reads files line by line, each line with its "\n"
      List<String> sequences = new ArrayList<>();
      for (String d : docs) sequences.add(d + "\n");
      SparkSession spark = SparkTestSession.get();
      TrainingSplitter splitter = TrainingSplitter.from(style.normalizer(), style.preTokenizer());
      WordCounter.Counted counted = WordCounter.count(
          spark.createDataset(sequences, Encoders.STRING()).repartition(3), splitter, 1, Integer.MAX_VALUE);
      TrainedBpe ours = BpeTrainer.train(counted.words(), REFERENCE_VOCAB, List.of(), false, 0);
      List<String> ourMerges = new ArrayList<>();
      for (String[] m : ours.merges()) ourMerges.add(m[0] + " " + m[1]);
      assertTrue(refMerges.size() > 1000, style + ": reference learnt only " + refMerges.size());
      int firstDiff = 0;
      while (firstDiff < Math.min(refMerges.size(), ourMerges.size())
          && refMerges.get(firstDiff).equals(ourMerges.get(firstDiff))) firstDiff++;
      assertEquals(refMerges.size(), firstDiff, style + ": merges differ first at rank " + firstDiff
          + " of " + refMerges.size() + " (ours " + ourMerges.size() + ")");
      assertEquals(refMerges, ourMerges);
      assertEquals(ref.path("model").path("vocab").size(), ours.vocab().size(), style + ": vocab size");
    }
  }

  /** Our file, loaded by the Rust library and by our encoder, gives the same ids on varied text. */
  @Test
  void trainedFileGivesTheSameIdsInTheRustLibraryAndOurs() throws Exception {
    NodeTokenizers node = NodeTokenizers.require();
    List<String> docs = GeneratedText.docs(600, 5);
    TrainingSplitter splitter = TrainingSplitter.from(PreTokenizerStyle.LLAMA3.normalizer(),
        PreTokenizerStyle.LLAMA3.preTokenizer());
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (String d : docs) splitter.split(d, w -> counts.merge(w, 1L, Long::sum));
    List<BpeTrainer.WordCount> words = new ArrayList<>();
    counts.forEach((w, c) -> words.add(new BpeTrainer.WordCount(w, c)));
    TrainedBpe bpe = BpeTrainer.train(words, 2000, TokenizerTraining.DEFAULT_SPECIALS, true, 0);
    assertEquals(2000, bpe.vocab().size());
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, TokenizerJson.write(bpe, PreTokenizerStyle.LLAMA3), StandardCharsets.UTF_8);
    HfTokenizer ours = HfTokenizer.load(file);
    List<String> texts = variedTexts();
    texts.addAll(docs.subList(0, 50));
    List<int[]> ref = node.encode(file, texts, dir);
    assertEquals(texts.size(), ref.size());
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(ref.get(i), ours.encode(texts.get(i)), "text " + i + ": " + abbreviate(texts.get(i)));
    }
    assertEquals(0, ours.tokenId("<|endoftext|>"));
    assertEquals(1, ours.tokenId("<|pad|>"));
  }

  static List<String> variedTexts() {
    List<String> t = new ArrayList<>();
    t.add("");
    t.add(" ");
    t.add("Hello world, it's 2026! I'll say: DON'T.");
    t.add("北京是中华人民共和国的首都，也是全国的政治、文化中心。");
    t.add("日本語のテキスト 한국어 Русский текст العربية हिन्दी");
    t.add("def f(x):\n    return x ** 2  # square\n\n\tif (a && b) { c->d[i] += 0x1F; }\r\n");
    t.add("Emoji 😀🤖👩‍👩‍👧‍👦 🇨🇳 and text🙂mixed");
    t.add("Specials: <|endoftext|> <|pad|> <|endoftext|><|endoftext|>x");
    t.add("e\u0301 café ﬁ ① ＡＢＣ non\u00A0breaking\u3000x");
    t.add("lone high \uD800 and low \uDC00 end\uD83D");
    t.add("1234567890 3.14159 1,000,000 $100.00");
    t.add("a".repeat(3000) + " " + "的".repeat(500));
    t.add("bytes never seen in training: \u0001\u007F ÿ \uFFFD \uD83E\uDD80");
    Random r = new Random(99);
    for (int d = 0; d < 40; d++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 80; i++) {
        int cp = switch (r.nextInt(5)) {
          case 0 -> 0x20 + r.nextInt(95);
          case 1 -> 0x4E00 + r.nextInt(700);
          case 2 -> 0x1F300 + r.nextInt(500);
          case 3 -> ' ';
          default -> 0xA0 + r.nextInt(400);
        };
        b.appendCodePoint(cp);
      }
      t.add(b.toString());
    }
    return t;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
