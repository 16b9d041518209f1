package org.flmdata.pipeline.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hash64Test {
  @Test
  void fnv1aOverAsciiGivesThePublishedTestVectors() {
    // FNV-1a 64-bit test vectors from the FNV reference (Noll's test suite)
    assertEquals(0xcbf29ce484222325L, Hash64.fnv1aUtf8(""));
    assertEquals(0xaf63dc4c8601ec8cL, Hash64.fnv1aUtf8("a"));
    assertEquals(0x85944171f73967e8L, Hash64.fnv1aUtf8("foobar"));
    // for ASCII text one step per UTF-16 unit is one step per byte
    assertEquals(Hash64.fnv1aUtf8("foobar"), Hash64.fnv1aChars("foobar"));
  }

  @Test
  void utf16LeHashIsFnvOverTheEncodedBytes() {
    String s = "Condé 中文 😀";
    long h = Hash64.FNV_OFFSET;
    for (byte b : s.getBytes(StandardCharsets.UTF_16LE)) h = Hash64.fnv1a(h, b & 0xff);
    assertEquals(h, Hash64.fnv1aUtf16Le(s));
  }

  @Test
  void finalisersAreBijectionsOnSmallInputs() {
    java.util.Set<Long> a = new java.util.HashSet<>();
    java.util.Set<Long> b = new java.util.HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      a.add(Hash64.splitmix64(i));
      b.add(Hash64.fmix64(i));
    }
    assertEquals(10_000, a.size());
    assertEquals(10_000, b.size());
    assertEquals(0L, Hash64.fmix64(0L));
  }

  @Test
  void seededHashDependsOnSeedAndTreatsNullAsEmpty() {
    assertEquals(Hash64.seeded("", 1234), Hash64.seeded(null, 1234));
    assertNotEquals(Hash64.seeded("doc-1", 1234), Hash64.seeded("doc-1", 1235));
    assertNotEquals(Hash64.seeded("doc-1", 1234), Hash64.seeded("doc-2", 1234));
  }
}
