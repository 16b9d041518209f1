package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exact-duplicate groups in one shuffle: the keys go to the partition of their group ({@code
 * scope, h1, h2}), sorted by rank inside it, so a group's first row is its best. One pass gives
 * each row the group's best rank and, to the best (and anything ranked equal to it), the group's
 * size. Before, the same took an aggregate of the groups and a join back (two shuffles). Rows
 * stream through: only the best rows of the group being read are held, until its size is known.
 */
final class ExactGroups implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final int id;
  private final int ix;
  private final int scope;
  private final int r;
  private final int h1;
  private final int h2;
  private final int bands;
  private final int sig;

  private ExactGroups(StructType in) {
    id = in.fieldIndex("id");
    ix = in.fieldIndex("ix");
    scope = in.fieldIndex("scope");
    r = in.fieldIndex("r");
    h1 = in.fieldIndex("h1");
    h2 = in.fieldIndex("h2");
    bands = in.fieldIndex("bands");
    sig = in.fieldIndex("sig");
  }

  /**
   * Rows {@code id, ix, scope, r, best, n, bands, sig} of {@code keys} (one per key row; {@code
   * best} is the group's smallest {@code r}; {@code n}, the group's size, only on rows whose
   * {@code r} is the best, 0 on the others).
   */
  static Dataset<Row> of(Dataset<Row> keys) {
    StructType in = keys.schema();
    StructType out = new StructType()
        .add(in.apply("id"))
        .add(in.apply("ix"))
        .add(in.apply("scope"))
        .add(in.apply("r"))
        .add("best", in.apply("r").dataType(), in.apply("r").nullable())
        .add("n", DataTypes.LongType, false)
        .add(in.apply("bands"))
        .add(in.apply("sig"));
    return keys.repartition(col("scope"), col("h1"), col("h2"))
        .sortWithinPartitions("scope", "h1", "h2", "r")
        .mapPartitions(new ExactGroups(in), Encoders.row(out));
  }

  /** Key rows sorted by group then rank; rows out. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      final List<Row> best = new ArrayList<>();
      Object bestRank;
      String gScope;
      long g1;
      long g2;
      long n;
      boolean open;
      Row pending;
      // the best rows of the closed group, being written
      int writing = -1;
      Row next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (writing >= 0) {
            if (writing < best.size()) {
              next = out(best.get(writing++), n);
              continue;
            }
            writing = -1;
            best.clear();
            open = false;
          }
          if (pending == null && !rows.hasNext()) {
            if (!open) break;
            writing = 0;
            continue;
          }
          Row row = pending != null ? pending : rows.next();
          pending = null;
          String s = row.getString(scope);
          long a = row.getLong(h1);
          long b = row.getLong(h2);
          if (open && (a != g1 || b != g2 || !java.util.Objects.equals(s, gScope))) {
            pending = row;
            writing = 0;
            continue;
          }
          if (!open) {
            open = true;
            gScope = s;
            g1 = a;
            g2 = b;
            n = 0;
            bestRank = row.get(r);
          }
          n++;
          if (java.util.Objects.equals(row.get(r), bestRank)) {
            best.add(row);
          } else {
            next = out(row, 0);
          }
        }
        return next != null;
      }

      private Row out(Row row, long size) {
        return RowFactory.create(row.get(id), row.get(ix), row.get(scope), row.get(r), bestRank,
            size, row.get(bands), row.get(sig));
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        Row x = next;
        next = null;
        return x;
      }
    };
  }
}
