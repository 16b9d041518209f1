package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ParagraphDedupTest {

  @Test
  void normalFormIgnoresCaseDigitsPunctuationAndWidth() {
    assertEquals("price 00 today", ParagraphKey.normalise("  Price: 42 — today!! "));
    assertEquals(ParagraphKey.normalise("Price: 42, today."), ParagraphKey.normalise("PRICE 17 today"));
    assertEquals(ParagraphKey.normalise("你好，世界！"), ParagraphKey.normalise("你好,世界!"));
    assertEquals("", ParagraphKey.normalise(" *** -- \u200B"));
  }

  @Test
  void hashIsStableAndSeparatesDifferentLines() {
    long h = ParagraphKey.hash("cookie settings");
    assertEquals(h, ParagraphKey.hash(ParagraphKey.normalise("Cookie  Settings!")));
    assertNotEquals(h, ParagraphKey.hash("cookie setting"));
  }

  @Test
  void droppedLinesAndRepeatsInsideTheDocumentGo() {
    String text = "Keep me.\nShared line.\n\nKeep me.\nOwn line.";
    long shared = ParagraphKey.hash(ParagraphKey.normalise("Shared line."));
    assertEquals("Keep me.\n\nOwn line.", ParagraphDedup.apply(text, Set.of(shared)));
    assertEquals("Keep me.\nShared line.\n\nOwn line.", ParagraphDedup.apply(text, Set.of()));
  }

  @Test
  void punctuationOnlyLinesAreNotDeduplicated() {
    assertEquals("***\nA.\n***", ParagraphDedup.apply("***\nA.\n***", Set.of()));
  }
}
