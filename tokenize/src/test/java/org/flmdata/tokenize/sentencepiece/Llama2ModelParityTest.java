package org.flmdata.tokenize.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.ParityTextsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SentencePiece path and the tokenizer.json path agree on Llama-2's tokenizer. The shared
 * models hold only Llama-2's tokenizer.json, so its {@code tokenizer.model} is rebuilt from it
 * ({@link TestModels#llama2Model}). Texts containing {@code <s>}, {@code </s>}, {@code <unk>} or
 * {@code |||} (its added tokens) are left out:
 * tokenizer.json treats them as added tokens, SentencePiece as plain characters.
 */
class Llama2ModelParityTest {
  @TempDir Path dir;

  @Test
  void llama2ModelFileEncodesAsItsTokenizerJson() throws Exception {
    Path json = SharedData.require("models/tokenizers/llama2/tokenizer.json");
    Path modelFile = TestModels.llama2Model(json, dir.resolve("tokenizer.model"));

    HfTokenizer fromJson = HfTokenizer.load(json);
    HfTokenizer fromModel = HfTokenizer.open(modelFile);
    assertEquals(32000, fromModel.vocabSize()); // the model's pieces; the json adds 3 |||...||| tokens
    int compared = 0;
    int mismatches = 0;
    String first = null;
    List<String> texts = new ArrayList<>();
    for (String t : ParityTextsAccess.build(SharedData.root())) {
      if (!t.contains("<s>") && !t.contains("</s>") && !t.contains("<unk>") && !t.contains("|||")) texts.add(t);
    }
    for (String t : texts) {
      int[] a = fromJson.encode(t);
      int[] b = fromModel.encode(t);
      compared++;
      if (!Arrays.equals(a, b)) {
        mismatches++;
        if (first == null) {
          first = SentencePieceParityTest.escape(t.substring(0, Math.min(100, t.length())))
              + "\n json  " + Arrays.toString(a) + "\n model " + Arrays.toString(b);
        }
      }
    }
    System.out.printf("llama2 tokenizer.model vs tokenizer.json: docs compared %d, mismatches %d%n", compared, mismatches);
    assertEquals(0, mismatches, "first: " + first);
  }
}
