package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;

/** The sketch merges DedupReport reduces partitions with, without Spark. */
class DedupReportTest {

  @Test
  void mergedKllOfTwoPartitionsHasTheQuantilesOfOneSketchOverAll() {
    SplittableRandom r = new SplittableRandom(7);
    KllLongsSketch a = KllLongsSketch.newHeapInstance(DedupReport.KLL_K);
    KllLongsSketch b = KllLongsSketch.newHeapInstance(DedupReport.KLL_K);
    long[] all = new long[150];
    for (int i = 0; i < all.length; i++) {
      all[i] = 2 + r.nextInt(500);
      (i % 3 == 0 ? a : b).update(all[i]);
    }
    KllLongsSketch merged = KllLongsSketch.heapify(Memory.wrap(
        DedupReport.mergeKll(a.toByteArray(), b.toByteArray())));
    java.util.Arrays.sort(all);
    long[] want = new long[DedupReport.QUANTILES.length];
    for (int i = 0; i < want.length; i++) {
      want[i] = all[(int) Math.ceil(DedupReport.QUANTILES[i] * all.length) - 1];
    }
    // 150 values < k: nothing is compacted, so the merged quantiles are exact
    assertArrayEquals(want,
        merged.getQuantiles(DedupReport.QUANTILES, QuantileSearchCriteria.INCLUSIVE));
  }

  @Test
  void mergedCpcCountsTheUnionOnceWithinItsError() {
    CpcSketch a = new CpcSketch(DedupReport.CPC_LG_K);
    CpcSketch b = new CpcSketch(DedupReport.CPC_LG_K);
    // 0..59,999 in a, 40,000..99,999 in b: 100,000 distinct, 20,000 in both
    for (long i = 0; i < 60_000; i++) a.update(i * 0x9E3779B97F4A7C15L);
    for (long i = 40_000; i < 100_000; i++) b.update(i * 0x9E3779B97F4A7C15L);
    double est = CpcSketch.heapify(DedupReport.mergeCpc(a.toByteArray(), b.toByteArray()))
        .getEstimate();
    // lgK 11: relative standard error ~1.2%; 4% is over three of them
    assertEquals(100_000, est, 100_000 * 0.04);
  }
}
