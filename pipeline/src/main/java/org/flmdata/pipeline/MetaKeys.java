package org.flmdata.pipeline;

/**
 * The {@code meta} keys that cross module boundaries, declared once: the stage that writes a key
 * and the stages, commands and report that read it all name it here, so neither side can drift (a
 * default that named a key no stage wrote once hid dedup's quality ordering). Values are strings;
 * a key is absent when the fact is unknown. Keys a stage counts for the report start with the
 * stage's name and a dot ({@link org.flmdata.pipeline.ledger.MetaCounters}).
 */
public final class MetaKeys {
  private MetaKeys() {}

  // ---- extract: where a document came from and how it was read

  /** Full path (URI) of the input file the document came from (extract). */
  public static final MetaKey FILE = MetaKey.text("file", "input file (URI) the document came from");

  /**
   * Byte offset of the record in the file (extract): the WARC record's offset as stored
   * (compressed for .warc.gz); the line's offset in the decompressed stream for JSONL and text.
   */
  public static final MetaKey OFFSET = MetaKey.whole("offset", "byte offset of the record");

  /** 1-based row number inside a Parquet file (extract). */
  public static final MetaKey ROW = MetaKey.whole("row", "row number inside a Parquet file");

  /** Media type of the payload as served (HTTP Content-Type) or declared by the record (extract). */
  public static final MetaKey CONTENT_TYPE =
      MetaKey.text("content_type", "media type as served or declared");

  /**
   * Media type found in the payload's bytes (an HTML start tag, or Tika's magic-byte detection)
   * when none was declared or the declared one was generic (extract).
   */
  public static final MetaKey DETECTED_TYPE =
      MetaKey.text("content_type_detected", "media type found in the payload's bytes");

  /** WARC-Date of the capture, as written in the record, ISO 8601 (extract). */
  public static final MetaKey FETCH_DATE = MetaKey.text("fetch_date", "capture date (ISO 8601)");

  /** The page's {@code <title>} or headline, whitespace collapsed (extract, curated inputs). */
  public static final MetaKey TITLE = MetaKey.text("title", "the page's title");

  /** Charset the page was decoded with, Java name, e.g. UTF-8, GB18030 (extract). */
  public static final MetaKey CHARSET = MetaKey.text("charset", "charset the page was decoded with");

  /** Where the charset came from: bom, http, meta, utf8 or guess (extract). */
  public static final MetaKey CHARSET_SOURCE =
      MetaKey.text("charset_source", "where the charset came from");

  /**
   * Why the payload is incomplete (extract): the WARC-Truncated value (length, time, ...), or
   * {@code payload} when its chunked or compressed body ended early, or {@code text} when a
   * document parsed by Tika gave more than {@code max_record_bytes} characters.
   */
  public static final MetaKey TRUNCATED = MetaKey.text("truncated", "why the payload is incomplete");

  /** The language as the input gave it, when it differs from the code kept in {@code lang}. */
  public static final MetaKey LANG_GIVEN = MetaKey.text("lang_given", "language the input gave");

  /** The language identifier's confidence in [0, 1], three decimals (extract). */
  public static final MetaKey LANG_SCORE =
      MetaKey.decimal("lang_score", "language-ID confidence in [0, 1]");

  // ---- clean: figures summed per domain and language by the report

  /** Prefix of the characters a line-level clean rule removed: {@code clean.removed.<rule>}. */
  public static final String CLEAN_REMOVED_PREFIX = "clean.removed.";

  /** Prefix of PII replacements per type: {@code clean.pii.<type>}. */
  public static final String CLEAN_PII_PREFIX = "clean.pii.";

  // ---- filter

  /**
   * The fastText quality model's probability of the wanted label, in [0, 1] (filter); dedup's
   * survivor order and mix's quality bands read it.
   */
  public static final MetaKey QUALITY =
      MetaKey.decimal("quality", "quality score in [0, 1] (filter's fastText model)");

  /** Benchmark n-grams removed by decontamination, per benchmark (filter). */
  public static final MetaKey DECONTAM =
      MetaKey.text("decontam", "benchmark n-grams removed by decontamination");

  // ---- dedup

  /** Size of the duplicate cluster a kept document survived, itself included (dedup). */
  public static final MetaKey DEDUP_CLUSTER_SIZE =
      MetaKey.whole("dedup_cluster_size", "size of the duplicate cluster the document survived");

  // ---- mix: the contract between mix and tokenize (and the report's achieved shares)

  /** Copies of the document in the materialised mixture, >= 1 (mix, materialised mode). */
  public static final MetaKey MIX_COPIES =
      MetaKey.whole("mix.copies", "copies of the document in the mixture");

  /** Tokens of the document without EOD, counted with the run's tokenizer (mix). */
  public static final MetaKey MIX_TOKENS =
      MetaKey.whole("mix.tokens", "tokens of the document without EOD");

  /**
   * A held-out document's split, {@code valid} or {@code test} (mix); training documents have
   * none. Tokenize writes them to their own shards, the report leaves them out of the shares.
   */
  public static final MetaKey MIX_SPLIT =
      MetaKey.text("mix.split", "held-out split (valid, test); absent for training");
}
