package org.flmdata.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every key of pipeline.yaml and of a domain file's top level, declared once. */
public final class PipelineSettings {
  private PipelineSettings() {}

  // ---- pipeline.yaml, top level ----
  public static final Setting<String> OUTPUT =
      Setting.string("output", null, "run output root, local path or s3a:// URI; --output overrides")
          .required();
  public static final Setting<String> DOMAINS =
      Setting.string("domains", "domains/", "folder of domain files, relative to pipeline.yaml");
  public static final Setting<Long> SEED =
      Setting.longValue("seed", 1234L, "seed of every sampled decision in the run");
  public static final Setting<Double> REJECTED_TEXT_FRACTION =
      Setting.number("rejected_text_fraction", 0.01,
              "share of rejected documents written with their text for inspection (chosen by a"
                  + " hash of the id, so deterministic); counts and sizes are always written")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");
  public static final Setting<String> TRAINER_ROOT =
      Setting.string("trainer_root", null,
          "the output root as the training cluster opens it (e.g. /lustre/datasets/flm/run1 after"
              + " copying the shards there): blend.txt and blend_per_split.json name shards under"
              + " it. Unset: s3a:// outputs are named s3:// (Megatron-Core's object-storage"
              + " prefix, same bucket and key), local outputs by absolute path");

  /** Top-level keys of pipeline.yaml that hold sections, not values. */
  public static final Set<String> PIPELINE_SECTIONS = Set.of("tokenizer", "mix", "spark");

  public static final SettingsSpec RUN =
      new SettingsSpec("", List.of(OUTPUT, DOMAINS, SEED, REJECTED_TEXT_FRACTION,
          TRAINER_ROOT));

  // ---- pipeline.yaml, tokenizer: ----
  public static final Setting<String> TOKENIZER_PATH =
      Setting.string("path", null, "Hugging Face tokenizer.json or SentencePiece tokenizer.model, relative to pipeline.yaml");
  public static final Setting<String> TOKENIZER_EOD =
      Setting.string("eod", "<|endoftext|>", "token appended after every document");
  public static final SettingsSpec TOKENIZER =
      new SettingsSpec("tokenizer", List.of(TOKENIZER_PATH, TOKENIZER_EOD));

  // ---- pipeline.yaml, mix: ----
  public static final Setting<String> MIX_MODE =
      Setting.oneOf("mode", "budget", Set.of("budget", "epochs", "all"),
          "budget: proportions decide, epochs follow; epochs: Table 1 epochs, budget follows;"
              + " all: as much as the data allows");
  public static final Setting<Double> MIX_TOTAL_TOKENS =
      Setting.number("total_tokens", 2.0e12, "token budget of the mixture (Tele-FLM: 2T)")
          .check(v -> v > 0, "must be > 0");
  public static final Setting<Double> MIX_MAX_EPOCHS =
      Setting.number("max_epochs", 4.0, "warn (budget) or cap (all) past this many epochs")
          .check(v -> v > 0, "must be > 0");
  public static final Setting<Long> MIX_SEED =
      Setting.longValue("seed", 1234L, "seed of the fractional-epoch sample and the shuffle");
  public static final Setting<Boolean> MIX_MATERIALIZE =
      Setting.bool("materialize", true,
          "true: the mix stage repeats and samples documents and tokenize writes one globally"
              + " shuffled mixture (shards/mix/); false (blend-only): every document once,"
              + " per-domain shards, and blend.txt weights from the plan's target tokens so"
              + " Megatron's sampling gives the same domain shares (Megatron-LM --data-path)");
  public static final Setting<Double> MIX_VALID_SHARE =
      Setting.number("valid_share", 0.0,
              "share of each domain's documents held out as validation data, ceil(share x"
                  + " documents), chosen by a seeded hash of the document id (run seed) before"
                  + " mixing; written to shards/valid/<domain>/. 0: none (Tele-FLM reports"
                  + " validation BPB per domain)")
          .check(v -> v >= 0 && v < 1, "must be >= 0 and < 1");
  public static final Setting<Double> MIX_TEST_SHARE =
      Setting.number("test_share", 0.0,
              "share of each domain's documents held out as test data (as valid_share, the"
                  + " documents after the validation ones in hash order); shards/test/<domain>/")
          .check(v -> v >= 0 && v < 1, "must be >= 0 and < 1");
  public static final Setting<Long> MIX_VALID_TOKENS =
      Setting.longValue("valid_tokens", 0L,
              "instead of valid_share: tokens (EOD included) of each domain held out as validation"
                  + " data, documents taken in seeded hash order up to the nearest document")
          .check(v -> v >= 0, "must be >= 0");
  public static final Setting<Long> MIX_TEST_TOKENS =
      Setting.longValue("test_tokens", 0L,
              "instead of test_share: tokens of each domain held out as test data")
          .check(v -> v >= 0, "must be >= 0");
  public static final SettingsSpec MIX =
      new SettingsSpec("mix",
          List.of(MIX_MODE, MIX_TOTAL_TOKENS, MIX_MAX_EPOCHS, MIX_SEED, MIX_MATERIALIZE,
              MIX_VALID_SHARE, MIX_TEST_SHARE, MIX_VALID_TOKENS, MIX_TEST_TOKENS));

  /** Whether a {@code mix:} section holds validation or test data out of training. */
  public static boolean holdsOut(Settings mix) {
    return mix.get(MIX_VALID_SHARE) > 0 || mix.get(MIX_TEST_SHARE) > 0
        || mix.get(MIX_VALID_TOKENS) > 0 || mix.get(MIX_TEST_TOKENS) > 0;
  }

  // ---- pipeline.yaml, spark: ----
  public static final Setting<String> SPARK_MASTER =
      Setting.string("master", "local[*]", "master of local runs; spark-submit decides on clusters");
  public static final Setting<Map<String, String>> SPARK_CONF =
      Setting.stringMap("conf", Map.of(), "Spark configuration for local runs");
  public static final SettingsSpec SPARK =
      new SettingsSpec("spark", List.of(SPARK_MASTER, SPARK_CONF));

  // ---- domains/<name>.yaml, top level ----
  public static final Setting<String> DOMAIN_NAME =
      Setting.string("name", null, "domain name as in Tele-FLM Table 1, e.g. WebText")
          .required()
          .check(v -> v.matches("[A-Za-z0-9][A-Za-z0-9_.-]*"),
              "must be letters, digits, '_', '.' or '-' (it names output folders)");
  public static final Setting<List<String>> LANGUAGES =
      Setting.stringList("languages", null, "language codes this domain keeps, e.g. [en, zh]")
          .required()
          .check(v -> !v.isEmpty(), "must list at least one language")
          .check(v -> v.stream().allMatch(l -> l.matches("[a-z]{2,3}(-[A-Za-z]+)?")),
              "must be ISO 639 codes such as en, zh");
  public static final Setting<Double> PROPORTION =
      Setting.number("proportion", null, "percent of training tokens (Tele-FLM Table 1)")
          .required()
          .check(v -> v >= 0 && v <= 100, "must be between 0 and 100 (percent)");
  public static final Setting<Double> EPOCHS =
      Setting.number("epochs", 1.0, "passes over this domain's data (Tele-FLM Table 1)")
          .check(v -> v > 0, "must be > 0");
  public static final SettingsSpec DOMAIN =
      new SettingsSpec("", List.of(DOMAIN_NAME, LANGUAGES, PROPORTION, EPOCHS));

  // ---- domains/<name>.yaml, inputs[i] ----
  public static final Setting<String> INPUT_PATH =
      Setting.string("path", null, "path or glob, local or s3a://, relative to the domain file")
          .required();
  public static final Setting<String> INPUT_FORMAT =
      Setting.string("format", null, "warc | html | jsonl | parquet | text")
          .required()
          .check(v -> InputFormat.parse(v) != null, "must be one of " + InputFormat.allKeys());
  public static final Setting<String> INPUT_SOURCE =
      Setting.string("source", null, "subset name written to Document.source (default: domain)");
  public static final Setting<String> INPUT_TEXT_FIELD =
      Setting.string("text_field", "text", "JSONL/Parquet field holding the text");
  public static final Setting<String> INPUT_ID_FIELD =
      Setting.string("id_field", null, "JSONL/Parquet field holding a stable id (optional)");
  public static final Setting<String> INPUT_LANG_FIELD =
      Setting.string("lang_field", null,
          "JSONL/Parquet field holding the language; language identification is then skipped");
  public static final Setting<String> INPUT_URL_FIELD =
      Setting.string("url_field", null, "JSONL/Parquet field holding the URL (optional)");
  public static final Setting<String> INPUT_TEXT_UNIT =
      Setting.oneOf("text_unit", "file", Set.of("file", "line"),
          "text format: one document per file or per line");
  public static final SettingsSpec INPUT =
      new SettingsSpec("", List.of(INPUT_PATH, INPUT_FORMAT, INPUT_SOURCE, INPUT_TEXT_FIELD,
          INPUT_ID_FIELD, INPUT_LANG_FIELD, INPUT_URL_FIELD, INPUT_TEXT_UNIT));
}
