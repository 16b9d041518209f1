package org.flmdata.tokenize.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both layouts of the merge table, behind their filter of absent pairs, answer as a map does. */
class MergeTableTest {
  @Test
  void everyPutPairIsFoundAndEveryOtherPairIsAbsentInBothLayouts() {
    Random r = new Random(11);
    int merges = 50_000;
    MergeTable packed = new MergeTable(merges, 60_000);
    MergeTable wide = new MergeTable(merges);
    Map<Long, Integer> rankOf = new HashMap<>();
    for (int rank = 0; rank < merges; rank++) {
      int a = r.nextInt(60_000);
      int b = r.nextInt(60_000);
      packed.put(a, b, rank, rank + 7);
      wide.put(a, b, rank, rank + 7);
      rankOf.put(MergeTable.pair(a, b), rank); // a pair listed twice keeps its last rank
    }
    for (Map.Entry<Long, Integer> e : rankOf.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      int rank = e.getValue();
      assertEquals(rank, packed.rank(a, b));
      assertEquals(rank + 7, packed.newId(packed.rank(a, b)));
      assertEquals(((long) rank << 32) | (rank + 7), wide.get(a, b));
      assertEquals(rank, wide.rank(a, b));
    }
    int absent = 0;
    for (int i = 0; i < 200_000; i++) {
      int a = r.nextInt(70_000);
      int b = r.nextInt(70_000);
      if (rankOf.containsKey(MergeTable.pair(a, b))) continue;
      absent++;
      assertEquals(-1, packed.rank(a, b));
      assertEquals(MergeTable.ABSENT, packed.get(a, b));
      assertEquals(MergeTable.ABSENT, wide.get(a, b));
    }
    assertEquals(true, absent > 190_000);
  }
}
