package org.flmdata.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FractionalCutTest {

  @Test
  void boundaryIsTheBucketWhereTheRunningTotalPassesTheTarget() {
    long[] hist = new long[FractionalCut.LEVEL_BUCKETS];
    hist[3] = 10;
    hist[7] = 20;
    hist[9] = 5;
    assertEquals(new FractionalCut.Boundary(7, 5.0), FractionalCut.boundary(hist, 15));
    assertEquals(new FractionalCut.Boundary(3, 9.0), FractionalCut.boundary(hist, 9));
    assertEquals(null, FractionalCut.boundary(hist, 35));
  }

  @Test
  void resolveStopsWhereTheTotalIsNearestTheTarget() {
    List<FractionalCut.Candidate> c = List.of(new FractionalCut.Candidate(30, "c", 4),
        new FractionalCut.Candidate(10, "a", 3), new FractionalCut.Candidate(20, "b", 5));
    // order a(3) b(5) c(4): totals 3, 8, 12; remaining 9 -> 8 (nearer than 12)
    FractionalCut cut = FractionalCut.resolve(0, 9, c);
    assertEquals(new FractionalCut(0, true, 20, "b"), cut);
    // remaining 11 -> 12 is nearer than 8
    assertEquals(new FractionalCut(0, true, 30, "c"), FractionalCut.resolve(0, 11, c));
    // remaining 1 -> nothing (0 is nearer than 3)
    assertEquals(new FractionalCut(0, false, 0, null), FractionalCut.resolve(0, 1, c));
  }

  @Test
  void sampleOfManyDocumentsIsWithinOneDocumentOfTheTarget() {
    long seed = 7;
    List<FractionalCut.Candidate> all = new ArrayList<>();
    long[] hist = new long[FractionalCut.LEVEL_BUCKETS];
    long total = 0;
    for (int i = 0; i < 1_000_000; i++) {
      String id = "doc-" + i;
      long h = SeededHash.of(id, seed);
      long t = 1 + (i * 7919L) % 50;
      all.add(new FractionalCut.Candidate(h, id, t));
      hist[FractionalCut.level1(h)] += t;
      total += t;
    }
    double need = total * 0.37;
    // the stage's two rounds: top 12 bits, then the next 12 inside the boundary bucket
    FractionalCut.Boundary b1 = FractionalCut.boundary(hist, need);
    long[] hist2 = new long[FractionalCut.LEVEL_BUCKETS];
    for (FractionalCut.Candidate c : all) {
      if (FractionalCut.level1(c.hash()) == b1.bucket()) hist2[FractionalCut.level2(c.hash())] += c.tokens();
    }
    FractionalCut.Boundary b2 = FractionalCut.boundary(hist2, b1.remaining());
    int bucket = (b1.bucket() << FractionalCut.LEVEL_BITS) | b2.bucket();
    List<FractionalCut.Candidate> inBucket = new ArrayList<>();
    for (FractionalCut.Candidate c : all) {
      if (SeededHash.bucket(c.hash()) == bucket) inBucket.add(c);
    }
    assertTrue(inBucket.size() < 10, "a 24-bit bucket holds a handful of 1M docs: " + inBucket.size());
    FractionalCut cut = FractionalCut.resolve(bucket, b2.remaining(), inBucket);
    long taken = 0;
    for (FractionalCut.Candidate c : all) {
      if (cut.takes(c.hash(), c.id())) taken += c.tokens();
    }
    // exact: the same as walking all documents in hash order and stopping nearest the target
    List<FractionalCut.Candidate> sorted = new ArrayList<>(all);
    sorted.sort(FractionalCut.ORDER);
    long expected = 0;
    for (FractionalCut.Candidate c : sorted) {
      long next = expected + c.tokens();
      if (next > need && next - need >= need - expected) break;
      expected = next;
      if (expected >= need) break;
    }
    assertEquals(expected, taken);
    assertTrue(Math.abs(taken - need) <= 25, taken + " vs " + need);
  }

  @Test
  void allAndNoneTakeEverythingAndNothing() {
    long h = SeededHash.of("x", 1);
    assertTrue(FractionalCut.ALL.takes(h, "x"));
    assertTrue(FractionalCut.ALL.takes(-1L, "x"));
    assertFalse(FractionalCut.NONE.takes(h, "x"));
    assertFalse(FractionalCut.NONE.takes(0L, ""));
  }

  @Test
  void hashDependsOnSeedAndId() {
    assertEquals(SeededHash.of("abc", 5), SeededHash.of("abc", 5));
    assertTrue(SeededHash.of("abc", 5) != SeededHash.of("abc", 6));
    assertTrue(SeededHash.of("abc", 5) != SeededHash.of("abd", 5));
    assertEquals(SeededHash.of(null, 5), SeededHash.of("", 5));
  }
}
