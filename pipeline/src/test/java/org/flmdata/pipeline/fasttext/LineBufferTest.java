package org.flmdata.pipeline.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;

class LineBufferTest {
  /** What the CLI reads for {@code text}: one line, breaks and NULs as spaces, then a newline. */
  private static byte[] cliLine(String text) {
    String t = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ').replace('\0', ' ');
    return (t + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void encodesAnyStringAsTheJdksUtf8OfTheCliLine() {
    SplittableRandom r = new SplittableRandom(11);
    char[] pool = {'a', 'Z', ' ', '\n', '\r', '\0', '\u00e9', '\u07ff', '\u0800', '\u4e2d', '\uffff',
        '\ud83d', '\ude00', '\ud800', '\udc00'};
    LineBuffer b = LineBuffer.get();
    for (int t = 0; t < 5000; t++) {
      char[] c = new char[r.nextInt(40)];
      for (int i = 0; i < c.length; i++) {
        c[i] = r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : pool[r.nextInt(pool.length)];
      }
      String s = new String(c);
      BytePointer p = b.line(s);
      byte[] want = cliLine(s);
      byte[] got = new byte[(int) p.limit()];
      p.get(got, 0, got.length);
      assertArrayEquals(want, got, () -> Arrays.toString(c));
      assertEquals(0, p.get(p.limit()), "NUL after the line");
      b.release(p);
    }
    assertArrayEquals(cliLine(null), Arrays.copyOf(bytes(b, null), 1));
  }

  @Test
  void aLineLongerThanTheKeptBufferGetsItsOwn() {
    LineBuffer b = LineBuffer.get();
    String longText = "x".repeat(LineBuffer.KEEP_BYTES + 10);
    BytePointer p = b.line(longText);
    assertEquals(LineBuffer.KEEP_BYTES + 11, p.limit());
    b.release(p);
    BytePointer q = b.line("short");
    assertArrayEquals(cliLine("short"), bytes(q));
    b.release(q);
  }

  @Test
  void aLabelReadAgainIsTheSameStringAndDistinctBytesAreDistinctStrings() {
    LineBuffer b = LineBuffer.get();
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) names.add("__label__" + Integer.toString(i, 36) + (i % 7 == 0 ? "\u00e9" : ""));
    java.util.Map<String, String> first = new java.util.HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (String n : names) {
        try (BytePointer p = new BytePointer(n.getBytes(StandardCharsets.UTF_8))) {
          String got = b.string(p);
          assertEquals(n, got);
          String before = first.putIfAbsent(n, got);
          if (before != null) org.junit.jupiter.api.Assertions.assertSame(before, got, n);
        }
      }
    }
  }

  private static byte[] bytes(BytePointer p) {
    byte[] out = new byte[(int) p.limit()];
    p.get(out, 0, out.length);
    return out;
  }

  private static byte[] bytes(LineBuffer b, String s) {
    BytePointer p = b.line(s);
    byte[] out = bytes(p);
    b.release(p);
    return out;
  }
}
