package org.flmdata.pipeline.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;

/**
 * Everything the report counts from one stage's written output, in one scan and one Spark job
 * with no shuffle: the {@link Ledger} (documents and bytes per domain, language, status and
 * reason), the stage's {@link MetaCounters} (whole numbers under {@code <stage>.} in kept
 * documents' meta) and samples of rejected documents to show what a rule does (per rule, the
 * rejected rows that kept their text, {@code rejected_text_fraction}, whose id hash is smallest,
 * their text cut to {@link #SAMPLE_CHARS} characters). Each task folds its rows into a {@link
 * Partial} (O(domains x languages x reasons) entries and at most {@code perRule} samples per
 * rule); the driver merges the partials. The figures are those the three grouped queries gave
 * (two to four Spark jobs each under adaptive execution): the values are cast and hashed by the
 * same Spark expressions ({@code try_cast(v as long)}, {@code xxhash64(id)}), sums skip nulls,
 * a counter whose values are all non-numeric is left out, and keys sort as Spark sorts strings
 * (UTF-8 bytes, nulls first).
 */
public final class StageSummary {
  /** One stage's figures. */
  public record Figures(List<LedgerRow> ledger, List<MetaCounters.Counter> counters,
      List<Map<String, Object>> samples) {}

  /** Characters of text kept per sample. */
  public static final int SAMPLE_CHARS = 400;

  private StageSummary() {}

  /**
   * The figures of {@code stage}'s output under {@code stageDir}.
   *
   * @param perRule rejected samples kept per {@code rule/reason} (0: none)
   */
  public static Figures of(SparkSession spark, String stage, String stageDir, int perRule) {
    return of(spark, stage, stageDir, true, perRule);
  }

  /**
   * The ledger of {@code stage}'s output alone: the scan reads neither meta nor text (what the
   * runner prints after each stage).
   */
  static List<LedgerRow> ledger(SparkSession spark, String stage, String stageDir) {
    return of(spark, stage, stageDir, false, 0).ledger();
  }

  private static Figures of(SparkSession spark, String stage, String stageDir,
      boolean withCounters, int perRule) {
    String prefix = stage + ".";
    var kept = col("status").equalTo(lit(Outcome.KEPT)).and(lit(withCounters));
    var counters = when(kept, transform_values(
        map_filter(col("meta"), (k, v) -> k.startsWith(lit(prefix))),
        (k, v) -> v.try_cast("long")));
    var sample = when(col("status").equalTo(lit(Outcome.REJECTED))
            .and(col("text").isNotNull()).and(lit(perRule > 0)),
        struct(col("id"), col("detail"), substring(col("text"), 1, SAMPLE_CHARS),
            xxhash64(col("id"))));
    List<Partial> parts = StageOutput.readAll(spark, stageDir)
        .select(col("domain"), col("lang"), col("status"), col("rule"), col("reason"),
            col("bytesIn"), col("bytesOut"), counters.as("c"), sample.as("s"))
        .javaRDD()
        .mapPartitions(new Fold(perRule))
        .collect();
    Partial all = new Partial(perRule);
    for (Partial p : parts) all.merge(p);
    return all.figures(stage, prefix);
  }

  /** Per task: the rows of its partition folded into one {@link Partial}. */
  private static final class Fold implements FlatMapFunction<Iterator<Row>, Partial> {
    private final int perRule;

    Fold(int perRule) {
      this.perRule = perRule;
    }

    @Override
    public Iterator<Partial> call(Iterator<Row> rows) {
      Partial p = new Partial(perRule);
      while (rows.hasNext()) p.add(rows.next());
      return List.of(p).iterator();
    }
  }

  /** A ledger group's key; fields as read (lang and rule may be null). */
  record GroupKey(String domain, String lang, String status, String rule, String reason)
      implements Serializable {}

  /** A meta counter's key. */
  record CounterKey(String domain, String lang, String key) implements Serializable {}

  /** One rejected sample, with the row's id hash it is chosen by. */
  record Sample(String rule, String reason, String id, String domain, String lang, String detail,
      String text, long hash) implements Serializable {}

  /** Folded figures of some rows; merged across tasks on the driver. */
  static final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;

    final int perRule;
    /** docs, bytes in, bytes out per group. */
    final Map<GroupKey, long[]> groups = new HashMap<>();
    /** sum of the numeric values per counter (absent: no numeric value seen). */
    final Map<CounterKey, Long> counters = new HashMap<>();
    /** per "rule\0reason", the best samples so far in sample order, at most perRule. */
    final Map<String, List<Sample>> samples = new HashMap<>();

    Partial(int perRule) {
      this.perRule = perRule;
    }

    void add(Row r) {
      String domain = r.getString(0);
      String lang = r.isNullAt(1) ? null : r.getString(1);
      GroupKey g = new GroupKey(domain, lang, r.getString(2), r.isNullAt(3) ? null : r.getString(3),
          r.isNullAt(4) ? null : r.getString(4));
      long[] a = groups.computeIfAbsent(g, k -> new long[3]);
      a[0]++;
      if (!r.isNullAt(5)) a[1] += r.getLong(5);
      if (!r.isNullAt(6)) a[2] += r.getLong(6);
      if (!r.isNullAt(7)) {
        Map<String, Long> c = r.getJavaMap(7);
        for (Map.Entry<String, Long> e : c.entrySet()) {
          if (e.getValue() == null) continue;
          counters.merge(new CounterKey(domain, lang, e.getKey()), e.getValue(), Math::addExact);
        }
      }
      if (!r.isNullAt(8)) {
        Row s = r.getStruct(8);
        offer(new Sample(g.rule(), g.reason(), s.getString(0), domain, lang,
            s.isNullAt(1) ? null : s.getString(1), s.isNullAt(2) ? null : s.getString(2),
            s.getLong(3)));
      }
    }

    private void offer(Sample s) {
      if (perRule <= 0) return;
      List<Sample> best = samples.computeIfAbsent(s.rule() + "\u0000" + s.reason(),
          k -> new ArrayList<>(perRule + 1));
      best.add(s);
      best.sort(SAMPLE_ORDER);
      if (best.size() > perRule) best.remove(best.size() - 1);
    }

    void merge(Partial o) {
      o.groups.forEach((k, v) -> {
        long[] a = groups.computeIfAbsent(k, x -> new long[3]);
        for (int i = 0; i < 3; i++) a[i] += v[i];
      });
      o.counters.forEach((k, v) -> counters.merge(k, v, Math::addExact));
      o.samples.values().forEach(l -> l.forEach(this::offer));
    }

    Figures figures(String stage, String prefix) {
      List<Ledger.Group> ledger = new ArrayList<>(groups.size());
      groups.forEach((k, v) -> ledger.add(new Ledger.Group(k.domain(), k.lang(), k.status(),
          k.rule(), k.reason(), v[0], v[1], v[2])));
      List<Map.Entry<CounterKey, Long>> cs = new ArrayList<>(counters.entrySet());
      cs.sort(Map.Entry.comparingByKey(Comparator.comparing(CounterKey::domain, SPARK_ORDER)
          .thenComparing(CounterKey::lang, SPARK_ORDER)
          .thenComparing(CounterKey::key, SPARK_ORDER)));
      List<MetaCounters.Counter> counterList = new ArrayList<>(cs.size());
      for (Map.Entry<CounterKey, Long> e : cs) {
        CounterKey k = e.getKey();
        counterList.add(new MetaCounters.Counter(k.domain(), k.lang() == null ? "und" : k.lang(),
            k.key().substring(prefix.length()), e.getValue()));
      }
      List<List<Sample>> byRule = new ArrayList<>(samples.values());
      byRule.sort(Comparator.comparing((List<Sample> l) -> l.get(0).rule(), SPARK_ORDER)
          .thenComparing(l -> l.get(0).reason(), SPARK_ORDER));
      List<Map<String, Object>> sampleList = new ArrayList<>();
      for (List<Sample> l : byRule) {
        for (Sample s : l) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("rule", s.rule() + "/" + s.reason());
          m.put("id", s.id());
          m.put("domain", s.domain());
          m.put("lang", s.lang() == null ? "und" : s.lang());
          m.put("detail", s.detail() == null ? "" : s.detail());
          m.put("text", s.text());
          sampleList.add(m);
        }
      }
      return new Figures(Ledger.fromGroups(stage, ledger), counterList, sampleList);
    }
  }

  /**
   * Strings as Spark's ascending sort orders them: nulls first, then by UTF-8 bytes (unsigned);
   * for a driver-side sort of a few collected rows that must match an {@code orderBy}.
   */
  public static final Comparator<String> SPARK_ORDER = Comparator.nullsFirst((a, b) ->
      Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
          b.getBytes(StandardCharsets.UTF_8)));

  /** Within a rule: by id hash, then id (the window's order). */
  static final Comparator<Sample> SAMPLE_ORDER = Comparator.comparingLong(Sample::hash)
      .thenComparing(Sample::id, SPARK_ORDER);
}
