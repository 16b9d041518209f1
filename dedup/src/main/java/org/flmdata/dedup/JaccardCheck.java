package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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
 * Exact-Jaccard verification of candidate edges ({@code verify: jaccard}): the text of each
 * candidate document (only documents that share a band bucket) is joined to its edges, both ends
 * are shingled as for MinHash, and an edge stays if the Jaccard similarity of the two shingle
 * sets reaches the threshold.
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
    Dataset<Row> ids = nodes.select("node", "id");
    Dataset<Row> e = edges.join(ids.toDF("src", "sid"), "src").join(ids.toDF("dst", "did"), "dst");
    Dataset<Row> candidates = e.select(col("sid").as("id"))
        .union(e.select(col("did").as("id"))).distinct();
    Dataset<Row> texts = input.toDF().select("id", "lang", "text")
        .join(candidates, new String[] {"id"}, "left_semi")
        .dropDuplicates("id");
    return e.join(texts.toDF("sid", "sl", "st"), "sid")
        .join(texts.toDF("did", "dl", "dt"), "did")
        .select("src", "dst", "sl", "st", "dl", "dt")
        .mapPartitions(new JaccardCheck(plan), Encoders.row(EDGE));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Map<MinHashParams, Shingler> shinglers = new HashMap<>();
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      long[] a = set(shinglers, r.getString(2), r.getString(3));
      long[] b = set(shinglers, r.getString(4), r.getString(5));
      if (jaccard(a, b) >= plan.verifyThreshold()) {
        out.add(RowFactory.create(r.getLong(0), r.getLong(1)));
      }
    }
    return out.iterator();
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
