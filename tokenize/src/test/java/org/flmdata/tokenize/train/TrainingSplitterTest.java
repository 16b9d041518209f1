package org.flmdata.tokenize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import org.junit.jupiter.api.Test;

class TrainingSplitterTest {
  private static String byteLevel(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) b.append(TrainingSplitter.byteChar(x & 0xFF));
    return b.toString();
  }

  /** Every byte of the text lands in exactly one word, in order, for every style and any string. */
  @Test
  void wordsCoverEveryByteOfAnyText() {
    List<String> texts = new ArrayList<>(TrainerParityTest.variedTexts());
    texts.add("x".repeat(300_000) + " " + "中".repeat(100_000) + "\n".repeat(50_000) + "9".repeat(70_000));
    for (PreTokenizerStyle style : PreTokenizerStyle.values()) {
      TrainingSplitter s = TrainingSplitter.from(style.normalizer(), style.preTokenizer());
      for (String t : texts) {
        StringBuilder joined = new StringBuilder();
        s.split(t, joined::append);
        String expected = style == PreTokenizerStyle.QWEN2 ? Normalizer.normalize(fixSurrogates(t), Normalizer.Form.NFC) : fixSurrogates(t);
        assertEquals(byteLevel(expected), joined.toString(), style + ": " + t.substring(0, Math.min(40, t.length())));
      }
    }
  }

  @Test
  void llama3SplitsDigitsInThreesAndKeepsTheLeadingSpace() {
    TrainingSplitter s = TrainingSplitter.from(PreTokenizerStyle.LLAMA3.normalizer(), PreTokenizerStyle.LLAMA3.preTokenizer());
    List<String> w = new ArrayList<>();
    s.split("Hi 12345 you", w::add);
    assertEquals(List.of("Hi", byteLevel(" "), "123", "45", byteLevel(" you")), w);
  }

  private static String fixSurrogates(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else {
        b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
