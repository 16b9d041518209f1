package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.Document;

/**
 * Exact-Jaccard verification of candidate edges ({@code verify: jaccard}). Edges are stars, each
 * member pointing at its band bucket's smallest node (the center), so verification goes by
 * center: the text of every candidate document (only documents that share a band bucket) is
 * joined once per star it belongs to, the rows are grouped by center with the center first, and
 * within a group the center is shingled once and each member once; an edge stays if the Jaccard
 * similarity of the two shingle sets reaches the threshold. Two shuffles of the candidates' text,
 * one shingling per (document, star), nothing per edge but a merge of two sorted arrays.
 */
public final class JaccardCheck implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private static final StructType EDGE = new StructType()
      .add("src", DataTypes.LongType, false)
      .add("dst", DataTypes.LongType, false);

  private final DedupSettings.Plan plan;

  private JaccardCheck(DedupSettings.Plan plan) {
    this.plan = plan;
  }

  static Dataset<Row> verified(Dataset<Row> edges, Dataset<Row> nodes, Dataset<Document> input,
      DedupSettings.Plan plan) {
    Dataset<Row> members = edges.select(col("dst").as("key"), col("src").as("node"));
    Dataset<Row> centers = edges.select(col("dst").as("key"), col("dst").as("node")).distinct();
    Dataset<Row> wanted = members.union(centers).join(nodes.select("node", "id"), "node");
    return wanted.join(input.toDF().select("id", "lang", "text"), "id")
        .select(col("key"), col("node"), col("lang"), col("text"))
        .repartition(col("key"))
        .sortWithinPartitions(col("key"), col("node").equalTo(col("key")).desc(), col("node"))
        .mapPartitions(new JaccardCheck(plan), Encoders.row(EDGE));
  }

  /** Rows {@code key, node, lang, text} sorted by key, center first; edges out. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Map<MinHashParams, Shingler> shinglers = new HashMap<>();
    return new Iterator<>() {
      long key = Long.MIN_VALUE;
      long[] center;
      boolean started;
      Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          Row r = rows.next();
          long k = r.getLong(0);
          long node = r.getLong(1);
          if (!started || k != key) {
            started = true;
            key = k;
            center = null;
          }
          if (node == k) {
            // the center sorts first; a repeated id repeats it, and the first copy serves
            if (center == null) center = set(shinglers, r.getString(2), r.getString(3));
          } else if (center != null) {
            long[] m = set(shinglers, r.getString(2), r.getString(3));
            if (jaccard(m, center) >= plan.verifyThreshold()) next = RowFactory.create(node, k);
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new java.util.NoSuchElementException();
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  private long[] set(Map<MinHashParams, Shingler> shinglers, String lang, String text) {
    MinHashParams p = plan.params(lang);
    Shingler s = shinglers.computeIfAbsent(p, q -> new Shingler(q.unit(), q.shingleSize()));
    int n = s.shingle(text); // first: it may replace the buffer hashes() returns
    return sortedSet(s.hashes(), n);
  }

  /** The distinct values of {@code a[0..n)}, sorted. */
  public static long[] sortedSet(long[] a, int n) {
    long[] x = Arrays.copyOf(a, n);
    Arrays.sort(x);
    int k = 0;
    for (int i = 0; i < n; i++) if (i == 0 || x[i] != x[i - 1]) x[k++] = x[i];
    return Arrays.copyOf(x, k);
  }

  /** Jaccard similarity of two sorted sets; two empty sets are 1 (nothing tells them apart). */
  public static double jaccard(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 1 : common / (double) union;
  }
}
