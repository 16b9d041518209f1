package org.flmdata.pipeline.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64, the 64-bit xxHash of Yann Collet (BSD-2-Clause; algorithm as specified in the xxHash
 * repository's {@code doc/xxhash_spec.md}), written here from that specification so that no code
 * depends on Spark's internal {@code org.apache.spark.sql.catalyst.expressions.XXH64}. Input is
 * read little-endian as the specification says; the values equal Spark's on little-endian
 * machines (x86-64, aarch64), which {@code XxHash64Test} checks for many inputs, and equal those
 * of Spark's public {@code functions.xxhash64} column function for a long column.
 *
 * <p>Pure and allocation-free; never throws for a valid range of a byte array.
 */
public final class XxHash64 {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private XxHash64() {}

  /** XXH64 of the 8 little-endian bytes of {@code value}. */
  public static long hashLong(long value, long seed) {
    long h = seed + P5 + 8L;
    h ^= round(0, value);
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return avalanche(h);
  }

  /** XXH64 of {@code b[off .. off+len)}. */
  public static long hashBytes(byte[] b, int off, int len, long seed) {
    int end = off + len;
    int i = off;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      int limit = end - 32;
      while (i <= limit) {
        v1 = round(v1, (long) LONG.get(b, i));
        v2 = round(v2, (long) LONG.get(b, i + 8));
        v3 = round(v3, (long) LONG.get(b, i + 16));
        v4 = round(v4, (long) LONG.get(b, i + 24));
        i += 32;
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
          + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    while (i + 8 <= end) {
      h ^= round(0, (long) LONG.get(b, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (i + 4 <= end) {
      h ^= ((int) INT.get(b, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < end) {
      h ^= (b[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    return avalanche(h);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long acc, long v) {
    acc ^= round(0, v);
    return acc * P1 + P4;
  }

  private static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }
}
