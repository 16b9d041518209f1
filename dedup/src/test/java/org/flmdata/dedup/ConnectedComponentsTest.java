package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One Spark run over a graph made of disjoint parts (a scrambled chain, two stars, a random
 * forest, a self-loop and a 2-cycle), each test asserting on its part; expected labels come from
 * a plain union-find.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectedComponentsTest {
  private final SparkSession spark = SparkTestSession.get();

  private final List<long[]> chain = new ArrayList<>();
  private final List<long[]> stars = new ArrayList<>();
  private final List<long[]> random = new ArrayList<>();
  private final List<long[]> odd = List.of(new long[] {5_000_005, 5_000_005},
      new long[] {5_000_007, 5_000_008}, new long[] {5_000_008, 5_000_007});
  private Map<Long, Long> got;

  @BeforeAll
  void runOnce() {
    // a chain 0 - 37 - 74 - ... over 201 nodes, given in scrambled node order
    for (long i = 0; i < 200; i++) chain.add(new long[] {(i * 37) % 201, ((i + 1) * 37) % 201});
    // a star of 5,000 leaves around its smallest node, and one around a node that is not
    for (long i = 1_000_001; i <= 1_005_000; i++) stars.add(new long[] {i, 1_000_000});
    for (long i = 2_000_001; i <= 2_000_050; i++) stars.add(new long[] {2_000_500, i});
    SplittableRandom r = new SplittableRandom(12);
    for (int i = 0; i < 3000; i++) {
      long a = 3_000_000 + r.nextLong(2000);
      long b = 3_000_000 + r.nextLong(2000);
      if (a != b) random.add(new long[] {a, b});
    }
    List<long[]> all = new ArrayList<>(chain);
    all.addAll(stars);
    all.addAll(random);
    all.addAll(odd);
    got = labels(all);
  }

  private Map<Long, Long> part(List<long[]> edges) {
    Map<Long, Long> out = new HashMap<>();
    for (long[] e : edges) {
      for (long n : e) if (got.containsKey(n)) out.put(n, got.get(n));
    }
    return out;
  }

  private Map<Long, Long> labels(List<long[]> edges) {
    return labels(edges, 0);
  }

  private Map<Long, Long> labels(List<long[]> edges, long localMaxEdges) {
    StructType schema = new StructType().add("src", DataTypes.LongType, false)
        .add("dst", DataTypes.LongType, false);
    List<Row> rows = new ArrayList<>();
    for (long[] e : edges) rows.add(RowFactory.create(e[0], e[1]));
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    Map<Long, Long> out = new HashMap<>();
    for (Row r : ConnectedComponents.run(df, localMaxEdges).collectAsList()) {
      Long before = out.put(r.getLong(0), r.getLong(1));
      assertEquals(null, before, "node " + r.getLong(0) + " labelled twice");
    }
    return out;
  }

  /** The expected labels by a plain union-find: every non-minimal node to its component min. */
  private static Map<Long, Long> unionFind(List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] e : edges) {
      long a = find(parent, e[0]);
      long b = find(parent, e[1]);
      if (a != b) parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new HashMap<>();
    for (long[] e : edges) {
      for (long n : e) {
        long root = find(parent, n);
        if (root != n) out.put(n, root);
      }
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long n) {
    long r = n;
    while (parent.containsKey(r) && parent.get(r) != r) r = parent.get(r);
    return r;
  }

  @Test
  void longChainIsOneComponentLabelledByItsSmallestNode() {
    Map<Long, Long> c = part(chain);
    assertEquals(unionFind(chain), c);
    assertEquals(200, c.size());
    c.values().forEach(v -> assertEquals(0L, v));
  }

  @Test
  void starsAreLabelledByTheirSmallestNodeWhereverTheCenterIs() {
    Map<Long, Long> s = part(stars);
    assertEquals(unionFind(stars), s);
    assertEquals(5000 + 50, s.size());
    assertEquals(1_000_000L, s.get(1_004_999L));
    assertEquals(2_000_001L, s.get(2_000_500L));
  }

  @Test
  void singletonsAndSelfLoopsGetNoRow() {
    assertEquals(Map.of(5_000_008L, 5_000_007L), part(odd));
  }

  @Test
  void randomForestMatchesUnionFind() {
    assertEquals(unionFind(random), part(random));
  }

  @Test
  void everyLabelledNodeBelongsToOnePart() {
    int total = part(chain).size() + part(stars).size() + part(random).size() + part(odd).size();
    assertEquals(got.size(), total);
  }

  @Test
  void oneTaskPathGivesTheSameLabelsAsTheDistributedRounds() {
    List<long[]> all = new ArrayList<>(chain);
    all.addAll(stars);
    all.addAll(random);
    all.addAll(odd);
    assertEquals(got, labels(all, all.size()));
  }

  @Test
  void aGraphAboveALoweredOneTaskLimitTakesTheDistributedRoundsWithTheSameLabels() {
    List<long[]> all = new ArrayList<>(chain);
    all.addAll(stars);
    all.addAll(random);
    all.addAll(odd);
    // ~8,000 edges against a limit of 1,000: the path a graph above 2,000,000 edges takes
    assertEquals(labels(all, all.size()), labels(all, 1000));
  }

  @Test
  void localUnionFindMatchesThePlainOneWithoutSpark() {
    List<long[]> all = new ArrayList<>(random);
    all.addAll(odd);
    long[] u = new long[all.size()];
    long[] v = new long[all.size()];
    for (int i = 0; i < all.size(); i++) {
      u[i] = all.get(i)[0];
      v[i] = all.get(i)[1];
    }
    Map<Long, Long> local = new HashMap<>();
    for (long[] l : LocalComponents.labels(u, v, u.length)) local.put(l[0], l[1]);
    assertEquals(unionFind(all), local);
  }
}
