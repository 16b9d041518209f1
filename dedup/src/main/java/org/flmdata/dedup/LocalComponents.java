package org.flmdata.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Connected components of a small edge list inside one task: node ids are compressed to indices
 * (sort, binary search), then union-find with path halving, union by smallest index. Memory is
 * about 40 bytes per edge, which is why {@link ConnectedComponents} only sends graphs of at most
 * {@code local_components_max_edges} edges here; larger graphs take the distributed rounds.
 */
final class LocalComponents implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /**
   * Labels of the edge list {@code (u[i], v[i])}, {@code i < m}: returns pairs {@code {node,
   * label}} for every node that is not its component's smallest id (self-loops ignored).
   */
  static long[][] labels(long[] u, long[] v, int m) {
    long[] ids = new long[2 * m];
    System.arraycopy(u, 0, ids, 0, m);
    System.arraycopy(v, 0, ids, m, m);
    Arrays.sort(ids);
    int n = 0;
    for (int i = 0; i < ids.length; i++) if (i == 0 || ids[i] != ids[i - 1]) ids[n++] = ids[i];
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int e = 0; e < m; e++) {
      int a = find(parent, Arrays.binarySearch(ids, 0, n, u[e]));
      int b = find(parent, Arrays.binarySearch(ids, 0, n, v[e]));
      // the smaller index (= smaller id) becomes the root, so a root is its component's minimum
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
    int k = 0;
    for (int i = 0; i < n; i++) if (find(parent, i) != i) k++;
    long[][] out = new long[k][];
    k = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (r != i) out[k++] = new long[] {ids[i], ids[r]};
    }
    return out;
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  /** Rows {@code (u, v)} in, rows {@code (node, label)} out; meant for one partition. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    long[] u = new long[1024];
    long[] v = new long[1024];
    int m = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (m == u.length) {
        u = Arrays.copyOf(u, m * 2);
        v = Arrays.copyOf(v, m * 2);
      }
      u[m] = r.getLong(0);
      v[m] = r.getLong(1);
      m++;
    }
    long[][] labels = labels(u, v, m);
    List<Row> out = new ArrayList<>(labels.length);
    for (long[] l : labels) out.add(RowFactory.create(l[0], l[1]));
    return out.iterator();
  }
}
