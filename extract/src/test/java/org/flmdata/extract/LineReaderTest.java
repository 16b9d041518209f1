package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /**
   * "before\n", then {@code n} bytes of 'x' without a newline, then "\nafter\n"; made on the fly.
   */
  static final class LongLineStream extends InputStream {
    private final byte[] head = "before\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] tail = "\nafter\n".getBytes(StandardCharsets.US_ASCII);
    private final long total;
    private long pos;

    LongLineStream(long n) {
      this.total = head.length + n + tail.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= total) return -1;
      int n = (int) Math.min(len, total - pos);
      for (int i = 0; i < n; i++) {
        long at = pos + i;
        long fromEnd = total - at;
        b[off + i] =
            at < head.length
                ? head[(int) at]
                : fromEnd <= tail.length ? tail[tail.length - (int) fromEnd] : (byte) 'x';
      }
      pos += n;
      return n;
    }
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void aLineOf200MbIsCountedAndSkippedWithoutBeingHeld() throws IOException {
    long n = 200_000_000L;
    int cap = 1 << 20;
    LineReader r = new LineReader(new LongLineStream(n), cap);
    long before = allocated();

    LineReader.Line first = r.next();
    LineReader.Line big = r.next();
    LineReader.Line after = r.next();
    long used = allocated() - before;

    assertArrayEquals("before".getBytes(StandardCharsets.US_ASCII), first.bytes());
    assertTrue(big.tooLong());
    assertEquals(n, big.length());
    assertEquals(n + 1, big.rawLength());
    assertEquals(3, after.number());
    assertArrayEquals("after".getBytes(StandardCharsets.US_ASCII), after.bytes());
    assertNull(r.next());
    assertEquals(7 + n + 7, r.position());
    // the line buffer grows to the 1 MiB cap (doubling from 1 KiB) and no further
    assertTrue(used < 4L * cap, "allocated " + used + " bytes reading a " + n + "-byte line");
  }

  @Test
  void aLineAtTheCapIsHeldAndOneByteMoreIsNot() throws IOException {
    byte[] line = new byte[100];
    Arrays.fill(line, (byte) 'a');
    byte[] in = new byte[203];
    System.arraycopy(line, 0, in, 0, 100);
    in[100] = '\n';
    Arrays.fill(in, 101, 202, (byte) 'b');
    in[202] = '\n';
    LineReader r = new LineReader(new java.io.ByteArrayInputStream(in), 100);
    assertArrayEquals(line, r.next().bytes());
    LineReader.Line over = r.next();
    assertTrue(over.tooLong());
    assertEquals(101, over.length());
    assertNull(r.next());
  }
}
