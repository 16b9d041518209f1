package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.concat;
import static org.flmdata.extract.Fixtures.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipStreamTest {

  private static byte[] data(int n, long seed) {
    // compressible but not trivial: words from a small alphabet
    Random r = new Random(seed);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) (r.nextInt(8) == 0 ? ' ' : 'a' + r.nextInt(6));
    return b;
  }

  /** Reads until the end or a failure; returns what was given out. */
  private static byte[] drain(byte[] gz, IOException[] failure) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipStream s = new GzipStream(new ByteArrayInputStream(gz))) {
      byte[] buf = new byte[777];
      int n;
      while ((n = s.read(buf, 0, buf.length)) >= 0) out.write(buf, 0, n);
    } catch (IOException e) {
      failure[0] = e;
    }
    return out.toByteArray();
  }

  @Test
  void membersAreReadOneAfterAnother() throws IOException {
    byte[] a = data(100_000, 1);
    byte[] b = data(5, 2);
    byte[] c = new byte[0];
    IOException[] f = new IOException[1];
    assertArrayEquals(concat(a, b, c), drain(concat(gzip(a), gzip(b), gzip(c)), f));
    assertEquals(null, f[0]);
  }

  @Test
  void aCutAtAnyByteGivesAPrefixThenOneTruncationError() {
    byte[] a = data(20_000, 3);
    byte[] b = data(20_000, 4);
    byte[] gz = concat(gzip(a), gzip(b));
    byte[] whole = concat(a, b);
    int boundary = gzip(a).length;
    for (int cut = 0; cut < gz.length; cut++) {
      IOException[] f = new IOException[1];
      byte[] got = drain(Arrays.copyOf(gz, cut), f);
      assertArrayEquals(Arrays.copyOf(whole, got.length), got, "cut at " + cut);
      if (cut == 0 || cut == boundary) {
        assertEquals(null, f[0], "cut at a member boundary is a clean end: " + cut);
      } else {
        assertTrue(
            f[0] instanceof GzipStream.TruncatedGzipException, "cut at " + cut + ": " + f[0]);
      }
    }
  }

  @Test
  void aCutInsideDeflateDataStillGivesMostOfTheMember() {
    byte[] a = data(200_000, 5);
    byte[] gz = gzip(a);
    IOException[] f = new IOException[1];
    byte[] got = drain(Arrays.copyOf(gz, gz.length - 100), f);
    assertTrue(f[0] instanceof GzipStream.TruncatedGzipException);
    assertTrue(got.length > a.length - 2000, "gave out " + got.length + " of " + a.length);
  }

  @Test
  void damageIsAZipException() {
    byte[] a = data(1000, 6);
    byte[] badCrc = gzip(a);
    badCrc[badCrc.length - 8] ^= 1;
    assertThrows(
        ZipException.class, () -> new GzipStream(new ByteArrayInputStream(badCrc)).readAllBytes());
    byte[] junkAfter = concat(gzip(a), "trailing junk".getBytes());
    assertThrows(
        ZipException.class,
        () -> new GzipStream(new ByteArrayInputStream(junkAfter)).readAllBytes());
    byte[] badData = gzip(a);
    badData[10] = (byte) 0xFF;
    assertThrows(
        ZipException.class, () -> new GzipStream(new ByteArrayInputStream(badData)).readAllBytes());
  }
}
