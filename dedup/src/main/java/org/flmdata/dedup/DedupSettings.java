package org.flmdata.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.io.Paths;

/**
 * The {@code dedup:} section of a domain file, and the run-wide plan made of all domains'
 * sections. {@code scope} and {@code priority} are per domain; the other keys decide how
 * documents of one language are compared across domains, so every domain must give them the
 * same value (checked before any Spark work).
 */
public final class DedupSettings {
  private DedupSettings() {}

  public static final String SCOPE_LANGUAGE = "language";
  public static final String SCOPE_DOMAIN = "domain";

  public static final Setting<String> SCOPE =
      Setting.oneOf("scope", SCOPE_LANGUAGE, Set.of(SCOPE_LANGUAGE, SCOPE_DOMAIN),
          "language: compared with every document of its language in every domain whose scope is"
              + " language (Tele-FLM cross-dedups each language across all its subsets);"
              + " domain: only with documents of its own domain and language");
  public static final Setting<Integer> PRIORITY =
      Setting.integer("priority", 0,
          "survivor choice: in a duplicate group, documents of the domain with the highest"
              + " priority survive (e.g. prefer curated books over web copies); 0 for all by"
              + " default")
          .check(v -> Math.abs(v) <= 1_000_000, "must be between -1000000 and 1000000");
  public static final Setting<List<String>> SURVIVOR_ORDER =
      Setting.stringList("survivor_order", List.of("priority", "quality", "length"),
              "criteria choosing the survivor of a duplicate group, in order: priority (higher"
                  + " wins), quality (meta quality_key, higher wins, missing loses), length"
                  + " (UTF-8 bytes, longer wins); ties go to the smallest id, so the choice is"
                  + " deterministic")
          .check(l -> Set.of("priority", "quality", "length").containsAll(l)
              && new LinkedHashSet<>(l).size() == l.size(),
              "must list distinct criteria of [priority, quality, length]");
  /**
   * The meta key the filter stage writes its quality score to ({@link MetaKeys#QUALITY}); {@code
   * CrossStageQualityTest} (tests module) runs filter and dedup together.
   */
  static final String QUALITY_META = MetaKeys.QUALITY.name();

  public static final Setting<String> QUALITY_KEY =
      Setting.string("quality_key", QUALITY_META,
          "meta key holding the quality score used by survivor_order; default quality, the key"
              + " the filter stage writes its fastText score to (meta.quality)");
  public static final Setting<Boolean> NEAR =
      Setting.bool("near", true, "MinHash/LSH near-duplicate removal after exact dedup");
  public static final Setting<String> PRESET =
      Setting.oneOf("preset", "auto",
          Set.of("auto", "recall", "zh_recall", "fineweb", "nemo", "zh_char"),
          "MinHash preset: recall (5-word shingles, 21x5), zh_recall (5-char shingles, 21x5),"
              + " fineweb (5-word, 14x8; datatrove/FineWeb), nemo (24-char, 20x13; NeMo Curator),"
              + " zh_char (5-char, 14x8), auto (zh_recall for zh/ja/ko, recall otherwise)."
              + " Default auto: with verify jaccard removing every pair below the threshold, the"
              + " bands are chosen for recall: 21x5 passes a pair at Jaccard 0.8 with probability"
              + " 0.99976, at least Spark MLlib MinHashLSH's 5 OR-ed tables (1 - 0.2^5 = 0.99968),"
              + " where FineWeb's 14x8 passes 0.924; with verify none prefer fineweb (21x5 passes"
              + " 47% of pairs at Jaccard 0.5)");
  public static final Setting<Integer> SHINGLE_SIZE =
      Setting.integer("shingle_size", 0, "shingle size overriding the preset's; 0 keeps it")
          .check(v -> v >= 0 && v <= 1000, "must be between 0 and 1000");
  public static final Setting<Integer> BANDS =
      Setting.integer("bands", 0, "LSH bands overriding the preset's; 0 keeps it")
          .check(v -> v >= 0 && v <= 1000, "must be between 0 and 1000");
  public static final Setting<Integer> ROWS =
      Setting.integer("rows", 0, "rows (hashes) per band overriding the preset's; 0 keeps it")
          .check(v -> v >= 0 && v <= 1000, "must be between 0 and 1000");
  public static final String VERIFY_NONE = "none";
  public static final String VERIFY_SIGNATURE = "signature";
  public static final String VERIFY_JACCARD = "jaccard";

  public static final Setting<String> VERIFY =
      Setting.oneOf("verify", VERIFY_JACCARD,
          Set.of(VERIFY_NONE, VERIFY_SIGNATURE, VERIFY_JACCARD),
          "check of each candidate pair (a document and its band bucket's survivor) before it"
              + " becomes an edge: none (datatrove/FineWeb), signature (share of equal MinHash"
              + " slots, cheap), jaccard (exact Jaccard of the two shingle sets, as NeMo Curator's"
              + " false-positive check; one more shuffle of the candidate documents' text)."
              + " Default jaccard: without it, 14x8 bands pass pairs below the threshold"
              + " (DedupBenchmark at J 0.8: precision 0.949 with none, 1.000 with jaccard, for"
              + " about 20% more time)");
  public static final Setting<Double> VERIFY_THRESHOLD =
      Setting.number("verify_threshold", 0.8,
              "similarity a verified candidate pair needs; 0.8 as NeMo Curator's"
                  + " jaccard_threshold and FineWeb's target")
          .check(v -> v >= 0 && v <= 1, "must be between 0 and 1");

  public static final Setting<Long> LOCAL_COMPONENTS_MAX_EDGES =
      Setting.longValue("local_components_max_edges", 2_000_000L,
              "candidate graphs (verified edges of all scopes) of at most this many edges get"
                  + " their connected components inside one task (union-find, about 40 bytes per"
                  + " edge: 80 MB at the default, within a 1 GB executor); larger graphs take"
                  + " the distributed rounds (two shuffles of edge blocks per round);"
                  + " 0 always distributes")
          .check(v -> v >= 0 && v <= 50_000_000L, "must be between 0 and 50000000");

  public static final Setting<String> INDEX =
      Setting.string("index", "",
          "persistent dedup index of what earlier runs kept (local path, hdfs:// or s3a://;"
              + " relative to the domain file): this run's documents that duplicate indexed ones"
              + " are removed (dedup/exact/exact-indexed, dedup/minhash/near-indexed, with the"
              + " indexed id), indexed documents never are, and this run's survivors are appended"
              + " as a new index generation once the stage's output is written. Empty: no index."
              + " Its MinHash settings (preset, shingle_size, bands, rows, seed) must be the"
              + " index's; verify must be jaccard or none (the index keeps texts, not signatures)");

  public static final Setting<Boolean> STATS_DISTINCT_SHINGLES =
      Setting.bool("stats_distinct_shingles", true,
          "report/stats.json gets, per language, the distinct shingles of the dedup input and of"
              + " the kept documents (DataSketches CPC, lgK 11, ~1.2% error); costs one shingling"
              + " pass (no MinHash) over both when the report is written");

  static final List<Setting<?>> ALL = List.of(SCOPE, PRIORITY, SURVIVOR_ORDER, QUALITY_KEY, NEAR,
      PRESET, SHINGLE_SIZE, BANDS, ROWS, VERIFY, VERIFY_THRESHOLD, LOCAL_COMPONENTS_MAX_EDGES,
      INDEX, STATS_DISTINCT_SHINGLES);

  /** Keys every domain must agree on. */
  static final List<Setting<?>> RUN_WIDE = List.of(SURVIVOR_ORDER, QUALITY_KEY, NEAR, PRESET,
      SHINGLE_SIZE, BANDS, ROWS, VERIFY, VERIFY_THRESHOLD, LOCAL_COMPONENTS_MAX_EDGES, INDEX,
      STATS_DISTINCT_SHINGLES);

  /** Per-domain part of the plan. */
  public record DomainPlan(boolean languageScope, int priority) implements Serializable {}

  /**
   * The run-wide dedup plan: small and serializable, it travels to executors.
   *
   * @param index resolved index path, or null without an index
   * @param seed permutation seed (the run's seed)
   */
  public record Plan(Map<String, DomainPlan> domains, List<String> survivorOrder,
      String qualityKey, boolean near, String preset, int shingleSize, int bands, int rows,
      String verify, double verifyThreshold, long localComponentsMaxEdges, String index,
      boolean statsDistinctShingles, long seed)
      implements Serializable {

    /** What an index built by this plan records and a later run must repeat. */
    public Map<String, Object> indexPreset() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("exact_key", ExactKey.VERSION);
      m.put("near", near);
      m.put("preset", preset);
      m.put("shingle_size", shingleSize);
      m.put("bands", bands);
      m.put("rows", rows);
      m.put("seed", seed);
      return m;
    }

    /** MinHash settings for documents of {@code lang}. */
    public MinHashParams params(String lang) {
      MinHashPreset p = preset.equals("auto") ? MinHashPreset.auto(lang) : MinHashPreset.of(preset);
      return MinHashParams.of(p).with(shingleSize, bands, rows);
    }

    /** Scope key: language, or domain and language. */
    public String scope(String domain, String lang) {
      DomainPlan d = domains.get(domain);
      String l = lang == null ? "und" : lang;
      return d == null || d.languageScope() ? "L|" + l : "D|" + domain + "|" + l;
    }

    public int priority(String domain) {
      DomainPlan d = domains.get(domain);
      return d == null ? 0 : d.priority();
    }
  }

  /** Builds the plan, or throws {@link ConfigException} when domains disagree on a run-wide key. */
  public static Plan plan(PipelineConfig config, String section) {
    Map<String, DomainPlan> domains = new LinkedHashMap<>();
    Settings first = null;
    String firstFile = null;
    for (DomainConfig d : config.domains()) {
      Settings s = d.section(section);
      domains.put(d.name(), new DomainPlan(SCOPE_LANGUAGE.equals(s.get(SCOPE)), s.get(PRIORITY)));
      if (first == null) {
        first = s;
        firstFile = d.file();
        continue;
      }
      for (Setting<?> k : RUN_WIDE) {
        if (!Objects.equals(first.get(k), s.get(k))) {
          throw ConfigException.at(d.file(), section + "." + k.key(),
              "must be the same in every domain (documents are compared across domains), got "
                  + s.get(k) + " here and " + first.get(k) + " in " + firstFile);
        }
      }
    }
    if (first == null) {
      return new Plan(domains, SURVIVOR_ORDER.defaultValue(), QUALITY_KEY.defaultValue(), true,
          PRESET.defaultValue(), 0, 0, 0, VERIFY.defaultValue(), VERIFY_THRESHOLD.defaultValue(),
          LOCAL_COMPONENTS_MAX_EDGES.defaultValue(), null, STATS_DISTINCT_SHINGLES.defaultValue(),
          config.seed());
    }
    String index = first.get(INDEX);
    if (index != null && !index.isBlank()) {
      if (VERIFY_SIGNATURE.equals(first.get(VERIFY))) {
        throw ConfigException.at(firstFile, section + "." + VERIFY.key(), "must be jaccard or"
            + " none with an index (the index keeps texts, not signatures), got signature");
      }
      index = Paths.resolve(Paths.parent(firstFile), index.strip());
    } else {
      index = null;
    }
    return new Plan(domains, new ArrayList<>(first.get(SURVIVOR_ORDER)), first.get(QUALITY_KEY),
        first.get(NEAR), first.get(PRESET), first.get(SHINGLE_SIZE), first.get(BANDS),
        first.get(ROWS), first.get(VERIFY), first.get(VERIFY_THRESHOLD),
        first.get(LOCAL_COMPONENTS_MAX_EDGES), index, first.get(STATS_DISTINCT_SHINGLES),
        config.seed());
  }
}
