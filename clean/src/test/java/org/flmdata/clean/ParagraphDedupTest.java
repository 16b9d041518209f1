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

  @Test
  void mergedLinesDoNotDependOnMergeOrder() {
    ParagraphDedup.Line[] ls = {
        new ParagraphDedup.Line("d", 2, 0, 5), new ParagraphDedup.Line("b", 1, 7, 3),
        new ParagraphDedup.Line("b", 0, 4, 9), new ParagraphDedup.Line("c", 0, 1, 5)};
    ParagraphDedup.Line forward = copy(ls[0]);
    for (int i = 1; i < ls.length; i++) forward.merge(copy(ls[i]));
    ParagraphDedup.Line backward = copy(ls[3]);
    backward.merge(copy(ls[2]).merge(copy(ls[1]))).merge(copy(ls[0]));
    for (ParagraphDedup.Line l : new ParagraphDedup.Line[] {forward, backward}) {
      // first: smallest id "b", then partition 0
      assertEquals("b", l.docId);
      assertEquals(0, l.part);
      assertEquals(4, l.index);
      assertEquals(4, l.docs);
      assertEquals(9, l.limit);
      assertEquals(9, l.ownLimit);
      assertEquals(java.util.List.of(0, 1, 2),
          java.util.Arrays.stream(l.parts).boxed().toList());
    }
  }

  @Test
  void theFirstKeepsTheLineUpToItsOwnBoilerplateLimit() {
    ParagraphDedup.Line l = new ParagraphDedup.Line("a", 0, 0, 2);
    l.merge(new ParagraphDedup.Line("b", 1, 0, 2));
    assertEquals(true, l.firstKeeps()); // 2 documents, limit 2
    l.merge(new ParagraphDedup.Line("c", 1, 3, 2));
    assertEquals(false, l.firstKeeps()); // 3 documents: boilerplate, removed everywhere
  }

  private static ParagraphDedup.Line copy(ParagraphDedup.Line l) {
    return new ParagraphDedup.Line(l.docId, l.part, l.index, l.limit);
  }
}
