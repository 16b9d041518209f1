package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

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
 * LSH band buckets to star edges in one shuffle: each node's band rows go to the partition of
 * their bucket ({@code scope, band, key}), sorted by node inside it, and one pass links every
 * member of a bucket of two or more to the bucket's first (smallest) node. Before, the same edges
 * took an aggregate of the buckets, a join back and a distinct (three shuffles); repeats of an edge
 * (two nodes sharing several bands) are left to the caller, which removes them where it shuffles
 * the edges anyway.
 */
final class BandEdges implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType EDGE = new StructType()
      .add("src", DataTypes.LongType, false)
      .add("dst", DataTypes.LongType, false);

  private BandEdges() {}

  /**
   * Edges {@code src, dst} (member to its bucket's smallest node; an edge may repeat) of
   * {@code nodes} ({@code node, scope, bands}).
   */
  static Dataset<Row> of(Dataset<Row> nodes) {
    return nodes.select(col("scope"), col("node"), posexplode(col("bands")))
        .toDF("scope", "node", "band", "key")
        .repartition(col("scope"), col("band"), col("key"))
        .sortWithinPartitions("scope", "band", "key", "node")
        .mapPartitions(new BandEdges(), Encoders.row(EDGE));
  }

  /** Rows {@code scope, node, band, key} sorted by bucket then node; edges out. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      String scope;
      int band;
      long key;
      long first;
      boolean started;
      Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          Row r = rows.next();
          String s = r.getString(0);
          long node = r.getLong(1);
          int b = r.getInt(2);
          long k = r.getLong(3);
          if (!started || b != band || k != key || !java.util.Objects.equals(s, scope)) {
            started = true;
            scope = s;
            band = b;
            key = k;
            first = node;
          } else if (node != first) {
            next = RowFactory.create(node, first);
          }
        }
        return next != null;
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
