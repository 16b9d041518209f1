package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.hash.XxHash64;

/**
 * The verification groups of {@link JaccardCheck} in one shuffle: the star edges go to the
 * partition of their center, sorted by member, and one pass drops repeated edges, counts each
 * star and writes its rows {@code key} (the center), {@code salt}, {@code node}: each member once
 * with salt {@code pmod(xxhash64(member), fan)} and the center once per salt, {@code fan =
 * ceil(members / MEMBERS_PER_GROUP)}. Before, the same rows took a distinct, an aggregate of the
 * star sizes and a join back (three shuffles and a job). A star's members are held as one array of
 * longs while it is counted (8 bytes a member).
 */
final class StarGroups implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType GROUP = new StructType()
      .add("key", DataTypes.LongType, false)
      .add("salt", DataTypes.IntegerType, false)
      .add("node", DataTypes.LongType, false);

  /** Spark's default seed of {@code xxhash64}, so salts are those the SQL expression gave. */
  private static final long SPARK_SEED = 42L;

  private final long membersPerGroup;

  private StarGroups(long membersPerGroup) {
    this.membersPerGroup = membersPerGroup;
  }

  /** Rows {@code key, salt, node} of {@code edges} ({@code src, dst}, repeats allowed). */
  static Dataset<Row> of(Dataset<Row> edges, long membersPerGroup) {
    return edges.repartition(col("dst"))
        .sortWithinPartitions("dst", "src")
        .mapPartitions(new StarGroups(membersPerGroup), Encoders.row(GROUP));
  }

  /** The salt of {@code member} in a star of {@code fan} groups. */
  static int salt(long member, int fan) {
    return (int) Math.floorMod(XxHash64.hashLong(member, SPARK_SEED), (long) fan);
  }

  /** Rows {@code src, dst} sorted by dst then src; group rows out, one star at a time. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      long[] members = new long[64];
      int m;
      long center;
      boolean open;
      Row pending;
      // the star being written: members [0, m) then fan center rows
      boolean writing;
      int at;
      int fan;

      @Override
      public boolean hasNext() {
        if (writing) {
          if (at < m + fan) return true;
          writing = false;
          m = 0;
          open = false;
          if (members.length > 4096) members = new long[64];
        }
        while (pending != null || rows.hasNext()) {
          Row r = pending != null ? pending : rows.next();
          pending = null;
          long src = r.getLong(0);
          long dst = r.getLong(1);
          if (open && dst != center) {
            pending = r;
            startWriting();
            return true;
          }
          if (!open) {
            open = true;
            center = dst;
            m = 0;
          }
          if (m > 0 && members[m - 1] == src) continue;
          if (m == members.length) members = Arrays.copyOf(members, m * 2);
          members[m++] = src;
        }
        if (open) {
          startWriting();
          return true;
        }
        return false;
      }

      private void startWriting() {
        fan = (int) ((m + membersPerGroup - 1) / membersPerGroup);
        at = 0;
        writing = true;
      }

      @Override
      public Row next() {
        if (!hasNext()) throw new NoSuchElementException();
        int i = at++;
        return i < m ? RowFactory.create(center, salt(members[i], fan), members[i])
            : RowFactory.create(center, i - m, center);
      }
    };
  }
}
