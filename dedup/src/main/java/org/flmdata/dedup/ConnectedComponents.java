package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.function.IntConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph with {@code long} node ids, distributed: the
 * alternating large-star / small-star algorithm (Kiveris et al., "Connected Components in
 * MapReduce and Beyond", SoCC 2014) on Datasets. Each round is a few group-bys and joins whose
 * size is the edge count; no node's neighbourhood is ever collected into one list, so a star of
 * 100,000 edges costs 100,000 rows, and nothing goes through the driver but one flag per round.
 * O(log n) rounds; each round's edges are checkpointed (local checkpoint) to cut the plan.
 *
 * <p>The label of a component is its smallest node id.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  /** Rounds after which a graph that still changes is a bug, not a big graph (2^60 nodes). */
  static final int MAX_ROUNDS = 60;

  private ConnectedComponents() {}

  /**
   * Labels of the nodes that have at least one edge.
   *
   * @param edges columns {@code src}, {@code dst} (longs; direction and repeats do not matter,
   *     self-loops are ignored)
   * @return columns {@code node}, {@code label}: one row per node that is not its component's
   *     smallest id (a component's smallest node is its own label and has no row)
   */
  public static Dataset<Row> run(Dataset<Row> edges) {
    return run(edges, 0);
  }

  /**
   * As {@link #run(Dataset)}; a graph of at most {@code localMaxEdges} distinct edges is labelled
   * inside one task ({@link LocalComponents}, about 40 bytes per edge) instead of by O(log n)
   * distributed rounds, each of which is a few Spark jobs.
   */
  public static Dataset<Row> run(Dataset<Row> edges, long localMaxEdges) {
    return run(edges, localMaxEdges, round -> {});
  }

  /**
   * As {@link #run(Dataset, long)}; {@code rounds} is told the number of each distributed round
   * when it is done (benchmarks log them).
   */
  public static Dataset<Row> run(Dataset<Row> edges, long localMaxEdges, IntConsumer rounds) {
    Dataset<Row> e = edges.where(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"))
        .distinct()
        .localCheckpoint();
    if (localMaxEdges > 0) {
      long m = e.count();
      if (m <= localMaxEdges) {
        LOG.info("connected components: {} edges, labelled in one task", m);
        return e.coalesce(1).mapPartitions(new LocalComponents(), Encoders.row(LABELS)).toDF();
      }
      LOG.info("connected components: {} edges, distributed rounds", m);
    }
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      if (isStarForest(e)) {
        return e.select(col("u").as("node"), col("v").as("label"));
      }
      e = smallStar(largeStar(e)).localCheckpoint();
      LOG.info("connected components: round {} done", round);
      rounds.accept(round);
    }
    throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS
        + " rounds");
  }

  private static final StructType LABELS = new StructType()
      .add("node", DataTypes.LongType, false)
      .add("label", DataTypes.LongType, false);

  /**
   * Whether every edge {@code (u, v)} already links a leaf to its component's label: no node has
   * two outgoing edges, and no edge points at a node that has one. Then each component is a star
   * around its smallest node (edges always point from larger to smaller ids), and the edges are
   * the labels. One shuffle of the edges.
   */
  static boolean isStarForest(Dataset<Row> e) {
    Dataset<Row> ends = e.select(col("u").as("n"), lit(1).as("o"), lit(0).as("i"))
        .union(e.select(col("v").as("n"), lit(0).as("o"), lit(1).as("i")));
    return ends.groupBy("n").agg(sum("o").as("o"), sum("i").as("i"))
        .where(col("o").gt(1).or(col("o").geq(1).and(col("i").geq(1))))
        .isEmpty();
  }

  /** Edges {@code (u, v)}, {@code u > v}: each node links its larger neighbours to the smallest
   * node of its closed neighbourhood. */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.select(col("u").as("x"), col("v").as("y"))
        .union(e.select(col("v").as("x"), col("u").as("y")));
    Dataset<Row> mins = both.groupBy("x").agg(min("y").as("mn"));
    return both.join(mins, "x")
        .where(col("y").gt(col("x")))
        .select(col("y").as("u"), least(col("mn"), col("x")).as("v"))
        .distinct();
  }

  /** Edges {@code (u, v)}, {@code u > v}: each node links itself and its smaller neighbours to the
   * smallest of them. */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> mins = e.groupBy("u").agg(min("v").as("m"));
    Dataset<Row> moved = e.join(mins, "u")
        .where(col("v").notEqual(col("m")))
        .select(col("v").as("u"), col("m").as("v"));
    return moved.union(mins.select(col("u"), col("m").as("v"))).distinct();
  }

}
