package org.flmdata.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private static final BigInteger P = BigInteger.valueOf(MinHasher.P);

  @Test
  void mulModMatchesBigIntegerArithmetic() {
    SplittableRandom r = new SplittableRandom(7);
    long[] edge = {0, 1, 2, MinHasher.P - 1, MinHasher.P - 2, 1L << 60, (1L << 60) + 12345};
    for (long a : edge) {
      for (long x : edge) check(a, x);
    }
    for (int i = 0; i < 100_000; i++) check(r.nextLong(MinHasher.P), r.nextLong(MinHasher.P));
  }

  private static void check(long a, long x) {
    long want = BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).mod(P).longValueExact();
    assertEquals(want, MinHasher.mulMod(a, x), () -> a + " * " + x);
  }

  @Test
  void modReducesAnyUnsignedLong() {
    SplittableRandom r = new SplittableRandom(3);
    long[] edge = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, MinHasher.P, MinHasher.P + 1};
    for (long x : edge) checkMod(x);
    for (int i = 0; i < 100_000; i++) checkMod(r.nextLong());
  }

  private static void checkMod(long x) {
    BigInteger ux = new BigInteger(Long.toUnsignedString(x));
    assertEquals(ux.mod(P).longValueExact(), MinHasher.mod(x), () -> Long.toUnsignedString(x));
  }

  @Test
  void signatureSlotIsTheMinimumOfItsPermutation() {
    MinHasher h = new MinHasher(4, 3, 42);
    SplittableRandom r = new SplittableRandom(1);
    long[] shingles = new long[500];
    for (int i = 0; i < shingles.length; i++) shingles[i] = r.nextLong();
    long[] sig = h.signature(shingles, shingles.length);
    for (int i = 0; i < h.size(); i++) {
      // a*x+b mod p computed with BigInteger, independently of the fused loop
      BigInteger min = null;
      for (long s : shingles) {
        long x = MinHasher.mod(s);
        BigInteger v = BigInteger.valueOf(h.permute(i, x));
        BigInteger check = BigInteger.valueOf(MinHasher.mulMod(
            (h.permute(i, 1) - h.permute(i, 0) + MinHasher.P) % MinHasher.P, x))
            .add(BigInteger.valueOf(h.permute(i, 0))).mod(P);
        assertEquals(check, v);
        if (min == null || v.compareTo(min) < 0) min = v;
      }
      assertEquals(min.longValueExact(), sig[i]);
    }
  }

  /** Shingles that permutation {@code i} maps to {@code target}: x = (target - b) / a mod p. */
  private static long preimage(MinHasher h, int i, long target) {
    BigInteger b = BigInteger.valueOf(h.permute(i, 0));
    BigInteger a = BigInteger.valueOf(h.permute(i, 1)).subtract(b).mod(P);
    return BigInteger.valueOf(target).subtract(b).multiply(a.modInverse(P)).mod(P).longValueExact();
  }

  @Test
  void signatureIsExactAtTheEdgesOfTheFieldForEveryPermutationCount() {
    // 21x5 = 105 permutations: the blocks of four and the one left over; shingles mapped to 0, 1, 2
    // and p - 1 (the values the folding and the last subtraction must get right), and the
    // largest and smallest raw hashes
    MinHasher h = new MinHasher(21, 5, 7);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < h.size(); i++) {
      long[] shingles = new long[40];
      for (int j = 0; j < shingles.length; j++) shingles[j] = r.nextLong();
      shingles[0] = -1L;
      shingles[1] = Long.MIN_VALUE;
      long target = new long[] {0, 1, 2, MinHasher.P - 1}[i % 4];
      shingles[2 + i % 30] = preimage(h, i, target);
      long[] sig = h.signature(shingles, shingles.length);
      for (int k = 0; k < h.size(); k++) {
        long min = Long.MAX_VALUE;
        for (long s : shingles) min = Math.min(min, h.permute(k, MinHasher.mod(s)));
        assertEquals(min, sig[k], "permutation " + k);
      }
      if (target < MinHasher.P - 1) assertEquals(target, sig[i]);
    }
  }

  @Test
  void sameSeedSamePermutationsOtherSeedOthers() {
    long[] s = {1, 2, 3, 99};
    assertArrayEquals(new MinHasher(14, 8, 5).signature(s, 4),
        new MinHasher(14, 8, 5).signature(s, 4));
    assertNotEquals(new MinHasher(14, 8, 5).signature(s, 4)[0],
        new MinHasher(14, 8, 6).signature(s, 4)[0]);
  }

  @Test
  void agreementEstimatesJaccard() {
    // two sets of 2000 with 1500 in common: Jaccard 1500 / 2500 = 0.6
    long[] x = new long[2000];
    long[] y = new long[2000];
    for (int i = 0; i < 2000; i++) {
      x[i] = i * 0x9E3779B97F4A7C15L;
      y[i] = (i + 500) * 0x9E3779B97F4A7C15L;
    }
    MinHasher h = new MinHasher(50, 20, 11);
    double est = MinHasher.agreement(h.signature(x, x.length), h.signature(y, y.length));
    double jaccard = 1500.0 / 2500.0;
    // 1000 slots: standard error sqrt(0.24/1000) = 0.0155; allow 4 of them
    assertTrue(Math.abs(est - jaccard) < 4 * Math.sqrt(jaccard * (1 - jaccard) / 1000),
        "estimate " + est);
  }

  @Test
  void bandKeysAreEqualExactlyWhereBandsAgree() {
    MinHasher h = new MinHasher(3, 2, 9);
    long[] a = {1, 2, 3, 4, 5, 6};
    long[] b = {1, 2, 3, 7, 5, 6};
    long[] ka = h.bandKeys(a);
    long[] kb = h.bandKeys(b);
    assertEquals(ka[0], kb[0]);
    assertNotEquals(ka[1], kb[1]);
    assertEquals(ka[2], kb[2]);
    // band index is part of the key: equal rows in different bands do not collide
    long[] c = {5, 6, 5, 6, 5, 6};
    long[] kc = h.bandKeys(c);
    assertNotEquals(kc[0], kc[1]);
  }

  @Test
  void emptySetHasMaxSignature() {
    long[] sig = new MinHasher(2, 2, 1).signature(new long[0], 0);
    assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE},
        sig);
  }

  @Test
  void sCurveFollowsTheBandingFormula() {
    double s = 0.8;
    double want = 1 - Math.pow(1 - Math.pow(s, 8), 14);
    assertEquals(want, MinHasher.candidateProbability(s, 14, 8), 1e-12);
    String line = SCurve.describe(14, 8, "5-word shingles");
    assertTrue(line.contains(String.format(java.util.Locale.ROOT, "J=0.8 %.3f", want)), line);
  }

  @Test
  void exactJaccardOfSortedSets() {
    long[] a = JaccardCheck.sortedSet(new long[] {5, 1, 3, 3, 9}, 5);
    long[] b = JaccardCheck.sortedSet(new long[] {3, 9, 7, 1}, 4);
    assertArrayEquals(new long[] {1, 3, 5, 9}, a);
    // common {1, 3, 9}, union {1, 3, 5, 7, 9}
    assertEquals(3.0 / 5.0, JaccardCheck.jaccard(a, b), 1e-12);
    assertEquals(1.0, JaccardCheck.jaccard(new long[0], new long[0]), 1e-12);
    assertEquals(0.0, JaccardCheck.jaccard(a, new long[0]), 1e-12);
  }
}
