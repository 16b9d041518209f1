package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.cpc.CpcUnion;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.run.StageOutput;
import scala.Tuple2;

/**
 * Dedup's part of {@code report/stats.json} ({@code stages[].extra}), computed from the written
 * dedup output when the report is written (never from accumulators):
 *
 * <ul>
 *   <li>{@code removed}: per domain and source (subset), documents in, kept, exact and near
 *       duplicates removed within the run and against the persistent index ({@code
 *       exact_indexed}, {@code near_indexed});
 *   <li>{@code clusters}: clusters (kept documents with {@code dedup_cluster_size} > 1), the
 *       documents in them, the exact size histogram, and size quantiles from a DataSketches KLL
 *       sketch built per partition and merged across partitions;
 *   <li>{@code distinct_shingles}: per language, the number of distinct shingles (the stage's
 *       MinHash shingles) in the dedup input and in the kept documents, from DataSketches CPC
 *       sketches merged across partitions: how much distinct content dedup left (near duplicates
 *       share most shingles with their survivor, so kept/input should stay near 1);
 *   <li>{@code sample_clusters}: the largest clusters, the indexed documents this run removed the
 *       most copies of (with a persistent index), and a few clusters chosen by id hash, with
 *       survivor, up to {@link #MEMBERS} removed members each, and the first line of every
 *       document (texts from the input stage's kept output, since rejected rows keep text only
 *       for a sample; an indexed survivor's from the index).
 * </ul>
 */
final class DedupReport {
  private DedupReport() {}

  /** Upper bounds of the cluster-size histogram buckets (the last is open). */
  static final long[] SIZE_BUCKETS = {2, 3, 5, 10, 100, 1000};
  /** Quantiles of the cluster size reported from the KLL sketch. */
  static final double[] QUANTILES = {0.5, 0.9, 0.99, 1.0};
  /** KLL accuracy parameter: DataSketches' default (normalised rank error about 1.65%). */
  static final int KLL_K = 200;
  /** CPC size parameter: 2^11 slots, relative standard error about 1.2%. */
  static final int CPC_LG_K = 11;
  static final int LARGEST = 3;
  static final int RANDOM = 3;
  static final int MEMBERS = 4;
  static final int FIRST_LINE_CHARS = 120;

  /** A histogram bucket label of {@code size}, e.g. {@code 6-10}. */
  static String bucket(long size) {
    long lo = 2;
    for (long hi : SIZE_BUCKETS) {
      if (size <= hi) return lo == hi ? Long.toString(hi) : lo + "-" + hi;
      lo = hi + 1;
    }
    return ">" + SIZE_BUCKETS[SIZE_BUCKETS.length - 1];
  }

  /** The first line of {@code text} with non-blank content, stripped, cut to 120 chars. */
  static String firstLine(String text) {
    if (text == null) return null;
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty()) {
        int end = s.offsetByCodePoints(0, Math.min(FIRST_LINE_CHARS, s.codePointCount(0,
            s.length())));
        return s.substring(0, end);
      }
    }
    return "";
  }

  static Map<String, Object> of(StageContext ctx, String inputStage) {
    SparkSession spark = ctx.spark();
    DedupSettings.Plan plan = DedupSettings.plan(ctx.config(), DedupStage.NAME);
    Dataset<Row> out = StageOutput.readAll(spark, ctx.layout().stageDir(DedupStage.NAME));
    Dataset<Row> input = inputStage == null ? null
        : StageOutput.readKept(spark, ctx.layout().stageDir(inputStage)).toDF();
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("removed", removed(out));
    Dataset<Row> clusters = out.where(col("status").equalTo(Outcome.KEPT))
        .select(col("id"), col("domain"),
            col("meta").getItem(DedupStage.CLUSTER_SIZE).cast("long").as("size"))
        .where(col("size").gt(1));
    extra.put("clusters", clusters(clusters));
    if (plan.near() && plan.statsDistinctShingles()) {
      extra.put("distinct_shingles", distinctShingles(plan,
          input == null ? null : input.select("lang", "text"),
          out.where(col("status").equalTo(Outcome.KEPT)).select("lang", "text")));
    }
    extra.put("sample_clusters", samples(out, clusters, input, plan.seed(),
        indexRows(ctx, plan)));
    return extra;
  }

  private static List<Object> removed(Dataset<Row> out) {
    Column rejected = col("status").equalTo(Outcome.REJECTED);
    List<Object> rows = new ArrayList<>();
    for (Row r : out.groupBy("domain", "source")
        .agg(count(lit(1)).as("docs"),
            sum(when(col("status").equalTo(Outcome.KEPT), 1).otherwise(0)).as("kept"),
            sum(when(rejected.and(col("reason").equalTo(DedupReason.EXACT_DUP.reason())), 1)
                .otherwise(0)).as("exact"),
            sum(when(rejected.and(col("reason").equalTo(DedupReason.NEAR_DUP.reason())), 1)
                .otherwise(0)).as("near"),
            sum(when(rejected.and(col("reason").equalTo(DedupReason.EXACT_INDEXED.reason())), 1)
                .otherwise(0)).as("exact_indexed"),
            sum(when(rejected.and(col("reason").equalTo(DedupReason.NEAR_INDEXED.reason())), 1)
                .otherwise(0)).as("near_indexed"))
        .orderBy("domain", "source").collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", r.getString(0));
      m.put("source", r.getString(1));
      m.put("docs_in", r.getLong(2));
      m.put("kept", r.getLong(3));
      m.put("exact_dup", r.getLong(4));
      m.put("near_dup", r.getLong(5));
      m.put("exact_indexed", r.getLong(6));
      m.put("near_indexed", r.getLong(7));
      rows.add(m);
    }
    return rows;
  }

  private static Map<String, Object> clusters(Dataset<Row> clusters) {
    Map<String, Object> m = new LinkedHashMap<>();
    Row totals = clusters.agg(count(lit(1)), sum("size")).first();
    m.put("count", totals.getLong(0));
    m.put("documents", totals.isNullAt(1) ? 0L : totals.getLong(1));
    Map<String, Long> counts = new HashMap<>();
    for (Row r : clusters.select("size").map((MapFunction<Row, String>) x -> bucket(x.getLong(0)),
        Encoders.STRING()).groupBy("value").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    Map<String, Object> hist = new LinkedHashMap<>();
    for (long hi : SIZE_BUCKETS) {
      String b = bucket(hi);
      if (counts.containsKey(b)) hist.put(b, counts.get(b));
    }
    String open = bucket(Long.MAX_VALUE);
    if (counts.containsKey(open)) hist.put(open, counts.get(open));
    m.put("size_histogram", hist);
    Map<String, Object> q = new LinkedHashMap<>();
    if (totals.getLong(0) > 0) {
      // one sketch per partition, merged pairwise by reduce (executors, then driver)
      byte[] merged = clusters.select("size")
          .mapPartitions((MapPartitionsFunction<Row, byte[]>) rows -> {
            KllLongsSketch k = KllLongsSketch.newHeapInstance(KLL_K);
            while (rows.hasNext()) k.update(rows.next().getLong(0));
            return List.of(k.toByteArray()).iterator();
          }, Encoders.BINARY())
          .reduce((ReduceFunction<byte[]>) DedupReport::mergeKll);
      KllLongsSketch kll = KllLongsSketch.heapify(Memory.wrap(merged));
      long[] v = kll.getQuantiles(QUANTILES, QuantileSearchCriteria.INCLUSIVE);
      for (int i = 0; i < QUANTILES.length; i++) {
        q.put(QUANTILES[i] == 1.0 ? "max" : "p" + Math.round(QUANTILES[i] * 100), v[i]);
      }
    }
    m.put("size_quantiles", q);
    m.put("size_quantiles_sketch", "DataSketches KLL, k=" + KLL_K + ", exact below "
        + KLL_K + " clusters");
    return m;
  }

  static byte[] mergeKll(byte[] a, byte[] b) {
    KllLongsSketch k = KllLongsSketch.heapify(Memory.wrap(a));
    k.merge(KllLongsSketch.heapify(Memory.wrap(b)));
    return k.toByteArray();
  }

  /** Per language: distinct shingle estimates of the input and of the kept documents. */
  private static List<Object> distinctShingles(DedupSettings.Plan plan, Dataset<Row> input,
      Dataset<Row> kept) {
    Map<String, Double> in = input == null ? Map.of() : cpc(plan, input);
    Map<String, Double> out = cpc(plan, kept);
    Set<String> langs = new java.util.TreeSet<>(in.keySet());
    langs.addAll(out.keySet());
    List<Object> rows = new ArrayList<>();
    for (String lang : langs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lang", lang);
      m.put("shingles", plan.params(lang).shingles());
      if (input != null) m.put("input", Math.round(in.getOrDefault(lang, 0.0)));
      m.put("kept", Math.round(out.getOrDefault(lang, 0.0)));
      rows.add(m);
    }
    return rows;
  }

  /** CPC estimates of distinct shingles per language, sketches merged per language. */
  private static Map<String, Double> cpc(DedupSettings.Plan plan, Dataset<Row> docs) {
    Dataset<Tuple2<String, byte[]>> perPartition = docs.mapPartitions(
        (MapPartitionsFunction<Row, Tuple2<String, byte[]>>) rows -> sketches(plan, rows),
        Encoders.tuple(Encoders.STRING(), Encoders.BINARY()));
    Map<String, Double> out = new LinkedHashMap<>();
    for (Tuple2<String, Tuple2<String, byte[]>> t : perPartition
        .groupByKey((MapFunction<Tuple2<String, byte[]>, String>) Tuple2::_1, Encoders.STRING())
        .reduceGroups((ReduceFunction<Tuple2<String, byte[]>>) (a, b) ->
            new Tuple2<>(a._1(), mergeCpc(a._2(), b._2())))
        .collectAsList()) {
      out.put(t._1(), CpcSketch.heapify(t._2()._2()).getEstimate());
    }
    return out;
  }

  private static Iterator<Tuple2<String, byte[]>> sketches(DedupSettings.Plan plan,
      Iterator<Row> rows) {
    Map<String, CpcSketch> byLang = new LinkedHashMap<>();
    Map<MinHashParams, Shingler> shinglers = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String lang = r.isNullAt(0) ? "und" : r.getString(0);
      MinHashParams p = plan.params(lang);
      Shingler s = shinglers.computeIfAbsent(p, q -> new Shingler(q.unit(), q.shingleSize()));
      int n = s.shingle(r.getString(1));
      long[] h = s.hashes();
      CpcSketch sk = byLang.computeIfAbsent(lang, l -> new CpcSketch(CPC_LG_K));
      for (int i = 0; i < n; i++) sk.update(h[i]);
    }
    List<Tuple2<String, byte[]>> out = new ArrayList<>();
    for (Map.Entry<String, CpcSketch> e : byLang.entrySet()) {
      out.add(new Tuple2<>(e.getKey(), e.getValue().toByteArray()));
    }
    return out.iterator();
  }

  static byte[] mergeCpc(byte[] a, byte[] b) {
    CpcUnion u = new CpcUnion(CPC_LG_K);
    u.update(CpcSketch.heapify(a));
    u.update(CpcSketch.heapify(b));
    return u.getResult().toByteArray();
  }

  /** The persistent index's rows (texts of indexed survivors), or null without an index. */
  private static Dataset<Row> indexRows(StageContext ctx, DedupSettings.Plan plan) {
    if (plan.index() == null) return null;
    try {
      return new DedupIndex(plan.index(), ctx.spark().sparkContext().hadoopConfiguration())
          .rows(ctx.spark(), "");
    } catch (java.io.IOException e) {
      return null; // the report shows the clusters without the indexed first lines
    }
  }

  private static List<Object> samples(Dataset<Row> out, Dataset<Row> clusters,
      Dataset<Row> input, long seed, Dataset<Row> index) {
    Map<String, String> why = new LinkedHashMap<>();
    Map<String, Row> survivors = new HashMap<>();
    // the indexed documents this run removed the most copies of (their survivor is in the index)
    Column againstIndex = col("status").equalTo(Outcome.REJECTED).and(col("reason")
        .isin(DedupReason.EXACT_INDEXED.reason(), DedupReason.NEAR_INDEXED.reason()));
    for (Row r : out.where(againstIndex).groupBy("detail").agg(count(lit(1)).as("c"))
        .orderBy(col("c").desc(), col("detail")).limit(LARGEST).collectAsList()) {
      why.put(r.getString(0), "largest against the index");
      survivors.put(r.getString(0), RowFactory.create(r.getString(0), "(index)", r.getLong(1) + 1));
    }
    for (Row r : clusters.orderBy(col("size").desc(), col("id")).limit(LARGEST)
        .select("id", "domain", "size").collectAsList()) {
      why.put(r.getString(0), "largest");
      survivors.put(r.getString(0), r);
    }
    for (Row r : clusters.orderBy(xxhash64(col("id"), lit(seed)), col("id")).limit(RANDOM)
        .select("id", "domain", "size").collectAsList()) {
      why.putIfAbsent(r.getString(0), "by id hash");
      survivors.putIfAbsent(r.getString(0), r);
    }
    if (why.isEmpty()) return List.of();
    Object[] ids = why.keySet().toArray();
    List<Row> members = out.where(col("status").equalTo(Outcome.REJECTED)
            .and(col("detail").isin(ids)))
        .withColumn("rn", row_number().over(Window.partitionBy("detail").orderBy("id")))
        .where(col("rn").leq(MEMBERS))
        .select("id", "domain", "reason", "detail", "text")
        .orderBy("detail", "id")
        .collectAsList();
    Set<Object> all = new LinkedHashSet<>(List.of(ids));
    for (Row m : members) all.add(m.getString(0));
    Map<String, String> lines = new HashMap<>();
    Dataset<Row> texts = input != null ? input.select("id", "text")
        : out.select("id", "text").where(col("text").isNotNull());
    for (Row t : texts.where(col("id").isin(all.toArray())).collectAsList()) {
      lines.putIfAbsent(t.getString(0), firstLine(t.getString(1)));
    }
    if (index != null) {
      for (Row t : index.select("id", "text").where(col("id").isin(all.toArray()))
          .collectAsList()) {
        lines.putIfAbsent(t.getString(0), firstLine(t.getString(1)));
      }
    }
    List<Object> list = new ArrayList<>();
    for (Map.Entry<String, String> e : why.entrySet()) {
      Row s = survivors.get(e.getKey());
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("chosen", e.getValue());
      c.put("size", s.getLong(2));
      c.put("survivor", doc(s.getString(0), s.getString(1), null, lines));
      List<Object> ms = new ArrayList<>();
      for (Row m : members) {
        if (m.getString(3).equals(e.getKey())) {
          ms.add(doc(m.getString(0), m.getString(1), m.getString(2), lines));
        }
      }
      c.put("members", ms);
      list.add(c);
    }
    return list;
  }

  private static Map<String, Object> doc(String id, String domain, String reason,
      Map<String, String> lines) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("domain", domain);
    if (reason != null) d.put("reason", reason);
    d.put("first_line", lines.get(id));
    return d;
  }
}
