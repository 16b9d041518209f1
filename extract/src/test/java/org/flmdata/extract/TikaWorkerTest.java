package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TikaWorkerTest {

  /** A parse that ignores interrupts until released, as a parser stuck in a loop would. */
  private static TikaText.Result stuck(AtomicBoolean release) {
    while (!release.get()) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException ignored) {
        // a stuck parser does not look at its interrupt flag
      }
    }
    return new TikaText.Result("late", "", false);
  }

  @Test
  void aParsePastTheTimeCapIsTimedOutAndTheNextRecordGetsAFreshThread() throws Exception {
    byte[] pdf = Documents.pdf("t", TikaTextTest.LINES);
    TikaText.parse(pdf, pdf.length, "application/pdf", 1 << 20); // class loading off the clock
    AtomicBoolean release = new AtomicBoolean();
    try (TikaWorker w = new TikaWorker(200)) {
      long start = System.nanoTime();
      TikaWorker.Attempt a = w.run(() -> stuck(release), "stuck");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(TikaWorker.Status.TIMED_OUT, a.status());
      assertTrue(ms >= 200 && ms < 5_000, ms + " ms");
      assertEquals(1, w.stuck());
      TikaWorker.Attempt b = w.parse(pdf, pdf.length, "application/pdf", 1 << 20);
      assertEquals(TikaWorker.Status.PARSED, b.status(), String.valueOf(b.detail()));
      assertTrue(b.result().text().startsWith(TikaTextTest.LINES.get(0)));
    } finally {
      release.set(true);
    }
  }

  @Test
  void tooManyStuckParsesStopNewOnesInsteadOfTakingEveryCore() {
    AtomicBoolean release = new AtomicBoolean();
    try (TikaWorker w = new TikaWorker(50)) {
      for (int i = 0; i < TikaWorker.MAX_STUCK; i++) {
        assertEquals(TikaWorker.Status.TIMED_OUT, w.run(() -> stuck(release), "s").status());
      }
      TikaWorker.Attempt refused = w.run(() -> new TikaText.Result("x", "", false), "ok");
      assertEquals(TikaWorker.Status.TIMED_OUT, refused.status());
      assertTrue(refused.detail().startsWith("not started"), refused.detail());
      release.set(true);
      long deadline = System.currentTimeMillis() + 5_000;
      while (w.stuck() > 0 && System.currentTimeMillis() < deadline) Thread.onSpinWait();
      assertEquals(TikaWorker.Status.PARSED, w.run(() -> new TikaText.Result("x", "", false), "ok").status());
    } finally {
      release.set(true);
    }
  }

  @Test
  void parserExceptionsAndErrorsAreFailuresNotThrown() {
    try (TikaWorker w = new TikaWorker(5_000)) {
      byte[] junk = Fixtures.utf8("%PDF-1.4 nothing else");
      TikaWorker.Attempt a = w.parse(junk, junk.length, "application/pdf", 1000);
      assertEquals(TikaWorker.Status.FAILED, a.status());
      TikaWorker.Attempt e = w.run(() -> { throw new StackOverflowError("deep"); }, "x");
      assertEquals(TikaWorker.Status.FAILED, e.status());
      assertEquals("StackOverflowError: deep", e.detail());
      for (String type : List.of("application/msword", "application/xml", "application/x-tika-ooxml")) {
        assertEquals(TikaWorker.Status.FAILED, w.parse(junk, junk.length, type, 1000).status(), type);
      }
    }
  }
}
