package org.flmdata.tests.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.dedup.ConnectedComponents;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tests.LoadAverage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, the distributed connected-components path at scale. A generated graph of components of
 * {@code K} nodes (a random recursive tree per component plus as many random extra edges, node ids
 * scrambled so a component's smallest id is anywhere in it): first, on a graph both paths can do,
 * the distributed rounds give exactly the one-task labels; then the distributed rounds label a
 * graph of {@code EDGES} edges (50,000,000 by default), each round's time logged, and every node's
 * label is checked against its component's smallest id computed by one aggregation.
 *
 * <pre>mvn -B verify -Pbench -pl tests -am -Dtest=ComponentsScaleBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dcc.bench.edges=50000000]</pre>
 */
@Tag("benchmark")
class ComponentsScaleBenchmark {
  static final long EDGES = Long.getLong("cc.bench.edges", 50_000_000L);
  static final long CHECK_EDGES = Long.getLong("cc.bench.check.edges", 1_000_000L);
  static final long K = 1000;

  final SparkSession spark = SparkTestSession.get();

  /** A node's scrambled id: a bijection of its index (odd multiplier mod 2^40, then a xor). */
  private static Column scrambled(Column i) {
    return pmod(i.multiply(lit(0x9E3779B1L)), lit(1L << 40)).bitwiseXOR(lit(0x5DEECE66DL));
  }

  /** Edges {@code src, dst} and, per node, its component {@code comp} ({@code node, comp}). */
  private Dataset<Row> graph(long edges, int partitions) {
    long nodes = edges / 2;
    // tree edge of node i (i not a component's first): to a random earlier node of its component
    Dataset<Row> ids = spark.range(0, nodes, 1, partitions).toDF("i")
        .withColumn("c", floor(col("i").divide(K)))
        .withColumn("j", col("i").minus(col("c").multiply(K)));
    Dataset<Row> tree = ids.where(col("j").gt(0))
        .select(scrambled(col("i")).as("src"),
            scrambled(col("c").multiply(K).plus(pmod(xxhash64(col("i")), col("j")))).as("dst"));
    Dataset<Row> extra = ids.select(scrambled(col("i")).as("src"),
        scrambled(col("c").multiply(K).plus(pmod(xxhash64(col("i"), lit(7)), lit(K)))).as("dst"));
    return tree.union(extra);
  }

  private Dataset<Row> expected(long edges, int partitions) {
    Dataset<Row> n = spark.range(0, edges / 2, 1, partitions).toDF("i")
        .select(scrambled(col("i")).as("node"), floor(col("i").divide(K)).as("c"));
    Dataset<Row> mins = n.groupBy("c").agg(min("node").as("label"));
    return n.join(mins, "c").where(col("node").notEqual(col("label"))).select("node", "label");
  }

  @Test
  void distributedRoundsLabelFiftyMillionEdges() throws IOException {
    // the one-task path and the distributed rounds agree where both can run
    spark.conf().set("spark.sql.shuffle.partitions", "8");
    Dataset<Row> small = graph(CHECK_EDGES, 8).localCheckpoint();
    Dataset<Row> one = ConnectedComponents.run(small, Long.MAX_VALUE).localCheckpoint();
    Dataset<Row> dist = ConnectedComponents.run(small, 0).localCheckpoint();
    assertEquals(0, one.exceptAll(dist).count() + dist.exceptAll(one).count(),
        "one-task and distributed labels differ");
    assertEquals(0, one.exceptAll(expected(CHECK_EDGES, 8)).count());
    System.out.printf(Locale.ROOT, "%,d edges: one-task and distributed labels identical (%,d"
        + " labelled nodes)%n", CHECK_EDGES, one.count());

    int partitions = (int) Math.max(8, EDGES / 1_000_000);
    spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions));
    try {
      System.out.printf(Locale.ROOT, "graph: %,d edges, %,d nodes in components of %d; %d"
          + " partitions; load %s%n", EDGES, EDGES / 2, K, partitions, LoadAverage.now());
      long t0 = System.nanoTime();
      // Spark's columnar cache: 50,000,000 edges as row objects would not fit the heap
      Dataset<Row> e = graph(EDGES, partitions).persist(StorageLevel.MEMORY_AND_DISK());
      e.count();
      System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      long[] last = {t1};
      int[] rounds = {0};
      List<Dataset<Row>> cached = new ArrayList<>();
      Dataset<Row> labels = ConnectedComponents.run(e, 0, r -> {
        long now = System.nanoTime();
        rounds[0] = r;
        System.out.printf(Locale.ROOT, "  round %d: %.1f s (load %s)%n", r, (now - last[0]) / 1e9,
            LoadAverage.now());
        last[0] = now;
      }, cached);
      double sec = (System.nanoTime() - t1) / 1e9;
      long wrong = labels.exceptAll(expected(EDGES, partitions)).count();
      long count = labels.count();
      System.out.printf(Locale.ROOT, "%,d edges: %d rounds, %.1f s, %,d labelled nodes, %d wrong;"
          + " load %s%n", EDGES, rounds[0], sec, count, wrong, LoadAverage.now());
      assertEquals(0, wrong);
      assertEquals(EDGES / 2 - (EDGES / 2 + K - 1) / K, count, "every non-minimal node labelled");
      assertTrue(rounds[0] >= 1, "the distributed rounds ran");
      for (Dataset<Row> c : cached) c.unpersist();
      e.unpersist();
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", "4");
    }
  }

}
