package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flmdata.extract.PayloadType.Decision;
import org.flmdata.extract.PayloadType.Kind;
import org.junit.jupiter.api.Test;

class PayloadTypeTest {
  private static Decision decide(String type, byte[] b) {
    return PayloadType.decide(type, b, b.length);
  }

  @Test
  void theDeclaredTypeDecidesWhenItIsSpecific() {
    byte[] any = Fixtures.utf8("whatever");
    assertEquals(new Decision(Kind.HTML, "text/html", false), decide("text/html; charset=utf-8", any));
    assertEquals(Kind.TEXT, decide("text/plain", any).kind());
    assertEquals(Kind.DOCUMENT, decide("application/pdf", any).kind());
    assertEquals(Kind.DOCUMENT, decide("Application/RSS+XML", any).kind());
    assertEquals(Kind.BINARY, decide("image/png", any).kind());
    assertEquals(Kind.BINARY, decide("video/mp4", any).kind());
    assertEquals(Kind.BINARY, decide("application/zip", any).kind());
    assertEquals(Kind.UNSUPPORTED, decide("application/json", any).kind());
    assertEquals(Kind.UNSUPPORTED, decide("text/css", any).kind());
  }

  @Test
  void genericOrMissingTypesAreDecidedByTheBytes() {
    byte[] pdf = Documents.pdf("t", TikaTextTest.LINES);
    byte[] docx = Documents.docx(TikaTextTest.LINES);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    assertEquals(new Decision(Kind.DOCUMENT, "application/pdf", true), decide(null, pdf));
    assertEquals(
        new Decision(Kind.DOCUMENT, "application/pdf", true), decide("application/octet-stream", pdf));
    assertEquals(Kind.DOCUMENT, decide("", docx).kind(), decide("", docx).toString());
    assertEquals(new Decision(Kind.BINARY, "image/png", true), decide(null, png));
    assertEquals(Kind.HTML, decide(null, Fixtures.utf8("  <!DOCTYPE html><p>x")).kind());
    assertEquals(Kind.BINARY, decide(null, new byte[] {0, 1, 2, 3, (byte) 0xff}).kind());
    assertEquals(Kind.BINARY, decide(null, new byte[0]).kind());
  }
}
