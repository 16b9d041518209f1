package org.flmdata.clean;

import static org.flmdata.clean.CleanSettings.*;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flmdata.pipeline.config.Settings;

/**
 * The thresholds the rules use for one language group, resolved from a domain's {@code clean:}
 * settings: the default (spaced languages) profile, or the Chinese profile where the zh_* keys
 * replace their counterparts and counts are in characters. The Chinese profile follows
 * FineWeb-2's per-language recipe (fineweb-2-pipeline.py: no C4 filters; Gopher repetition with
 * only dup_line_frac and n-grams; FineWeb quality with char_duplicates_ratio 0.1 — but
 * keeping FineWeb's short-line rule, which FineWeb-2 turns off, see {@code zh_short_line_thr};
 * Gopher quality with cmn_Hani.yml values), words being jieba words ({@link ChineseSegmenter}) as
 * in datatrove, plus ChineseWebText's length, Han-share, sensitive-word and 13-gram rules; the
 * length bound is ChineseWebText's, in characters, instead of a word count.
 */
public record Profile(
    boolean zh,
    int minWords,
    int maxWords,
    double minAvgWordLength,
    double maxAvgWordLength,
    double maxSymbolWordRatio,
    double maxBulletLinesRatio,
    double maxEllipsisLinesRatio,
    double minAlphaWordsRatio,
    int minStopWords,
    Set<String> stopWords,
    double maxDupLineFrac,
    double maxDupParaFrac,
    double maxDupLineCharFrac,
    double maxDupParaCharFrac,
    List<double[]> topNgrams,
    List<double[]> dupNgrams,
    boolean c4TerminalPunct,
    int c4MinWordsPerLine,
    int c4MaxWordLength,
    int c4MinSentences,
    boolean c4RemoveCitations,
    boolean c4LoremIpsum,
    boolean c4Javascript,
    boolean c4CurlyBracket,
    boolean c4Policy,
    double linePunctThr,
    double shortLineThr,
    int shortLineLength,
    double charDupRatio,
    double newLineRatio,
    int zhMinChars,
    double zhMinAvgLineChars,
    double zhMinHanShare,
    double zhMaxRepeated13gramShare,
    Set<String> zhSensitiveWords,
    double zhMaxSensitiveWordsPerLine)
    implements Serializable {

  /** A ratio threshold no ratio reaches: the check is off. */
  static final double OFF = 999;

  /** The default profile of {@code s}. */
  public static Profile of(Settings s) {
    return build(s, false);
  }

  /** The Chinese profile of {@code s}. */
  public static Profile zh(Settings s) {
    return build(s, true);
  }

  private static Profile build(Settings s, boolean zh) {
    return new Profile(
        zh,
        zh ? 0 : s.get(MIN_WORDS), // zh: length is zh_min_chars, in characters
        s.get(MAX_WORDS),
        zh ? s.get(ZH_MIN_AVG_WORD_LENGTH) : s.get(MIN_AVG_WORD_LENGTH),
        zh ? s.get(ZH_MAX_AVG_WORD_LENGTH) : s.get(MAX_AVG_WORD_LENGTH),
        s.get(MAX_SYMBOL_WORD_RATIO),
        s.get(MAX_BULLET_LINES_RATIO),
        s.get(MAX_ELLIPSIS_LINES_RATIO),
        zh ? s.get(ZH_MIN_ALPHA_WORDS_RATIO) : s.get(MIN_ALPHA_WORDS_RATIO),
        s.get(MIN_STOP_WORDS),
        Set.copyOf(zh ? s.get(ZH_STOP_WORDS) : s.get(STOP_WORDS)),
        zh ? s.get(ZH_MAX_DUP_LINE_FRAC) : s.get(MAX_DUP_LINE_FRAC),
        // FineWeb-2's per-language pipeline disables these three (dup_para_frac=0, ...)
        zh ? OFF : s.get(MAX_DUP_PARA_FRAC),
        zh ? OFF : s.get(MAX_DUP_LINE_CHAR_FRAC),
        zh ? OFF : s.get(MAX_DUP_PARA_CHAR_FRAC),
        ngrams(s.get(zh ? ZH_MAX_TOP_NGRAM_CHAR_FRAC : MAX_TOP_NGRAM_CHAR_FRAC)),
        ngrams(s.get(zh ? ZH_MAX_DUP_NGRAM_CHAR_FRAC : MAX_DUP_NGRAM_CHAR_FRAC)),
        s.get(C4_TERMINAL_PUNCT),
        zh ? 0 : s.get(C4_MIN_WORDS_PER_LINE), // words per line is meaningless in characters
        s.get(C4_MAX_WORD_LENGTH),
        s.get(C4_MIN_SENTENCES),
        s.get(C4_REMOVE_CITATIONS),
        s.get(C4_LOREM_IPSUM),
        s.get(C4_JAVASCRIPT),
        s.get(C4_CURLY_BRACKET),
        s.get(C4_POLICY),
        zh ? s.get(ZH_LINE_PUNCT_THR) : s.get(LINE_PUNCT_THR),
        zh ? s.get(ZH_SHORT_LINE_THR) : s.get(SHORT_LINE_THR),
        s.get(SHORT_LINE_LENGTH),
        zh ? s.get(ZH_CHAR_DUP_RATIO) : s.get(CHAR_DUP_RATIO),
        zh ? s.get(ZH_NEW_LINE_RATIO) : s.get(NEW_LINE_RATIO),
        s.get(ZH_MIN_CHARS),
        s.get(ZH_MIN_AVG_LINE_CHARS),
        s.get(ZH_MIN_HAN_SHARE),
        s.get(ZH_MAX_REPEATED_13GRAM_SHARE),
        Set.copyOf(s.get(ZH_SENSITIVE_WORDS)),
        s.get(ZH_MAX_SENSITIVE_WORDS_PER_LINE));
  }

  /** The default profile with the declared defaults, for tests and tools. */
  public static Profile defaults() {
    return of(CleanStage.SECTION.defaults("defaults"));
  }

  public static Profile zhDefaults() {
    return zh(CleanStage.SECTION.defaults("defaults"));
  }

  private static List<double[]> ngrams(Map<String, String> m) {
    List<double[]> out = new ArrayList<>();
    for (Map.Entry<String, String> e : m.entrySet()) {
      out.add(new double[] {Integer.parseInt(e.getKey().trim()),
          Double.parseDouble(e.getValue().trim())});
    }
    out.sort((a, b) -> Double.compare(a[0], b[0]));
    return List.copyOf(out);
  }
}
