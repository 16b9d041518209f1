package org.flmdata.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QualityTextTest {
  @Test
  void lowercasesSplitsPunctuationAndCollapsesWhitespace() {
    assertEquals("hello , world ! it's fine",
        QualityText.prepare("  Hello,\n\tWorld!  It's   fine "));
  }

  @Test
  void cjkCharactersBecomeTokens() {
    assertEquals("太 平 军 十 次 占 领 abc 2024", QualityText.prepare("太平军十次占领ABC 2024"));
  }

  @Test
  void labelLookalikesAreDefused() {
    assertEquals("_label_hq text", QualityText.prepare("__label__hq text"));
  }

  @Test
  void nullEmptyAndBrokenSurrogatesNeverThrow() {
    assertEquals("", QualityText.prepare(null));
    assertEquals("", QualityText.prepare(""));
    assertEquals("a \uFFFD b", QualityText.prepare("a \uD800 b"));
    String huge = "x ".repeat(QualityText.MAX_CHARS);
    assertEquals(QualityText.MAX_CHARS / 2, QualityText.prepare(huge).split(" ").length);
  }
}
