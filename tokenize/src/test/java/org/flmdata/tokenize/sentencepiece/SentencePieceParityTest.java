package org.flmdata.tokenize.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.ParityTextsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our ids for a SentencePiece {@code tokenizer.model} equal {@code spm_encode --output_format=id}'s
 * on BPE models spm_train trains here on generated text: nmt_nfkc normalization without byte
 * fallback (unknown runs fused), identity normalization with byte fallback, user-defined symbols
 * and kept extra whitespace (Llama-2 style), and a model whose pieces span word boundaries.
 * Texts: the tokenizer parity texts (English, Chinese, code, emoji, mixed scripts, long space and
 * digit runs), one line each, since spm_encode reads lines.
 */
class SentencePieceParityTest {
  @TempDir Path dir;

  @Test
  void trainedBpeModelsMatchSpmEncodeIdForId() throws Exception {
    SpmReference.require();
    List<String> lines = testLines();
    Path corpus = dir.resolve("corpus.txt");
    writeCorpus(corpus, lines);
    String[][] models = {
        {"nfkc-unk", "--vocab_size=3000", "--character_coverage=0.995"},
        {"identity-bytefallback-userdefined", "--vocab_size=3000", "--character_coverage=0.98",
            "--byte_fallback=true", "--normalization_rule_name=identity", "--remove_extra_whitespaces=false",
            "--user_defined_symbols=<code>,\u2581\u2581\u2581\u2581,==,\u4e2d\u56fd", "--allow_whitespace_only_pieces=true",
            "--split_digits=true"},
        {"nfkc-cf-no-dummy-prefix-across-words", "--vocab_size=2500", "--character_coverage=0.98", "--normalization_rule_name=nmt_nfkc_cf",
            "--add_dummy_prefix=false", "--split_by_whitespace=false", "--byte_fallback=true"},
    };
    List<String> report = new ArrayList<>();
    int total = 0;
    String first = null;
    for (String[] m : models) {
      Path model = SpmReference.train(corpus, dir.resolve(m[0]), Arrays.copyOfRange(m, 1, m.length));
      SentencePieceBpe ours = SentencePieceBpe.load(Files.readAllBytes(model), model.toString());
      HfTokenizer viaLoader = HfTokenizer.load(model);
      // the first two encode word by word (with a cache); the third's pieces span words
      assertEquals(!m[0].endsWith("across-words"), ours.wordwise(), m[0] + " wordwise");
      List<int[]> expected = SpmReference.encode(model, lines, dir);
      int mismatches = 0;
      long tokens = 0;
      for (int i = 0; i < lines.size(); i++) {
        int[] got = ours.encode(lines.get(i));
        tokens += expected.get(i).length;
        assertEquals(Arrays.toString(got), Arrays.toString(viaLoader.encode(lines.get(i))), "loader path");
        if (!Arrays.equals(expected.get(i), got)) {
          mismatches++;
          if (first == null) {
            String t = lines.get(i);
            first = m[0] + " line " + i + " " + escape(t.substring(0, Math.min(120, t.length())))
                + "\n expected " + Arrays.toString(expected.get(i)) + "\n got      " + Arrays.toString(got);
          }
        }
      }
      total += mismatches;
      report.add(String.format("spm parity %-40s vocab %d, lines compared %d, tokens %d, mismatches %d",
          m[0], ours.vocabSize(), lines.size(), tokens, mismatches));
    }
    report.forEach(System.out::println);
    assertEquals(0, total, String.join("\n", report) + "\nfirst: " + first);
  }

  /** The tokenizer parity texts cut into lines (spm_encode encodes line by line), lone surrogates as U+FFFD. */
  static List<String> testLines() throws Exception {
    LinkedHashSet<String> lines = new LinkedHashSet<>();
    for (String t : ParityTextsAccess.build(SharedData.root())) {
      for (String l : t.split("\n", -1)) {
        lines.add(SentencePieceBpe.withoutLoneSurrogates(l));
      }
    }
    lines.add("<code>x==y</code> \u4e2d\u56fd\u4eba \u2581\u2581\u2581\u2581\u2581 a\u2581b \u2581");
    lines.add("    indented    code    with    4-space    runs    and  \u4e2d\u56fd  ");
    return new ArrayList<>(lines);
  }

  /** Training text: the test lines plus generated mixed-script sentences, deterministic. */
  static void writeCorpus(Path corpus, List<String> lines) throws Exception {
    String[] words = {"the", "data", "pipeline", "token", "model", "train", "of", "and", "in", "is", "def",
        "return", "for", "while", "class", "int", "x", "y", "=", "==", "+=", "()", "{", "}", "\u6570\u636e",
        "\u6a21\u578b", "\u8bad\u7ec3", "\u4e2d\u56fd", "\u7684", "\u662f", "\u0434\u0430\u043d\u043d\u044b\u0435",
        "\ud83d\ude00", "2026", "3.14", "<code>", "    "};
    Random r = new Random(7);
    try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
      for (int i = 0; i < 20_000; i++) {
        int n = 3 + r.nextInt(20);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
          if (k > 0) b.append(r.nextInt(8) == 0 ? "  " : " ");
          b.append(words[r.nextInt(words.length)]);
        }
        w.write(b.toString());
        w.write('\n');
      }
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> {
      if (c < 0x20 || c > 0x7E) b.append(String.format("\\u%04x", c));
      else b.append((char) c);
    });
    return b.toString();
  }
}
