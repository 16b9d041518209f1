package org.flmdata.jobs.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import org.flmdata.tokenize.train.BpeTrainer;
import org.flmdata.tokenize.train.PreTokenizerStyle;
import org.flmdata.tokenize.train.TokenizerJson;
import org.flmdata.tokenize.train.TrainedBpe;

/**
 * The sample run's tokenizer, so the sample goes through mix and tokenize without a download: a
 * byte-level BPE of {@link #VOCAB} tokens (Llama-3 pre-tokenizer, {@code <|endoftext|>} and
 * {@code <|pad|>} specials, all 256 bytes) trained by the project's own trainer on the text the
 * sample corpus is made of. Deterministic: the same resources give the same file. A real run
 * trains on its data with {@code pipeline tokenizer train} or names a published tokenizer.
 */
final class SampleTokenizer {
  static final int VOCAB = 2048;
  static final String FILE = "tokenizer.json";
  static final List<String> SPECIALS = List.of("<|endoftext|>", "<|pad|>");
  /** Resources of sections of lines ({@link TextPools}). */
  private static final List<String> POOLS =
      List.of("web-en.txt", "web-zh.txt", "web-extra.txt", "paper.txt", "patent.txt");
  /** Resources of verbatim documents ({@link Blocks}). */
  private static final List<String> BLOCKS =
      List.of("wiki.txt", "book.txt", "classical.txt", "code.txt", "qa.txt", "law.txt",
          "medical.txt");

  private SampleTokenizer() {}

  /** The tokenizer.json text (trained in memory, so a failure leaves no file behind). */
  static String train() {
    PreTokenizerStyle style = PreTokenizerStyle.parse("llama3");
    TrainingSplitter splitter = TrainingSplitter.from(style.normalizer(), style.preTokenizer());
    Map<String, Long> counts = new TreeMap<>();
    for (String name : POOLS) {
      TextPools pools = TextPools.load(name);
      for (String section : pools.names("")) {
        for (String line : pools.get(section)) {
          splitter.split(line, w -> counts.merge(w, 1L, Long::sum));
        }
      }
    }
    for (String name : BLOCKS) {
      for (Blocks.Block b : Blocks.load(name)) {
        splitter.split(b.text(), w -> counts.merge(w, 1L, Long::sum));
      }
    }
    List<BpeTrainer.WordCount> words = new ArrayList<>(counts.size());
    counts.forEach((w, c) -> words.add(new BpeTrainer.WordCount(w, c)));
    TrainedBpe bpe = BpeTrainer.train(words, VOCAB, SPECIALS, true, 0);
    return TokenizerJson.write(bpe, style);
  }

  /** Writes {@code json} (from {@link #train}) to {@code dir/tokenizer.json}; returns the path. */
  static Path write(Path dir, String json) throws IOException {
    Path out = dir.resolve(FILE);
    Files.writeString(out, json, StandardCharsets.UTF_8);
    return out;
  }
}
