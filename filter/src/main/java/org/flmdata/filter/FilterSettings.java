package org.flmdata.filter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.SettingsSpec;

/** The {@code filter:} section of a domain file: every key, declared once. */
final class FilterSettings {
  private FilterSettings() {}

  static final Setting<Map<String, String>> QUALITY_MODELS =
      Setting.stringMap("quality_models", Map.of(),
          "fastText quality classifier per language, {lang: path} (.bin or .ftz; local, s3a://,"
              + " hdfs://; relative to the domain file); key '*' for every other language."
              + " Empty: no quality filtering (curated domains such as books and Wikipedia)");
  static final Setting<String> QUALITY_LABEL =
      Setting.string("quality_label", "__label__hq",
          "label whose probability is the quality score (meta.quality); __label__hq as trained by"
              + " 'pipeline quality train'")
          .check(v -> v.startsWith("__label__") && !v.contains(" "),
              "must be a fastText label such as __label__hq");
  static final Setting<Double> QUALITY_THRESHOLD =
      Setting.number("quality_threshold", 0.5,
          "documents scoring below it are rejected (quality/below-threshold); 0.5 is the decision"
              + " boundary of a binary classifier")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");
  static final Setting<Map<String, String>> QUALITY_THRESHOLDS =
      Setting.stringMap("quality_thresholds", Map.of(),
          "per-language thresholds {lang: number} overriding quality_threshold")
          .check(FilterSettings::probabilities, "must map languages to numbers between 0 and 1");
  static final Setting<Double> KEEP_TOP_FRACTION =
      Setting.number("keep_top_fraction", 0.0,
          "0: use thresholds; else keep this fraction of each language's documents with the"
              + " highest scores, the rest quality/below-top-fraction (DCLM keeps the top 10%,"
              + " Li et al. 2024)")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");
  static final Setting<Double> DROP_BOTTOM_FRACTION =
      Setting.number("drop_bottom_fraction", 0.0,
          "0: use thresholds; else reject this fraction of each language's documents with the"
              + " lowest scores (quality/in-bottom-fraction), the cut computed exactly over the"
              + " whole stage; a share rather than a probability, so it means the same for any"
              + " model (GPT-3 and Tele-FLM drop the web text least like their curated sources)")
          .check(v -> v >= 0 && v < 1, "must be at least 0 and below 1");

  static final Setting<Map<String, String>> DECONTAM_BENCHMARKS =
      Setting.stringMap("decontam_benchmarks", Map.of(),
          "benchmark test sets, {name: path} (JSONL/JSON/CSV/plain text file or folder); the name"
              + " is the reason under which removals are counted (decontam/<name>). Empty: off")
          .check(m -> m.keySet().stream().allMatch(k -> k.matches("[a-z0-9][a-z0-9_.-]*")),
              "must be named in lower case letters, digits, '_', '.', '-'");
  static final Setting<Integer> DECONTAM_NGRAM =
      Setting.integer("decontam_ngram", 13,
          "n of the n-grams (words; characters for CJK); 13 as GPT-3 (Brown et al. 2020, app. C)")
          .check(v -> v >= 3 && v <= 64, "must be between 3 and 64");
  static final Setting<String> DECONTAM_MODE =
      Setting.oneOf("decontam_mode", "split", Set.of("split", "remove"),
          "remove: a document with any match is dropped (instruct/QA data, as Tele-FLM);"
              + " split: GPT-3's recipe, cut the matches out of long documents");
  static final Setting<Integer> DECONTAM_CUT_CHARS =
      Setting.integer("decontam_cut_chars", 200,
          "characters cut on each side of a match (GPT-3: 200)")
          .check(v -> v >= 0, "must be >= 0");
  static final Setting<Integer> DECONTAM_MIN_PIECE_CHARS =
      Setting.integer("decontam_min_piece_chars", 200,
          "pieces left after cutting that are shorter are dropped (GPT-3: 200)")
          .check(v -> v >= 0, "must be >= 0");
  static final Setting<Integer> DECONTAM_MAX_SPLITS =
      Setting.integer("decontam_max_splits", 10,
          "a document split more times is dropped (GPT-3: 10)")
          .check(v -> v >= 0, "must be >= 0");
  static final Setting<Integer> DECONTAM_COMMON_DOCS =
      Setting.integer("decontam_common_docs", 10,
          "n-grams found in more training documents than this are common phrases and ignored"
              + " (GPT-3: 10); counted over all domains of the run")
          .check(v -> v >= 1, "must be >= 1");
  static final Setting<Long> DECONTAM_BROADCAST_MAX_NGRAMS =
      Setting.longValue("decontam_broadcast_max_ngrams", 20_000_000L,
          "largest benchmark n-gram set broadcast to executors (16 bytes an n-gram: 20M = 320 MB"
              + " per executor); a larger set is matched by a join (a shuffle of every document's"
              + " n-grams). The smallest value over the run's domains applies")
          .check(v -> v >= 0, "must be >= 0");

  static final SettingsSpec SECTION = new SettingsSpec(FilterStage.NAME, List.of(
      QUALITY_MODELS, QUALITY_LABEL, QUALITY_THRESHOLD, QUALITY_THRESHOLDS, KEEP_TOP_FRACTION,
      DROP_BOTTOM_FRACTION, DECONTAM_BENCHMARKS, DECONTAM_NGRAM, DECONTAM_MODE, DECONTAM_CUT_CHARS,
      DECONTAM_MIN_PIECE_CHARS, DECONTAM_MAX_SPLITS, DECONTAM_COMMON_DOCS,
      DECONTAM_BROADCAST_MAX_NGRAMS));

  private static boolean probabilities(Map<String, String> m) {
    for (String v : m.values()) {
      try {
        double d = Double.parseDouble(v);
        if (!(d >= 0 && d <= 1)) return false;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
