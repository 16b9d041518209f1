package org.flmdata.pipeline.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;
import scala.Tuple2;

/**
 * Distributions of one stage's kept documents per domain (and over all domains, {@code "*"}):
 * length in characters and every numeric meta value the stages declare ({@code
 * Stage.reportedMeta}) as quantiles and histograms, distinct URLs, hosts and paragraphs, and the
 * most frequent hosts. Each partition builds {@link DomainSketches}, Spark merges them by domain,
 * and only the merged sketches (a few KB per domain) reach the driver.
 */
public final class Distributions {
  /** The metric every document has: its length in characters (UTF-16 code units). */
  public static final String CHARS = "chars";

  static final double[] RANKS = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
  static final int BINS = 20;
  static final int TOP_HOSTS = 10;

  private Distributions() {}

  /**
   * Computes the distributions of the kept documents under {@code stageDir}.
   *
   * @param metaKeys numeric meta keys to sketch (missing or non-numeric values are skipped)
   * @return per domain, then {@code "*"}: the summary tree stats.json carries
   */
  public static List<Map<String, Object>> of(SparkSession spark, String stageDir,
      List<String> metaKeys) {
    List<Column> cols = new ArrayList<>(List.of(col("domain"), col("url"), col("text")));
    for (String k : metaKeys) cols.add(col("meta").getItem(k));
    List<String> keys = List.copyOf(metaKeys);
    List<Tuple2<String, byte[]>> merged = StageOutput.readAll(spark, stageDir)
        .filter(col("status").equalTo(Outcome.KEPT))
        .select(cols.toArray(new Column[0]))
        .javaRDD()
        .mapPartitionsToPair(new Sketch(keys))
        .reduceByKey(DomainSketches::mergeBytes)
        .collect();
    Map<String, DomainSketches> byDomain = new TreeMap<>();
    for (Tuple2<String, byte[]> t : merged) byDomain.put(t._1, DomainSketches.fromBytes(t._2));
    List<Map<String, Object>> out = new ArrayList<>();
    DomainSketches all = new DomainSketches();
    for (Map.Entry<String, DomainSketches> e : byDomain.entrySet()) {
      out.add(summary(e.getKey(), e.getValue()));
      all.merge(e.getValue());
    }
    if (byDomain.size() != 1) out.add(summary("*", all));
    return out;
  }

  /** Per partition: one {@link DomainSketches} per domain, emitted as bytes. */
  private static final class Sketch implements PairFlatMapFunction<Iterator<Row>, String, byte[]> {
    private final List<String> metaKeys;

    Sketch(List<String> metaKeys) {
      this.metaKeys = metaKeys;
    }

    @Override
    public Iterator<Tuple2<String, byte[]>> call(Iterator<Row> rows) {
      Map<String, DomainSketches> acc = new HashMap<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        DomainSketches s = acc.computeIfAbsent(r.getString(0), d -> new DomainSketches());
        String text = r.isNullAt(2) ? "" : r.getString(2);
        s.add(CHARS, text.length());
        s.addDocument(r.isNullAt(1) ? null : r.getString(1), text);
        for (int i = 0; i < metaKeys.size(); i++) {
          if (r.isNullAt(3 + i)) continue;
          Double v = parse(r.getString(3 + i));
          if (v != null) s.add(metaKeys.get(i), v);
        }
      }
      List<Tuple2<String, byte[]>> out = new ArrayList<>(acc.size());
      acc.forEach((d, s) -> out.add(new Tuple2<>(d, s.toBytes())));
      return out.iterator();
    }
  }

  static Double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, Object> summary(String domain, DomainSketches s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", domain);
    Map<String, Object> metrics = new LinkedHashMap<>();
    s.quantiles.forEach((k, kll) -> metrics.put(k, metric(kll)));
    m.put("metrics", metrics);
    Map<String, Object> distinct = new LinkedHashMap<>();
    for (DomainSketches.Distinct d : DomainSketches.Distinct.values()) {
      distinct.put(d.name().toLowerCase(java.util.Locale.ROOT),
          Math.round(s.distinct[d.ordinal()].getEstimate()));
    }
    m.put("distinct", distinct);
    List<Map.Entry<String, Long>> top = new ArrayList<>(s.topHosts(Integer.MAX_VALUE));
    top.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
        .thenComparing(Map.Entry::getKey));
    List<Object> hosts = new ArrayList<>();
    for (Map.Entry<String, Long> e : top.subList(0, Math.min(TOP_HOSTS, top.size()))) {
      hosts.add(ordered("host", e.getKey(), "docs", e.getValue()));
    }
    m.put("top_hosts", hosts);
    return m;
  }

  /**
   * Two entries in this order: stats.json is written in map order, and {@code Map.of} iterates in
   * an order salted per JVM (the same run gave "host" first in one JVM, "docs" in another).
   */
  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  /** Count, min, max, quantiles and a histogram (log bins for heavy tails) of one sketch. */
  static Map<String, Object> metric(KllDoublesSketch kll) {
    Map<String, Object> m = new LinkedHashMap<>();
    long n = kll.getN();
    m.put("n", n);
    if (n == 0) return m;
    double min = kll.getMinItem();
    double max = kll.getMaxItem();
    m.put("min", min);
    m.put("max", max);
    Map<String, Object> q = new LinkedHashMap<>();
    for (double r : RANKS) {
      q.put(String.format(java.util.Locale.ROOT, "p%02d", Math.round(r * 100)),
          kll.getQuantile(r, QuantileSearchCriteria.INCLUSIVE));
    }
    m.put("quantiles", q);
    double[] edges = edges(min, max);
    if (edges.length > 2) {
      double[] splits = new double[edges.length - 2];
      System.arraycopy(edges, 1, splits, 0, splits.length);
      double[] pmf = kll.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
      long[] counts = new long[pmf.length];
      for (int i = 0; i < pmf.length; i++) counts[i] = Math.round(pmf[i] * n);
      m.put("histogram", ordered("edges", edges, "counts", counts));
    } else {
      m.put("histogram", ordered("edges", edges, "counts", new long[] {n}));
    }
    m.put("log_bins", max > 0 && min >= 1 && max / min >= 100);
    return m;
  }

  /** Bin edges from min to max: geometric when values span two orders of magnitude or more. */
  static double[] edges(double min, double max) {
    if (!(max > min)) return new double[] {min, max};
    boolean log = min >= 1 && max / min >= 100;
    double[] e = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      double f = (double) i / BINS;
      e[i] = log ? min * Math.pow(max / min, f) : min + (max - min) * f;
    }
    e[0] = min;
    e[BINS] = max;
    return e;
  }
}
