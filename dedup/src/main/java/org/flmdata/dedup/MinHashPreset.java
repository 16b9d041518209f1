package org.flmdata.dedup;

import java.util.Locale;

/**
 * Named MinHash/LSH settings with their source. The S-curve of {@code bands x rows} (probability
 * that a pair at Jaccard s becomes a candidate, 1 - (1 - s^r)^b) is printed by the stage.
 */
public enum MinHashPreset {
  /**
   * Ours, the default with exact-Jaccard verification: 5-word shingles, 21 x 5 (105 hashes). The
   * smallest b x r with r = 5 whose candidate probability at Jaccard 0.8 (0.99976) is at least
   * that of Spark MLlib MinHashLSH with 5 hash tables (1 - 0.2^5 = 0.99968); the false positives
   * its flatter S-curve lets through (0.47 at Jaccard 0.5) are removed by {@code verify: jaccard}.
   */
  RECALL(ShingleUnit.WORD, 5, 21, 5),
  /** {@link #RECALL}'s bands on 5-character shingles, for Chinese, Japanese and Korean. */
  ZH_RECALL(ShingleUnit.CHAR, 5, 21, 5),
  /** datatrove {@code MinhashConfig} defaults, used for FineWeb: 5-word shingles, 14 x 8. */
  FINEWEB(ShingleUnit.WORD, 5, 14, 8),
  /**
   * NeMo Curator fuzzy dedup: 20 buckets x 13 hashes on character shingles; 24-character
   * shingles as NeMo Curator's docs recommend (its 24.07 default was 5, with more false positives).
   */
  NEMO(ShingleUnit.CHAR, 24, 20, 13),
  /**
   * Chinese: 5-character shingles, 14 x 8. Whitespace 5-word shingles see a Chinese paragraph as
   * one "word" and miss its near-duplicates (text-dedup issue 103).
   */
  ZH_CHAR(ShingleUnit.CHAR, 5, 14, 8);

  public final ShingleUnit unit;
  public final int shingleSize;
  public final int bands;
  public final int rows;

  MinHashPreset(ShingleUnit unit, int shingleSize, int bands, int rows) {
    this.unit = unit;
    this.shingleSize = shingleSize;
    this.bands = bands;
    this.rows = rows;
  }

  /** The config name, e.g. {@code zh_char}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code auto}: {@link #ZH_RECALL} for zh, ja and ko documents, {@link #RECALL} otherwise. */
  public static MinHashPreset auto(String lang) {
    return cjk(lang) ? ZH_RECALL : RECALL;
  }

  /** Whether {@code lang} is written without spaces between words (zh, ja, ko). */
  public static boolean cjk(String lang) {
    if (lang == null) return false;
    String l = lang.toLowerCase(Locale.ROOT);
    return l.startsWith("zh") || l.startsWith("ja") || l.startsWith("ko");
  }

  /** The preset named {@code key} (case-insensitive). */
  public static MinHashPreset of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
