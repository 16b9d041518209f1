package org.flmdata.clean;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese word segmentation for the zh profile's word-based rules (word length, stop words, word
 * n-grams, words per newline), with jieba's dictionary and HMM (com.huaban:jieba-analysis, the
 * Java port of jieba's accurate mode). jieba is the segmenter datatrove uses for zh, so FineWeb-2's
 * cmn thresholds (cmn_Hani.yml, fitted on jieba words) apply as published.
 *
 * <p>The dictionary (~350k words) is loaded once per JVM, i.e. once per executor, on first use;
 * after that the segmenter only reads shared state and is safe to call from several task threads.
 * Tokens are substrings of the input (jieba lower-cases and half-widths internally; the offsets
 * map back to the original text); whitespace is not a token. Never throws: on an internal error
 * the text falls back to one token per character.
 */
public final class ChineseSegmenter {
  private ChineseSegmenter() {}

  /** Loaded on first use of {@link #tokens}: class initialisation is the JVM's once-only lock. */
  private static final class Holder {
    static final JiebaSegmenter JIEBA = new JiebaSegmenter();
  }

  /** The words and punctuation tokens of {@code text}, in order. Never null. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    List<SegToken> segs;
    try {
      segs = Holder.JIEBA.process(text, JiebaSegmenter.SegMode.SEARCH);
    } catch (RuntimeException | StackOverflowError e) {
      return perCharacter(text);
    }
    for (SegToken t : segs) {
      int s = Math.max(0, t.startOffset);
      int e = Math.min(text.length(), t.endOffset);
      if (e <= s || text.substring(s, e).isBlank()) continue;
      out.add(text.substring(s, e));
    }
    return out;
  }

  private static List<String> perCharacter(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (!Character.isWhitespace(cp)) out.add(text.substring(i, i + n));
      i += n;
    }
    return out;
  }
}
