package org.flmdata.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The near-duplicate decisions of the exact survivors from their component labels, in one
 * shuffle: every node goes to the partition of its label (its component's smallest node, or
 * itself), sorted by node, so a component's first row is its survivor; one pass names the
 * survivor's id in every other member's decision and gives the survivor the cluster's size (the
 * sum of its members' exact-group sizes). Before, the same took a join of the labels, an aggregate
 * per component and a join back. Only the run's documents ({@code ix} 1) get a decision; a
 * component's rows are never held, only its survivor's while the sizes add up.
 */
final class ClusterDecisions implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The decision rows of {@link DedupStage#decide}. */
  static final StructType DECISION = new StructType()
      .add("did", DataTypes.StringType)
      .add("scope", DataTypes.StringType)
      .add("status", DataTypes.IntegerType, false)
      .add("other", DataTypes.StringType)
      .add("size", DataTypes.LongType, false);

  private ClusterDecisions() {}

  /**
   * Decisions ({@link #DECISION}) of {@code nodes} ({@code node, id, ix, scope, n}) given
   * {@code labels} ({@code node, label}; a node without a row is its own label). A removed
   * document's {@code size} is 0 (only a kept document's is read).
   */
  static Dataset<Row> of(Dataset<Row> nodes, Dataset<Row> labels) {
    return nodes.select("node", "id", "ix", "scope", "n")
        .join(labels, new String[] {"node"}, "left")
        .select(coalesce(col("label"), col("node")).as("label"), col("node"), col("id"),
            col("ix"), col("scope"), col("n"))
        .repartition(col("label"))
        .sortWithinPartitions("label", "node")
        .mapPartitions(new ClusterDecisions(), Encoders.row(DECISION));
  }

  /** Rows {@code label, node, id, ix, scope, n} sorted by label then node; decisions out. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      long label;
      boolean open;
      // the component's survivor: its row, whether it is indexed, the sizes so far
      Row survivor;
      String lid;
      boolean indexed;
      long size;
      Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          Row r = rows.next();
          long l = r.getLong(0);
          if (!open || l != label) {
            if (open) next = kept();
            open = true;
            label = l;
            survivor = r;
            lid = r.getString(2);
            indexed = r.getInt(3) == 0;
            size = r.getLong(5);
            continue;
          }
          size += r.getLong(5);
          if (r.getInt(3) == 1) {
            next = RowFactory.create(r.getString(2), r.getString(4),
                indexed ? DedupStage.NEAR_INDEXED : DedupStage.NEAR, lid, 0L);
          }
        }
        if (next == null && open) next = kept();
        return next != null;
      }

      /** The survivor's decision (null for an indexed one); closes the component. */
      private Row kept() {
        Row s = survivor;
        open = false;
        survivor = null;
        if (s.getInt(3) != 1) return null;
        return RowFactory.create(s.getString(2), s.getString(4), DedupStage.KEPT, null, size);
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        Row r = next;
        next = null;
        return r;
      }
    };
  }
}
