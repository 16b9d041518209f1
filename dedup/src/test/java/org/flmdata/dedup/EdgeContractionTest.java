package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-task steps of the distributed components, without Spark. */
class EdgeContractionTest {

  /** Labels (node to component minimum, non-minimal nodes only) by a plain union-find. */
  private static Map<Long, Long> labels(List<long[]> blocks) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] b : blocks) {
      for (int i = 0; i + 1 < b.length && b.length % 2 == 0; i += 2) {
        long x = find(parent, b[i]);
        long y = find(parent, b[i + 1]);
        if (x != y) parent.put(Math.max(x, y), Math.min(x, y));
      }
    }
    Map<Long, Long> out = new HashMap<>();
    for (Long n : new ArrayList<>(parent.keySet())) {
      long r = find(parent, n);
      if (r != n) out.put(n, r);
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long n) {
    long r = n;
    while (parent.containsKey(r) && parent.get(r) != r) r = parent.get(r);
    return r;
  }

  private static List<long[]> randomForest(int edges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] b = new long[2 * edges];
    for (int i = 0; i < edges; i++) {
      long a = r.nextLong(3 * edges);
      long c = r.nextLong(3 * edges);
      if (a == c) c = a + 1;
      b[2 * i] = Math.max(a, c);
      b[2 * i + 1] = Math.min(a, c);
    }
    return List.of(b);
  }

  private static List<long[]> contract(List<long[]> in, int parts, int pid, boolean check,
      int chunk) {
    List<long[]> out = new ArrayList<>();
    Iterator<long[]> it = new EdgeContraction.Contract(parts, check, chunk).call(pid,
        in.iterator());
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void contractionInSmallChunksKeepsTheComponentsAndSaysItSplit() {
    List<long[]> in = randomForest(5000, 3);
    List<long[]> out = contract(in, 1, 0, false, 64);
    assertEquals(labels(in), labels(out));
    assertTrue(out.stream().anyMatch(b -> b.length == 3), "split marker");
    List<long[]> whole = contract(in, 1, 0, false, 1 << 20);
    assertEquals(labels(in), labels(whole));
    assertTrue(whole.stream().noneMatch(b -> b.length % 2 == 1), "no marker in one chunk");
    // one chunk: every non-minimal node once, linked to its component's smallest node
    Map<Long, Long> star = new HashMap<>();
    for (long[] b : whole) {
      for (int i = 0; i < b.length; i += 2) assertEquals(null, star.put(b[i], b[i + 1]));
    }
    assertEquals(labels(in), star);
  }

  @Test
  void theCheckCountsOwnedNodesThatAreNotYetInAStarForest() {
    // 3 -> 2 -> 1: node 2 has an edge to a smaller node and one from a larger one
    List<long[]> chain = List.of(new long[] {3, 2, 2, 1});
    List<long[]> out = contract(chain, 1, 0, true, 1 << 20);
    assertTrue(out.stream().anyMatch(b -> b.length == 1 && b[0] == 1), "one bad node");
    // a star around 1 passes the check
    List<long[]> star = List.of(new long[] {3, 1, 2, 1, 7, 1});
    assertTrue(contract(star, 1, 0, true, 1 << 20).stream().noneMatch(b -> b.length == 1));
    // two different smaller neighbours
    List<long[]> fork = List.of(new long[] {5, 1, 5, 2});
    assertTrue(contract(fork, 1, 0, true, 1 << 20).stream()
        .anyMatch(b -> b.length == 1 && b[0] == 1));
  }
}
