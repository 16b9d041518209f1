package org.flmdata.pipeline.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;
import org.junit.jupiter.api.Test;

class XxHash64Test {
  @Test
  void emptyInputGivesTheSpecificationsValue() {
    // XXH64 of no bytes with seed 0, as published with the reference implementation
    assertEquals(0xEF46DB3751D8E999L, XxHash64.hashBytes(new byte[0], 0, 0, 0L));
  }

  @Test
  void bytesHashAsSparksXxh64ForEveryLengthAndOffset() {
    SplittableRandom rnd = new SplittableRandom(19);
    byte[] b = new byte[300];
    for (int round = 0; round < 40; round++) {
      rnd.nextBytes(b);
      long seed = rnd.nextLong();
      for (int off = 0; off < 9; off++) {
        for (int len = 0; off + len <= b.length; len += 1 + len / 16) {
          long spark = XXH64.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET + off, len, seed);
          assertEquals(spark, XxHash64.hashBytes(b, off, len, seed), "len " + len + " off " + off);
        }
      }
    }
  }

  @Test
  void textHashesAsSparksXxh64() {
    String[] texts = {"", "a", "hello world", "中文网页的正文，包括标点。", "emoji 😀 and 𝄞",
        "The quick brown fox jumps over the lazy dog, again and again and again."};
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      for (long seed : new long[] {0L, 42L, 0x1F0E5L, -1L}) {
        assertEquals(XXH64.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, seed),
            XxHash64.hashBytes(b, 0, b.length, seed), t);
      }
    }
  }

  @Test
  void longsHashAsSparksXxh64AndAsTheirEightBytes() {
    SplittableRandom rnd = new SplittableRandom(7);
    byte[] le = new byte[8];
    for (int i = 0; i < 100_000; i++) {
      long v = i < 10 ? i - 5 : rnd.nextLong();
      long seed = i % 3 == 0 ? 0x5111L : rnd.nextLong();
      long ours = XxHash64.hashLong(v, seed);
      assertEquals(XXH64.hashLong(v, seed), ours);
      for (int k = 0; k < 8; k++) le[k] = (byte) (v >>> (8 * k));
      assertEquals(ours, XxHash64.hashBytes(le, 0, 8, seed));
    }
  }
}
