package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph with {@code long} node ids, distributed. Edges
 * travel as blocks of primitive longs (RDDs of {@code long[]}, no row objects), and each round has
 * two shuffles, each followed by a union-find contraction inside the task ({@link
 * EdgeContraction}, in chunks of a bounded number of edges, so no task holds a whole component):
 *
 * <ol>
 *   <li>every edge {@code u > v} goes to the partition of each of its ends: a node's whole
 *       neighbourhood meets in one task (the large-star step of Kiveris et al., "Connected
 *       Components in MapReduce and Beyond", SoCC 2014, strengthened: the task joins all it
 *       holds, not only one star), and the same pass checks whether the round's input was already
 *       a star forest;
 *   <li>the contracted edges go to the partition of their larger end (the small-star step), which
 *       also removes the copies the first step made.
 * </ol>
 *
 * Rounds stop when the first step of a round found a star forest: the output of that round is
 * then every non-minimal node linked to its component's smallest id. Each round's blocks are
 * cached (the round before is dropped once the next is materialised); nothing goes through the
 * driver but two counts per round.
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
   * As {@link #run(Dataset)}; a graph of at most {@code localMaxEdges} edges is labelled
   * inside one task ({@link LocalComponents}, about 40 bytes per edge) instead of by O(log n)
   * distributed rounds, each of which is a few Spark jobs. With {@code localMaxEdges} 0 the edges
   * go to the rounds as they are (repeats cost nothing there), without counting them first.
   */
  public static Dataset<Row> run(Dataset<Row> edges, long localMaxEdges) {
    return run(edges, localMaxEdges, round -> {});
  }

  /**
   * As {@link #run(Dataset, long)}; {@code rounds} is told the number of each distributed round
   * when it is done (benchmarks log them).
   */
  public static Dataset<Row> run(Dataset<Row> edges, long localMaxEdges, IntConsumer rounds) {
    return run(edges, localMaxEdges, rounds, null);
  }

  /**
   * As {@link #run(Dataset, long, IntConsumer)}; when {@code cached} is not null, the counted
   * edges and distributed labels are cached (Spark's columnar cache) and added to {@code cached}
   * (unpersist them when done with the labels) instead of being checkpointed as row objects.
   */
  public static Dataset<Row> run(Dataset<Row> edges, long localMaxEdges, IntConsumer rounds,
      List<Dataset<Row>> cached) {
    Dataset<Row> e = edges.where(col("src").notEqual(col("dst")))
        .select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"));
    if (localMaxEdges > 0) {
      // no distinct: repeats cost nothing to either path (callers give distinct edges anyway)
      // materialised and counted in one job (a local checkpoint, then a count, were two)
      if (cached != null) {
        e = e.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(e);
      } else {
        e = e.localCheckpoint();
      }
      long m = e.count();
      if (m <= localMaxEdges) {
        LOG.info("connected components: {} edges, labelled in one task", m);
        return e.coalesce(1).mapPartitions(new LocalComponents(), Encoders.row(LABELS)).toDF();
      }
      LOG.info("connected components: {} edges, distributed rounds", m);
    }
    SparkSession spark = e.sparkSession();
    int parts = Math.max(e.rdd().getNumPartitions(),
        Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
    JavaRDD<long[]> cur = e.queryExecution().toRdd().toJavaRDD()
        .mapPartitions(ConnectedComponents::blocks);
    JavaRDD<long[]> previous = null;
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      JavaRDD<long[]> next = cur.filter(b -> b.length % 2 == 0)
          .mapPartitionsToPair(new EdgeContraction.Route(parts, true))
          .partitionBy(new EdgeContraction.Direct(parts)).values()
          .mapPartitionsWithIndex(new EdgeContraction.Contract(parts, true), false)
          .mapPartitionsToPair(new EdgeContraction.Route(parts, false))
          .partitionBy(new EdgeContraction.Direct(parts)).values()
          .mapPartitionsWithIndex(new EdgeContraction.Contract(parts, false), false)
          .persist(StorageLevel.MEMORY_AND_DISK());
      // materialises the round; the round before is then read by nobody and goes
      long[] markers = next.map(b -> b.length == 1 ? new long[] {b[0], 0}
              : b.length == 3 ? new long[] {0, 1} : new long[] {0, 0})
          .fold(new long[] {0, 0}, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
      if (previous != null) previous.unpersist(false);
      previous = next;
      cur = next;
      LOG.info("connected components: round {} done", round);
      rounds.accept(round);
      if (markers[0] == 0) {
        JavaRDD<Row> rows = next.flatMap(b -> {
          List<Row> out = new ArrayList<>(b.length / 2);
          if (b.length % 2 == 0) {
            for (int i = 0; i < b.length; i += 2) out.add(RowFactory.create(b[i], b[i + 1]));
          }
          return out.iterator();
        });
        Dataset<Row> labels = spark.createDataFrame(rows, LABELS);
        // a partition contracted in several chunks may have given an edge twice
        if (markers[1] > 0) labels = labels.distinct();
        if (cached != null) {
          labels = labels.persist(StorageLevel.MEMORY_AND_DISK());
          labels.count();
          cached.add(labels);
        } else {
          labels = labels.localCheckpoint();
        }
        next.unpersist(false);
        return labels;
      }
    }
    throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS
        + " rounds");
  }

  /** Rows {@code (u, v)} as edge blocks of {@link EdgeContraction#BLOCK} longs. */
  private static Iterator<long[]> blocks(Iterator<InternalRow> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public long[] next() {
        long[] b = new long[EdgeContraction.BLOCK];
        int n = 0;
        while (n < b.length && rows.hasNext()) {
          InternalRow r = rows.next();
          b[n++] = r.getLong(0);
          b[n++] = r.getLong(1);
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
      }
    };
  }

  private static final StructType LABELS = new StructType()
      .add("node", DataTypes.LongType, false)
      .add("label", DataTypes.LongType, false);

}
