package org.flmdata.tokenize.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The words a BPE trainer counts: text normalized and pre-tokenized by exactly the code
 * {@link HfTokenizer} encodes with, each pre-token spelled in the byte-level alphabet when the
 * pre-tokenizer ends in ByteLevel (as the Rust trainer sees them). Added tokens are not split out,
 * as in the Rust library's {@code train}. Never throws on any string; lone surrogates become
 * U+FFFD as in {@link HfTokenizer#encode(String)}.
 *
 * <p>Exposed for {@code org.flmdata.tokenize.train}; immutable, thread-safe.
 */
public final class TrainingSplitter implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String normalizerJson;
  private final String preTokenizerJson;
  private transient Normalizer normalizer;
  private transient PreTokenizer preTokenizer;

  private TrainingSplitter(String normalizerJson, String preTokenizerJson) {
    this.normalizerJson = normalizerJson;
    this.preTokenizerJson = preTokenizerJson;
    init();
  }

  /** From a tokenizer.json's {@code normalizer} and {@code pre_tokenizer} (either may be null). */
  public static TrainingSplitter from(JsonNode normalizer, JsonNode preTokenizer) {
    return new TrainingSplitter(normalizer == null ? "null" : normalizer.toString(),
        preTokenizer == null ? "null" : preTokenizer.toString());
  }

  private void init() {
    try {
      com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
      normalizer = Normalizer.from(om.readTree(normalizerJson), "normalizer");
      preTokenizer = PreTokenizer.from(om.readTree(preTokenizerJson), "pre_tokenizer");
    } catch (java.io.IOException e) {
      throw new TokenizerFormatException("bad pre-tokenizer JSON: " + e.getMessage(), e);
    }
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  /** True when words are spelled in the byte-level alphabet. */
  public boolean byteLevel() {
    return preTokenizer.byteLevel();
  }

  /** Passes each word of {@code text} to {@code sink}, in order. */
  public void split(String text, Consumer<String> sink) {
    if (text == null || text.isEmpty()) return;
    String s = normalizer.apply(HfTokenizer.withoutLoneSurrogates(text));
    PatternScanner scanner = preTokenizer.isolatedScanner();
    if (scanner != null) {
      char[] c = s.toCharArray();
      for (int i = 0, n = c.length; i < n; ) {
        int e = scanner.matchEnd(c, i, n);
        sink.accept(ByteLevelAlphabet.mapUtf8(c, i, e));
        i = e;
      }
      return;
    }
    List<String> pieces = new ArrayList<>();
    preTokenizer.split(s, true, pieces);
    for (String p : pieces) {
      if (preTokenizer.byteLevel()) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        sink.accept(ByteLevelAlphabet.map(b, 0, b.length));
      } else {
        sink.accept(p);
      }
    }
  }

  /** Receives one pre-token as the chars {@code chars[from, to)}, valid only during the call. */
  @FunctionalInterface
  public interface RangeSink {
    void accept(char[] chars, int from, int to);
  }

  /**
   * Passes each pre-token of {@code text} to {@code sink} as a range of chars, in order, without
   * building its word: {@link #word} spells it as {@link #split(String, Consumer)} would. Equal
   * ranges give equal words, so a counter can key on the ranges and spell each distinct one once.
   */
  public void splitRanges(String text, RangeSink sink) {
    if (text == null || text.isEmpty()) return;
    String s = normalizer.apply(HfTokenizer.withoutLoneSurrogates(text));
    PatternScanner scanner = preTokenizer.isolatedScanner();
    char[] c = s.toCharArray();
    if (scanner != null) {
      for (int i = 0, n = c.length; i < n; ) {
        int e = scanner.matchEnd(c, i, n);
        sink.accept(c, i, e);
        i = e;
      }
      return;
    }
    List<String> pieces = new ArrayList<>();
    preTokenizer.split(s, true, pieces);
    for (String p : pieces) {
      char[] pc = p.toCharArray();
      sink.accept(pc, 0, pc.length);
    }
  }

  /** The word of a pre-token that {@link #splitRanges} passed as {@code chars[from, to)}. */
  public String word(char[] chars, int from, int to) {
    if (!preTokenizer.byteLevel()) return new String(chars, from, to - from);
    if (preTokenizer.isolatedScanner() != null) return ByteLevelAlphabet.mapUtf8(chars, from, to);
    byte[] b = new String(chars, from, to - from).getBytes(StandardCharsets.UTF_8);
    return ByteLevelAlphabet.map(b, 0, b.length);
  }

  /** The byte-level character that stands for byte {@code unsignedByte} (0..255). */
  public static char byteChar(int unsignedByte) {
    return ByteLevelAlphabet.charOf(unsignedByte);
  }
}
