package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DechunkerTest {
  private static Dechunker.Result decode(String body) {
    byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
    return Dechunker.decode(b, 0, b.length);
  }

  private static String text(Dechunker.Result r) {
    return new String(r.bytes(), 0, r.length(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void chunksAreJoinedUpToTheLastChunkAndTrailersAreSkipped() {
    Dechunker.Result r =
        decode("5\r\nHello\r\n7;ext=\"x\"\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n");
    assertEquals(Dechunker.Ending.COMPLETE, r.ending());
    assertEquals("Hello, world", text(r));
    assertEquals(2, r.chunks());
  }

  @Test
  void bareLineFeedsAndSpacesAfterTheSizeAreAccepted() {
    Dechunker.Result r = decode("5 \nHello\nA\t\r\n0123456789\n0\n");
    assertEquals(Dechunker.Ending.COMPLETE, r.ending());
    assertEquals("Hello0123456789", text(r));
  }

  @Test
  void aChunkLargerThanTheBytesThatRemainKeepsThoseBytesAsCut() {
    Dechunker.Result r = decode("5\r\nHello\r\n40\r\n, wor");
    assertEquals(Dechunker.Ending.CUT, r.ending());
    assertEquals("Hello, wor", text(r));
  }

  @Test
  void aSizeTooLargeForAnyArrayIsCutNotAnOverflow() {
    Dechunker.Result r = decode("5\r\nHello\r\nffffffffffffffffffffffff\r\n, world");
    assertEquals(Dechunker.Ending.CUT, r.ending());
    assertEquals("Hello, world", text(r));
  }

  @Test
  void aBodyWithoutTheLastChunkIsUnterminated() {
    for (String body :
        new String[] {"5\r\nHello\r\n", "5\r\nHello", "5\r\nHello\r", "5\r\nHello\r\n1"}) {
      Dechunker.Result r = decode(body);
      assertEquals(Dechunker.Ending.UNTERMINATED, r.ending(), body);
      assertEquals("Hello", text(r), body);
    }
    assertEquals(Dechunker.Ending.UNTERMINATED, decode("").ending());
  }

  @Test
  void aFirstLineThatIsNotAChunkSizeIsABodyStoredDechunked() {
    String page = "<html><body><p>de-chunked by the crawler</p></body></html>";
    Dechunker.Result r = decode(page);
    assertEquals(Dechunker.Ending.NOT_CHUNKED, r.ending());
    assertEquals(page, text(r));
    assertEquals(Dechunker.Ending.NOT_CHUNKED, decode("zz\r\nHello\r\n0\r\n\r\n").ending());
    assertEquals(Dechunker.Ending.NOT_CHUNKED, decode("abc <p>").ending());
  }

  @Test
  void aSizeLineThatIsNotHexAfterAChunkIsBadFraming() {
    String body = "5\r\nHello\r\nzz\r\n, world\r\n0\r\n\r\n";
    Dechunker.Result r = decode(body);
    assertEquals(Dechunker.Ending.BAD_FRAMING, r.ending());
    assertEquals(body.indexOf("zz"), r.at());
    assertEquals(1, r.chunks());
  }

  @Test
  void chunkDataNotFollowedByALineEndIsBadFraming() {
    // the size says 3, the data is longer
    String body = "3\r\nHello\r\n0\r\n\r\n";
    Dechunker.Result r = decode(body);
    assertEquals(Dechunker.Ending.BAD_FRAMING, r.ending());
    assertEquals(body.indexOf("lo"), r.at());
  }

  @Test
  void aSliceOfALargerArrayIsDecodedInPlace() {
    byte[] b = utf8("HEAD5\r\nHello\r\n0\r\n\r\nTAIL");
    Dechunker.Result r = Dechunker.decode(b, 4, b.length - 4);
    assertEquals(Dechunker.Ending.COMPLETE, r.ending());
    assertEquals("Hello", text(r));
  }

  @Test
  void randomBytesNeverThrowAndNeverGrow() {
    Random rnd = new Random(11);
    String alphabet = "0123456789abcdefXYZ;= \t\r\n";
    for (int i = 0; i < 20_000; i++) {
      int n = rnd.nextInt(64);
      byte[] b = new byte[n];
      for (int k = 0; k < n; k++) {
        b[k] =
            rnd.nextInt(4) == 0
                ? (byte) rnd.nextInt(256)
                : (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
      }
      Dechunker.Result r = Dechunker.decode(b, 0, n);
      assertEquals(true, r.length() <= n);
    }
  }
}
