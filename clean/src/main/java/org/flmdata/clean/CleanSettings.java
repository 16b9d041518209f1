package org.flmdata.clean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.SettingsSpec;

/**
 * Every key of the domain files' {@code clean:} section, declared once with its default and the
 * default's source. Sources: "Gopher" = Rae et al. 2021 (arXiv:2112.11446) Table A1 and
 * datatrove's GopherQualityFilter/GopherRepetitionFilter defaults; "C4" = Raffel et al. 2020 and
 * datatrove's C4QualityFilter; "FineWeb" = datatrove's FineWebQualityFilter; "FineWeb-2 cmn" =
 * huggingface/fineweb-2 configs/cmn_Hani.yml; "ChineseWebText" = CASIA-LM/ChineseWebText
 * preprocess.py (Chen et al. 2023, arXiv:2311.01149). All were read in those projects' code.
 */
public final class CleanSettings {
  private CleanSettings() {}

  public static final Set<String> RULE_SETS =
      Set.of("c4", "gopher_repetition", "gopher_quality", "fineweb", "chinesewebtext");
  public static final Set<String> CLEANERS = Set.of("wikipedia", "book", "code", "qa", "latex");

  // --- what runs ---
  public static final Setting<List<String>> RULES =
      Setting.stringList("rules",
              List.of("c4", "gopher_repetition", "gopher_quality", "fineweb", "chinesewebtext"),
              "heuristic rule sets applied, in this order, after normalisation and cleaners; the"
                  + " default is the FineWeb recipe's set (C4 lines, Gopher repetition+quality,"
                  + " FineWeb) plus ChineseWebText's rules for zh documents (min length, Han"
                  + " share, ...); [] for curated text (books, code, classical Chinese)")
          .check(l -> RULE_SETS.containsAll(l), "must list only " + RULE_SETS);
  public static final Setting<List<String>> DOMAIN_CLEANERS =
      Setting.stringList("cleaners", List.of(),
              "domain cleaners run before the rules: wikipedia (references sections, markup), book"
              + " (Gutenberg frame, page numbers, running heads, hyphenation, re-joined lines),"
              + " code (The Stack rules), qa (short and link-only answers), latex (preamble,"
              + " comments, bibliography)")
          .check(l -> CLEANERS.containsAll(l), "must list only " + CLEANERS);
  public static final Setting<String> NORMALIZATION =
      Setting.oneOf("normalization", "nfc", Set.of("nfc", "nfkc"),
          "Unicode normal form; NFC keeps every character's identity (NFKC folds compatibility"
              + " forms such as ligatures and full-width letters)");
  public static final Setting<Double> MAX_REPLACEMENT_CHAR_FRAC =
      Setting.number("max_replacement_char_frac", 0.01,
              "share of U+FFFD (undecodable bytes) above which a document is normalise/mojibake;"
                  + " project choice: 1% means a broken decode, not a stray character")
          .check(v -> v >= 0 && v <= 1, "must be in [0, 1]");
  public static final Setting<Boolean> PII =
      Setting.bool("pii", true, "mask e-mails, phones, Chinese resident IDs, IPs, credit cards");
  public static final Setting<List<String>> CJK_LANGUAGES =
      Setting.stringList("zh_profile_languages", List.of("zh"),
          "languages cleaned with the Chinese profile (character counts, zh_* thresholds)");

  // --- paragraph dedup (CCNet, Wenzek et al. 2020) ---
  public static final Setting<Boolean> PARAGRAPH_DEDUP =
      Setting.bool("paragraph_dedup", true,
          "remove every line seen earlier in the corpus (same language), CCNet style");
  public static final Setting<Integer> PARAGRAPH_DEDUP_MAX_DOCS =
      Setting.integer("paragraph_dedup_max_docs", 1000,
              "a line in more documents than this is site boilerplate and removed everywhere,"
                  + " its first occurrence too; project choice (CCNet keeps the first of each)")
          .check(v -> v >= 1, "must be >= 1");
  public static final Setting<String> PARAGRAPH_DEDUP_MATCH =
      Setting.oneOf("paragraph_dedup_match", "ccnet", Set.of("ccnet", "exact"),
          "how lines are compared: ccnet = CCNet's normal form (lower case, digits to 0,"
              + " punctuation and spacing ignored); exact = the line as written, edges trimmed");
  public static final Setting<Integer> PARAGRAPH_DEDUP_MIN_CHARS =
      Setting.integer("paragraph_dedup_min_chars", 200,
              "a document that paragraph dedup cut to fewer characters than this is"
                  + " paragraph-dedup/too-short (one it did not cut is left to the length"
                  + " rules); 200 = ChineseWebText's min_len")
          .check(v -> v >= 0, "must be >= 0");

  // --- Gopher quality ---
  public static final Setting<Integer> MIN_WORDS = nonNegInt("min_words", 50, "Gopher");
  public static final Setting<Integer> MAX_WORDS = nonNegInt("max_words", 100_000, "Gopher");
  public static final Setting<Double> MIN_AVG_WORD_LENGTH =
      nonNeg("min_avg_word_length", 3.0, "Gopher: mean word length in characters");
  public static final Setting<Double> MAX_AVG_WORD_LENGTH =
      nonNeg("max_avg_word_length", 10.0, "Gopher");
  public static final Setting<Double> MAX_SYMBOL_WORD_RATIO =
      nonNeg("max_symbol_word_ratio", 0.1, "Gopher: '#' per word and '...'/'…' per word");
  public static final Setting<Double> MAX_BULLET_LINES_RATIO =
      fraction("max_bullet_lines_ratio", 0.9, "Gopher: lines starting with a bullet");
  public static final Setting<Double> MAX_ELLIPSIS_LINES_RATIO =
      fraction("max_ellipsis_lines_ratio", 0.3, "Gopher: lines ending with an ellipsis");
  public static final Setting<Double> MIN_ALPHA_WORDS_RATIO =
      fraction("min_alpha_words_ratio", 0.8,
          "Gopher: words with an alphabetic character (datatrove's max_non_alpha_words_ratio)");
  public static final Setting<Integer> MIN_STOP_WORDS = nonNegInt("min_stop_words", 2, "Gopher");
  public static final Setting<List<String>> STOP_WORDS =
      Setting.stringList("stop_words", List.of("the", "be", "to", "of", "and", "that", "have",
          "with"), "Gopher's English stop words");

  // --- Gopher repetition ---
  public static final Setting<Double> MAX_DUP_LINE_FRAC =
      fraction("max_dup_line_frac", 0.30, "Gopher: duplicate lines by count");
  public static final Setting<Double> MAX_DUP_PARA_FRAC =
      fraction("max_dup_para_frac", 0.30, "Gopher: duplicate paragraphs by count");
  public static final Setting<Double> MAX_DUP_LINE_CHAR_FRAC =
      fraction("max_dup_line_char_frac", 0.20, "Gopher: duplicate lines by characters");
  public static final Setting<Double> MAX_DUP_PARA_CHAR_FRAC =
      fraction("max_dup_para_char_frac", 0.20, "Gopher: duplicate paragraphs by characters");
  public static final Setting<Map<String, String>> MAX_TOP_NGRAM_CHAR_FRAC =
      ngramMap("max_top_ngram_char_frac", ordered("2", "0.20", "3", "0.18", "4", "0.16"),
          "Gopher: characters in the most frequent n-gram, n -> max fraction");
  public static final Setting<Map<String, String>> MAX_DUP_NGRAM_CHAR_FRAC =
      ngramMap("max_dup_ngram_char_frac", ordered("5", "0.15", "6", "0.14", "7", "0.13", "8",
              "0.12", "9", "0.11", "10", "0.10"),
          "Gopher: characters in duplicated n-grams, n -> max fraction");

  // --- C4 ---
  public static final Setting<Boolean> C4_TERMINAL_PUNCT =
      Setting.bool("c4_terminal_punct", true, "C4: drop lines not ending in . ? ! \" '");
  public static final Setting<Integer> C4_MIN_WORDS_PER_LINE =
      nonNegInt("c4_min_words_per_line", 3, "C4: drop lines with fewer words");
  public static final Setting<Integer> C4_MAX_WORD_LENGTH =
      nonNegInt("c4_max_word_length", 1000, "C4 (tfds c4_utils): drop lines with a longer word");
  public static final Setting<Integer> C4_MIN_SENTENCES =
      nonNegInt("c4_min_sentences", 5, "C4: drop documents with fewer sentences left");
  public static final Setting<Boolean> C4_REMOVE_CITATIONS =
      Setting.bool("c4_remove_citations", true, "C4: remove [1], [edit], [citation needed]");
  public static final Setting<Boolean> C4_LOREM_IPSUM =
      Setting.bool("c4_lorem_ipsum", true, "C4: drop documents containing 'lorem ipsum'");
  public static final Setting<Boolean> C4_JAVASCRIPT =
      Setting.bool("c4_javascript", true, "C4: drop lines mentioning 'javascript'");
  public static final Setting<Boolean> C4_CURLY_BRACKET =
      Setting.bool("c4_curly_bracket", true, "C4: drop documents with '{' in a kept line");
  public static final Setting<Boolean> C4_POLICY =
      Setting.bool("c4_policy", true,
          "C4 (tfds c4_utils): drop lines with 'terms of use', 'privacy policy', cookies...");

  // --- FineWeb ---
  public static final Setting<Double> LINE_PUNCT_THR =
      fraction("line_punct_thr", 0.12, "FineWeb: lines ending in terminal punctuation, min");
  public static final Setting<Double> SHORT_LINE_THR =
      fraction("short_line_thr", 0.67, "FineWeb: short lines, max");
  public static final Setting<Integer> SHORT_LINE_LENGTH =
      nonNegInt("short_line_length", 30, "FineWeb: a line of at most this many chars is short");
  public static final Setting<Double> CHAR_DUP_RATIO =
      fraction("char_dup_ratio", 0.01, "FineWeb: characters in duplicated lines, max");
  public static final Setting<Double> NEW_LINE_RATIO =
      nonNeg("new_line_ratio", 0.3, "FineWeb: newlines per word, max");

  // --- Chinese profile ---
  public static final Setting<Integer> ZH_MIN_CHARS =
      nonNegInt("zh_min_chars", 200, "ChineseWebText min_len (text of at most this is dropped)");
  public static final Setting<Double> ZH_MIN_AVG_LINE_CHARS =
      nonNeg("zh_min_avg_line_chars", 10.0, "ChineseWebText min_line_len");
  public static final Setting<Double> ZH_MIN_HAN_SHARE =
      fraction("zh_min_han_share", 0.3, "ChineseWebText min_zh_percent (U+4E00..U+9FA5)");
  public static final Setting<Double> ZH_MAX_REPEATED_13GRAM_SHARE =
      fraction("zh_max_repeated_13gram_share", 0.5,
          "ChineseWebText max_repeat: share of character 13-grams occurring more than once");
  public static final Setting<Map<String, String>> ZH_MAX_TOP_NGRAM_CHAR_FRAC =
      ngramMap("zh_max_top_ngram_char_frac", ordered("2", "0.256", "3", "0.201", "4", "0.171"),
          "FineWeb-2 cmn_Hani.yml top_n_grams (jieba word n-grams)");
  public static final Setting<Map<String, String>> ZH_MAX_DUP_NGRAM_CHAR_FRAC =
      ngramMap("zh_max_dup_ngram_char_frac", ordered("5", "0.198", "6", "0.182", "7", "0.167",
              "8", "0.154", "9", "0.14", "10", "0.127"),
          "FineWeb-2 cmn_Hani.yml dup_n_grams (jieba word n-grams)");
  public static final Setting<List<String>> ZH_SENSITIVE_WORDS =
      Setting.stringList("zh_sensitive_words", List.of(),
          "ChineseWebText's sensitive-word rule: words whose distinct occurrences per line are"
              + " counted; empty (off) by default: ChineseWebText's dict.txt has no licence and"
              + " mixes porn/gambling/drug terms with political names, a list a user must choose");
  public static final Setting<Double> ZH_MAX_SENSITIVE_WORDS_PER_LINE =
      nonNeg("zh_max_sensitive_words_per_line", 0.5,
          "ChineseWebText max_sensitive_word_per_line (distinct listed words found / lines)");
  public static final Setting<Double> ZH_MIN_AVG_WORD_LENGTH =
      nonNeg("zh_min_avg_word_length", 1.0, "FineWeb-2 cmn_Hani.yml (jieba words)");
  public static final Setting<Double> ZH_MAX_AVG_WORD_LENGTH =
      nonNeg("zh_max_avg_word_length", 5.0, "FineWeb-2 cmn_Hani.yml (jieba words)");
  public static final Setting<Double> ZH_MIN_ALPHA_WORDS_RATIO =
      fraction("zh_min_alpha_words_ratio", 0.735, "FineWeb-2 cmn max_non_alpha_words_ratio");
  public static final Setting<Double> ZH_MAX_DUP_LINE_FRAC =
      fraction("zh_max_dup_line_frac", 0.287, "FineWeb-2 cmn dup_line_frac");
  public static final Setting<Double> ZH_LINE_PUNCT_THR =
      fraction("zh_line_punct_thr", 0.106, "FineWeb-2 cmn line_punct_thr");
  public static final Setting<Double> ZH_SHORT_LINE_THR =
      Setting.number("zh_short_line_thr", 0.67,
              "FineWeb's short-line share (lines of at most short_line_length characters), kept"
                  + " for Chinese although FineWeb-2's per-language pipeline disables it: our"
                  + " extractor writes a line per block as FineWeb's did, and a page of mostly"
                  + " sub-30-character lines is a list or menu in Chinese too; 999 turns it off")
          .check(v -> v >= 0, "must be >= 0");
  public static final Setting<Double> ZH_CHAR_DUP_RATIO =
      fraction("zh_char_dup_ratio", 0.1,
          "FineWeb-2 pipeline: char_duplicates_ratio 0.1 (\"changed from 0.01 in fineweb english\")");
  public static final Setting<Double> ZH_NEW_LINE_RATIO =
      nonNeg("zh_new_line_ratio", 0.178, "FineWeb-2 cmn new_line_ratio");
  public static final Setting<List<String>> ZH_STOP_WORDS =
      Setting.stringList("zh_stop_words", List.of("的", "年", "在", "月", "是", "和", "日", "了",
          "於", "·", "為", "有", "被", "人", "中", "为", "他", "與", "後", "也", "而", "由"),
          "FineWeb-2 cmn stopwords (min_stop_words applies)");

  public static final List<Setting<?>> ALL = List.of(RULES, DOMAIN_CLEANERS, NORMALIZATION,
      MAX_REPLACEMENT_CHAR_FRAC, PII, CJK_LANGUAGES, PARAGRAPH_DEDUP, PARAGRAPH_DEDUP_MAX_DOCS,
      PARAGRAPH_DEDUP_MATCH, PARAGRAPH_DEDUP_MIN_CHARS, MIN_WORDS, MAX_WORDS, MIN_AVG_WORD_LENGTH, MAX_AVG_WORD_LENGTH,
      MAX_SYMBOL_WORD_RATIO, MAX_BULLET_LINES_RATIO, MAX_ELLIPSIS_LINES_RATIO,
      MIN_ALPHA_WORDS_RATIO, MIN_STOP_WORDS, STOP_WORDS, MAX_DUP_LINE_FRAC, MAX_DUP_PARA_FRAC,
      MAX_DUP_LINE_CHAR_FRAC, MAX_DUP_PARA_CHAR_FRAC, MAX_TOP_NGRAM_CHAR_FRAC,
      MAX_DUP_NGRAM_CHAR_FRAC, C4_TERMINAL_PUNCT, C4_MIN_WORDS_PER_LINE, C4_MAX_WORD_LENGTH,
      C4_MIN_SENTENCES, C4_REMOVE_CITATIONS, C4_LOREM_IPSUM, C4_JAVASCRIPT, C4_CURLY_BRACKET,
      C4_POLICY, LINE_PUNCT_THR, SHORT_LINE_THR, SHORT_LINE_LENGTH, CHAR_DUP_RATIO,
      NEW_LINE_RATIO, ZH_MIN_CHARS, ZH_MIN_AVG_LINE_CHARS, ZH_MIN_HAN_SHARE,
      ZH_MAX_REPEATED_13GRAM_SHARE, ZH_MIN_AVG_WORD_LENGTH, ZH_MAX_AVG_WORD_LENGTH,
      ZH_MIN_ALPHA_WORDS_RATIO, ZH_MAX_DUP_LINE_FRAC, ZH_LINE_PUNCT_THR, ZH_SHORT_LINE_THR, ZH_CHAR_DUP_RATIO,
      ZH_NEW_LINE_RATIO,
      ZH_STOP_WORDS, ZH_MAX_TOP_NGRAM_CHAR_FRAC, ZH_MAX_DUP_NGRAM_CHAR_FRAC, ZH_SENSITIVE_WORDS,
      ZH_MAX_SENSITIVE_WORDS_PER_LINE);

  static SettingsSpec spec(String name) {
    return new SettingsSpec(name, ALL);
  }

  private static Setting<Integer> nonNegInt(String key, int def, String doc) {
    return Setting.integer(key, def, doc).check(v -> v >= 0, "must be >= 0");
  }

  private static Setting<Double> nonNeg(String key, double def, String doc) {
    return Setting.number(key, def, doc).check(v -> v >= 0, "must be >= 0");
  }

  private static Setting<Double> fraction(String key, double def, String doc) {
    return Setting.number(key, def, doc).check(v -> v >= 0 && v <= 1, "must be in [0, 1]");
  }

  private static Setting<Map<String, String>> ngramMap(String key, Map<String, String> def,
      String doc) {
    return Setting.stringMap(key, def, doc).check(CleanSettings::validNgramMap,
        "must map n (1..50) to a fraction in [0, 1], e.g. {2: 0.2}");
  }

  static boolean validNgramMap(Map<String, String> m) {
    try {
      for (Map.Entry<String, String> e : m.entrySet()) {
        int n = Integer.parseInt(e.getKey().trim());
        double f = Double.parseDouble(e.getValue().trim());
        if (n < 1 || n > 50 || !(f >= 0 && f <= 1)) return false;
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
