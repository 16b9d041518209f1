package org.flmdata.clean;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Partitions;
import org.flmdata.pipeline.StageCache;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.config.SettingsSpec;

/**
 * The clean stage: per document, normalisation, the domain's cleaners and PII masking ({@link
 * DocumentCleaner#before}); then corpus-wide paragraph dedup per language ({@link
 * ParagraphDedup}); then the heuristic rule sets ({@link DocumentCleaner#after}). Every document
 * leaves as one Outcome: kept (modified) or rejected as {@code clean/<rule>/<reason>} ({@link
 * CleanReason}). Settings: the domain files' {@code clean:} section, {@link #SECTION} (keys and
 * sources in {@link CleanSettings}).
 */
public final class CleanStage extends BaseStage {
  public static final String NAME = "clean";

  /** The {@code clean:} section of a domain file. */
  public static final SettingsSpec SECTION = CleanSettings.spec(NAME);

  public CleanStage() {
    super(SECTION);
  }

  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    SparkSession spark = ctx.spark();
    Map<String, Settings> byDomain = new HashMap<>();
    for (DomainConfig d : ctx.config().domains()) byDomain.put(d.name(), d.section(NAME));
    JavaRDD<Document> docs = input.javaRDD();
    // the line-hash shuffle is sized like the input: one row per distinct line of each document
    int shuffle = Math.max(1, docs.getNumPartitions());
    return spark.createDataset(run(docs, byDomain, shuffle, ctx.cache()).rdd(), Outcome.ENCODER);
  }

  /**
   * The outcomes of {@code docs} with the per-domain settings {@code byDomain} (defaults for a
   * domain not listed); {@code shufflePartitions} sizes the paragraph-dedup shuffle.
   */
  public static JavaRDD<Outcome> run(JavaRDD<Document> docs, Map<String, Settings> byDomain,
      int shufflePartitions) {
    return run(docs, byDomain, shufflePartitions, new StageCache());
  }

  /** As {@link #run(JavaRDD, Map, int)}, persisting through {@code cache} (released by the runner). */
  static JavaRDD<Outcome> run(JavaRDD<Document> docs, Map<String, Settings> byDomain,
      int shufflePartitions, StageCache cache) {
    Cleaners cleaners = new Cleaners(byDomain);
    JavaRDD<Outcome> first = docs.mapPartitions(it -> Partitions.map(it, d -> {
      DocumentCleaner c = cleaners.of(d.getDomain());
      return Outcome.of(d, c.before(d));
    }));
    if (!cleaners.anyDedup()) {
      return first.map(o -> o.isKept() ? finish(o, o.toDocument(), cleaners) : o);
    }
    // read three times (hashes, rejected, zip): persisted so "before" runs once per document,
    // until the runner has written the outcomes
    first = cache.persist(first.setName("clean-before-dedup"), StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Outcome> rejected = first.filter(o -> !o.isKept());
    JavaRDD<Outcome> kept = first.filter(Outcome::isKept);
    JavaPairRDD<Integer, long[]> drops =
        ParagraphDedup.dropLists(kept, new OutcomeKeys(cleaners), shufflePartitions);
    JavaRDD<Outcome> deduped = kept.zipPartitions(drops,
        (docsIt, dropIt) -> new Deduped(docsIt, ParagraphDedup.collect(dropIt), cleaners));
    return rejected.union(deduped);
  }

  /** The after-dedup rules for a kept document; {@code o} supplies bytesIn. */
  private static Outcome finish(Outcome o, Document d, Cleaners cleaners) {
    Verdict v = cleaners.of(d.getDomain()).after(d);
    if (v instanceof Verdict.Keep k) return Outcome.kept(k.doc(), o.getBytesIn());
    Verdict.Drop drop = (Verdict.Drop) v;
    return Outcome.rejected(d, drop.reason(), drop.detail(), o.getBytesIn());
  }

  /** The cleaners of every domain, built once per partition's JVM from small settings. */
  static final class Cleaners implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Settings> settings;
    private transient Map<String, DocumentCleaner> built;
    private final DocumentCleaner fallback;

    Cleaners(Map<String, Settings> settings) {
      this.settings = new HashMap<>(settings);
      this.fallback = new DocumentCleaner(SECTION.defaults("defaults"));
    }

    DocumentCleaner of(String domain) {
      if (built == null) {
        Map<String, DocumentCleaner> m = new HashMap<>();
        settings.forEach((k, v) -> m.put(k, new DocumentCleaner(v)));
        built = m;
      }
      DocumentCleaner c = domain == null ? null : built.get(domain);
      return c != null ? c : fallback;
    }

    private transient Settings defaults;

    private Settings settingsOf(String domain) {
      Settings s = domain == null ? null : settings.get(domain);
      if (s != null) return s;
      if (defaults == null) defaults = SECTION.defaults("defaults");
      return defaults;
    }

    int maxDocs(String domain) {
      Settings s = settingsOf(domain);
      return s.get(CleanSettings.PARAGRAPH_DEDUP) ? s.get(CleanSettings.PARAGRAPH_DEDUP_MAX_DOCS) : 0;
    }

    boolean exact(String domain) {
      return "exact".equals(settingsOf(domain).get(CleanSettings.PARAGRAPH_DEDUP_MATCH));
    }

    int minChars(String domain) {
      return settingsOf(domain).get(CleanSettings.PARAGRAPH_DEDUP_MIN_CHARS);
    }

    boolean anyDedup() {
      if (settings.isEmpty()) return maxDocs(null) > 0;
      Set<Boolean> on = new HashSet<>();
      settings.values().forEach(s -> on.add(s.get(CleanSettings.PARAGRAPH_DEDUP)));
      return on.contains(Boolean.TRUE);
    }
  }

  /** Dedup's view of a kept Outcome. */
  private record OutcomeKeys(Cleaners cleaners) implements ParagraphDedup.Keyed {
    @Override
    public String lang(Object doc) {
      return ((Outcome) doc).getLang();
    }

    @Override
    public String id(Object doc) {
      return ((Outcome) doc).getId();
    }

    @Override
    public String text(Object doc) {
      return ((Outcome) doc).getText();
    }

    @Override
    public int maxDocs(Object doc) {
      return cleaners.maxDocs(((Outcome) doc).getDomain());
    }

    @Override
    public boolean exact(Object doc) {
      return cleaners.exact(((Outcome) doc).getDomain());
    }
  }

  /** Applies a partition's line decisions to its documents, lazily, then the after-dedup rules. */
  private static final class Deduped implements Iterator<Outcome> {
    private final Iterator<Outcome> docs;
    private final Map<Long, Integer> keepers;
    private final Cleaners cleaners;
    private int i = 0;

    Deduped(Iterator<Outcome> docs, Map<Long, Integer> keepers, Cleaners cleaners) {
      this.docs = docs;
      this.keepers = keepers;
      this.cleaners = cleaners;
    }

    @Override
    public boolean hasNext() {
      return docs.hasNext();
    }

    @Override
    public Outcome next() {
      Outcome o = docs.next();
      int index = i++;
      Document d = o.toDocument();
      if (cleaners.maxDocs(o.getDomain()) <= 0) return finish(o, d, cleaners);
      String before = d.getText() == null ? "" : d.getText();
      String lang = o.getLang() == null ? "und" : o.getLang();
      // a repeated line stays only in the document the dedup chose to keep it in
      String text = ParagraphDedup.apply(before, h -> {
        Integer keeper = keepers.get(ParagraphDedup.key(h, lang));
        return keeper != null && keeper != index;
      }, cleaners.exact(o.getDomain()));
      long removed = before.length() - text.length();
      int left = text.strip().length();
      // only dedup's own cuts make a document too short here; one that arrived short (a patent
      // abstract, a short answer) is for the length rules of its domain to judge
      if (removed > 0 && left < cleaners.minChars(o.getDomain())) {
        return Outcome.rejected(d, CleanReason.PARAGRAPH_DEDUP,
            removed + " chars removed, " + left + " left", o.getBytesIn());
      }
      d = d.withText(text);
      if (removed > 0) {
        d = DocumentCleaner.add(d, DocumentCleaner.REMOVED + "paragraph-dedup", removed);
      }
      return finish(o, d, cleaners);
    }
  }
}
