package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-thread pair cache answers as the merge table does, for pairs seen once or many times. */
class PairCacheTest {
  @Test
  void answersAsTheTableForPresentAbsentAndRepeatedPairsAndAfterClear() {
    Random r = new Random(5);
    int merges = 40_000;
    MergeTable packed = new MergeTable(merges, 50_000);
    MergeTable wide = new MergeTable(merges);
    int[][] put = new int[merges][];
    for (int rank = 0; rank < merges; rank++) {
      int a = r.nextInt(50_000);
      int b = r.nextInt(50_000);
      packed.put(a, b, rank, (rank * 31) % 50_000);
      wide.put(a, b, rank, (rank * 31) % 50_000);
      put[rank] = new int[] {a, b};
    }
    for (MergeTable t : new MergeTable[] {packed, wide}) {
      PairCache c = new PairCache();
      for (int i = 0; i < 300_000; i++) {
        int a;
        int b;
        if (r.nextBoolean()) {
          // a put pair, often one of a few hundred (repeats hit the cache)
          int[] p = put[r.nextInt(4) == 0 ? r.nextInt(merges) : r.nextInt(300)];
          a = p[0];
          b = p[1];
        } else {
          a = r.nextInt(60_000);
          b = r.nextInt(60_000);
        }
        assertEquals(t.get(a, b), c.get(t, a, b), a + "," + b);
        if (i == 150_000) c.clear();
      }
    }
  }
}
