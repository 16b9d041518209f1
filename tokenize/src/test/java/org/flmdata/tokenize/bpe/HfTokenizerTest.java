package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

class HfTokenizerTest {

  /** A tiny byte-level BPE: bytes of "a", "b", "c", " " plus merges a+b, ab+c, " "+ab. */
  private static String tiny(String merges, String extraModel, String extraRoot) {
    String g = String.valueOf(ByteLevelAlphabet.charOf(' '));
    return "{\"version\":\"1.0\",\"unknown_top_level\":{\"x\":1}," + extraRoot
        + "\"added_tokens\":[{\"id\":9,\"content\":\"<|eod|>\",\"single_word\":false,\"lstrip\":false,"
        + "\"rstrip\":false,\"normalized\":false,\"special\":true}],"
        + "\"normalizer\":null,"
        + "\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true,\"use_regex\":true},"
        + "\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"fuse_unk\":false," + extraModel
        + "\"byte_fallback\":false,\"vocab\":{\"a\":0,\"b\":1,\"c\":2,\"" + g + "\":3,\"ab\":4,\"abc\":5,\""
        + g + "ab\":6,\"bc\":7}" + merges + "}}";
  }

  private static HfTokenizer load(String json) throws Exception {
    return HfTokenizer.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "tiny.json");
  }

  @Test
  void mergesApplyByRankInBothJsonForms() throws Exception {
    String g = String.valueOf(ByteLevelAlphabet.charOf(' '));
    HfTokenizer strings = load(tiny(",\"merges\":[\"a b\",\"ab c\",\"" + g + " ab\",\"b c\"]", "", ""));
    HfTokenizer pairs = load(tiny(",\"merges\":[[\"a\",\"b\"],[\"ab\",\"c\"],[\"" + g + "\",\"ab\"],[\"b\",\"c\"]]", "", ""));
    for (HfTokenizer t : List.of(strings, pairs)) {
      // " abc": a+b (rank 0), then ab+c (rank 1) before " "+ab (rank 2) -> " ", "abc"
      assertArrayEquals(new int[] {5, 3, 5}, t.encode("abc abc"));
      assertArrayEquals(new int[] {5, 6}, t.encode("abc ab"));
      assertArrayEquals(new int[] {4, 9, 0}, t.encode("ab<|eod|>a"));
      assertArrayEquals(new int[0], t.encode(""));
      assertEquals(10, t.vocabSize());
    }
  }

  @Test
  void lowerRankMergeWinsOverLeftmost() throws Exception {
    // "abc": b+c (rank 0) beats a+b (rank 1), leaving a, bc
    HfTokenizer t = load(tiny(",\"merges\":[\"b c\",\"a b\"]", "", ""));
    assertArrayEquals(new int[] {0, 7}, t.encode("abc"));
  }

  @Test
  void missingMergesListIsOneClearError() {
    TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> load(tiny("", "", "")));
    assertTrue(e.getMessage().contains("tiny.json: model.merges missing"), e.getMessage());
  }

  @Test
  void unknownModelTypeIsOneClearError() {
    String json = tiny(",\"merges\":[]", "", "").replace("\"type\":\"BPE\"", "\"type\":\"Unigram\"");
    TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> load(json));
    assertTrue(e.getMessage().contains("model type 'Unigram' is not supported"), e.getMessage());
  }

  @Test
  void unsupportedPreTokenizerAndMergeOutsideVocabularyAreClearErrors() {
    String meta = tiny(",\"merges\":[]", "", "").replace("\"type\":\"ByteLevel\"", "\"type\":\"WhitespaceSplit\"");
    assertTrue(assertThrows(TokenizerFormatException.class, () -> load(meta)).getMessage()
        .contains("unsupported pre_tokenizer type 'WhitespaceSplit'"));
    TokenizerFormatException e = assertThrows(TokenizerFormatException.class,
        () -> load(tiny(",\"merges\":[\"c c\"]", "", "")));
    assertTrue(e.getMessage().contains("merge 1 (c, c) uses a token not in the vocabulary"), e.getMessage());
    assertTrue(assertThrows(TokenizerFormatException.class, () -> load("[1,2]")).getMessage()
        .contains("not a JSON object"));
    assertTrue(assertThrows(TokenizerFormatException.class, () -> load("{\"model\":")).getMessage()
        .contains("not valid JSON"));
  }

  @Test
  void charactersOutsideTheVocabularyAreDroppedWithoutUnkToken() throws Exception {
    HfTokenizer t = load(tiny(",\"merges\":[\"a b\"]", "", ""));
    assertArrayEquals(new int[] {4}, t.encode("abz"));
    assertArrayEquals(new int[0], t.encode("\uD800"));
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacter() {
    assertEquals("a\uFFFDb\uFFFD", HfTokenizer.withoutLoneSurrogates("a\uDC00b\uD800"));
    assertEquals("\uD83D\uDE00", HfTokenizer.withoutLoneSurrogates("\uD83D\uDE00"));
  }

  @Test
  void oneInstanceSharedByFourThreadsGivesTheSameIds() throws Exception {
    Path json = SharedData.require("models/tokenizers/llama3/tokenizer.json");
    HfTokenizer t = HfTokenizer.load(json);
    List<String> texts = ParityTexts.build(SharedData.root());
    List<int[]> single = new ArrayList<>();
    HfTokenizer fresh = HfTokenizer.load(json);
    for (String s : texts) single.add(fresh.encode(s));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        final int offset = k;
        results.add(pool.submit(() -> {
          int bad = 0;
          for (int r = 0; r < 3; r++) {
            for (int i = 0; i < texts.size(); i++) {
              int j = (i + offset * 97) % texts.size();
              if (!java.util.Arrays.equals(single.get(j), t.encode(texts.get(j)))) bad++;
            }
          }
          return bad;
        }));
      }
      for (Future<Integer> f : results) assertEquals(0, f.get());
    } finally {
      pool.shutdown();
    }
  }
}
