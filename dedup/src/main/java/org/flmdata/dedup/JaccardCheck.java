package org.flmdata.dedup;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

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
import org.apache.spark.storage.StorageLevel;

/**
 * Exact-Jaccard verification of candidate edges ({@code verify: jaccard}). Edges are stars, each
 * member pointing at its band bucket's smallest node (the center), so verification goes by
 * center: the text of every candidate document (only documents that share a band bucket) is
 * joined once per star it belongs to, the rows are grouped by center with the center first, and
 * within a group the center is shingled once and each member once; an edge stays if the Jaccard
 * similarity of the two shingle sets reaches the threshold. A small candidate list is broadcast to
 * the scan of the texts (no shuffle of the corpus); one shuffle of the candidates' text by star,
 * one shingling per (document, star), nothing per edge but a merge of two sorted arrays. The
 * groups (repeated edges dropped, giant stars split by {@link #MEMBERS_PER_GROUP}) come from one
 * shuffle of the edges by center ({@link StarGroups}).
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

  /**
   * Members per verification group: a star (a band bucket's center and its members) larger than
   * this is split into groups of about this many members by a hash of the member, each with its own
   * copy of the center, so a bucket of a million copies of one template spreads over many tasks
   * instead of one (the center is shingled once per group).
   */
  static final long MEMBERS_PER_GROUP = 4096;

  /**
   * Candidate rows (members and centers) up to which their list is broadcast to the scan of the
   * texts (about 60 bytes a row: 60 MB at most), so the texts are filtered where they are read
   * instead of shuffled whole into a join; above it, a sort-merge join.
   */
  static final long BROADCAST_MAX_ROWS = 1_000_000;

  /**
   * @param nodes {@code node, id, ix}
   * @param texts {@code ix, id, lang, text}: the run's documents ({@code ix} 1) and the indexed
   *     ones that share a bucket with them (0)
   * @param cached where Datasets this persists are added
   */
  static Dataset<Row> verified(Dataset<Row> edges, Dataset<Row> nodes, Dataset<Row> texts,
      DedupSettings.Plan plan, List<Dataset<Row>> cached) {
    // counted, then joined: cached, or the edges are computed twice
    Dataset<Row> groups = StarGroups.of(edges, MEMBERS_PER_GROUP)
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(groups);
    long rows = groups.count();
    Dataset<Row> wanted = groups.join(nodes.select("node", "id", "ix"), "node");
    if (rows <= BROADCAST_MAX_ROWS) wanted = broadcast(wanted);
    return texts.join(wanted, new String[] {"id", "ix"})
        .select(col("key"), col("salt"), col("node"), col("lang"), col("text"))
        .repartition(col("key"), col("salt"))
        .sortWithinPartitions(col("key"), col("salt"), col("node").equalTo(col("key")).desc(),
            col("node"))
        .mapPartitions(new JaccardCheck(plan), Encoders.row(EDGE));
  }

  /** Rows {@code key, salt, node, lang, text} sorted by key and salt, center first; edges out. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Map<MinHashParams, Shingler> shinglers = new HashMap<>();
    return new Iterator<>() {
      long key = Long.MIN_VALUE;
      int salt;
      long[] center;
      boolean started;
      Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          Row r = rows.next();
          long k = r.getLong(0);
          int g = r.getInt(1);
          long node = r.getLong(2);
          if (!started || k != key || g != salt) {
            started = true;
            key = k;
            salt = g;
            center = null;
          }
          if (node == k) {
            // the center sorts first; a repeated id repeats it, and the first copy serves
            if (center == null) center = set(shinglers, r.getString(3), r.getString(4));
          } else if (center != null) {
            long[] m = set(shinglers, r.getString(3), r.getString(4));
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
