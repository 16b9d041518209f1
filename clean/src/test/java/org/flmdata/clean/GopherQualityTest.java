package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class GopherQualityTest {
  private final Profile p = Profile.defaults();

  private static CleanReason reason(String text, Profile p) {
    return GopherQuality.apply(text, p).drop();
  }

  @Test
  void defaultsAreGophersPublishedThresholds() {
    assertEquals(50, p.minWords());
    assertEquals(100_000, p.maxWords());
    assertEquals(3.0, p.minAvgWordLength());
    assertEquals(10.0, p.maxAvgWordLength());
    assertEquals(0.1, p.maxSymbolWordRatio());
    assertEquals(0.9, p.maxBulletLinesRatio());
    assertEquals(0.3, p.maxEllipsisLinesRatio());
    assertEquals(0.8, p.minAlphaWordsRatio());
    assertEquals(2, p.minStopWords());
  }

  @Test
  void proseJustPasses() {
    assertNull(reason(TextFixtures.prose(5), p));
  }

  @Test
  void fewWordsTripsAndTheBoundPasses() {
    // each prose sentence: 15 words and its number
    String text = TextFixtures.prose(4);
    int words = Words.words(Words.tokens(text)).size();
    assertEquals(4 * 16, words);
    Profile atBound = withMinWords(words);
    assertNull(reason(text, atBound));
    assertEquals(CleanReason.FEW_WORDS, reason(text, withMinWords(words + 1)));
  }

  @Test
  void emptyAndOneWordDocumentsNeverDivideByZero() {
    assertEquals(CleanReason.FEW_WORDS, reason("", p));
    assertEquals(CleanReason.FEW_WORDS, reason("word", p));
    Profile zero = withMinWords(0);
    assertNull(reason("", zero));
    assertEquals(CleanReason.STOP_WORDS, reason("word", zero));
    assertNull(reason("!!! ...", zero)); // no words at all: nothing to measure, kept
  }

  @Test
  void tooManyWordsTrips() {
    Profile small = new Profile(false, 0, 70, 3, 10, 0.1, 0.9, 0.3, 0.8, 2, p.stopWords(), 1, 1,
        1, 1, List.of(), List.of(), true, 3, 1000, 5, true, true, true, true, true, 0.12, 0.67,
        30, 0.01, 0.3, 200, 10, 0.3, 0.5, java.util.Set.of(), 0.5);
    assertEquals(CleanReason.MANY_WORDS, reason(TextFixtures.prose(5), small)); // 80 words
    assertNull(reason(TextFixtures.prose(4), small)); // 64 words
  }

  @Test
  void shortAndLongWordsTrip() {
    String shortWords = String.join(" ", TextFixtures.repeat("a of to be an", 20));
    assertEquals(CleanReason.SHORT_WORDS, reason(shortWords, p));
    String longWords = "the and " + String.join(" ", TextFixtures.repeat("incomprehensibilities", 60));
    assertEquals(CleanReason.LONG_WORDS, reason(longWords, p));
  }

  @Test
  void hashesAndEllipsesPerWordTrip() {
    String base = TextFixtures.prose(5); // 80 words
    assertNull(reason(base + " #".repeat(8), p)); // 8/80 = 0.1, not above
    assertEquals(CleanReason.HASHES, reason(base + " #".repeat(9), p));
    assertNull(reason(base + " …".repeat(8), p));
    assertEquals(CleanReason.ELLIPSES, reason(base + " …".repeat(9), p));
  }

  @Test
  void bulletAndEllipsisLinesTrip() {
    String[] lines = TextFixtures.prose(10).split("\n");
    StringBuilder bullets = new StringBuilder();
    for (String l : lines) bullets.append("• ").append(l).append('\n');
    assertEquals(CleanReason.BULLET_LINES, reason(bullets.toString(), p));
    StringBuilder ell = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      ell.append(i < 4 ? lines[i].replace(".", "...") : lines[i]).append('\n');
    }
    // 4 of 10 lines end with "...": 0.4 > 0.3; the 4 ellipses are < 0.1 per word
    assertEquals(CleanReason.ELLIPSIS_LINES, reason(ell.toString(), p));
    StringBuilder three = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      three.append(i < 3 ? lines[i].replace(".", "...") : lines[i]).append('\n');
    }
    assertNull(reason(three.toString(), p));
  }

  @Test
  void numericWordsTripTheAlphabeticShare() {
    StringBuilder sb = new StringBuilder(TextFixtures.prose(4)); // 64 words, 60 alphabetic
    for (int i = 0; i < 11; i++) sb.append(' ').append(1000 + i);
    assertNull(reason(sb.toString(), p)); // 60 / 75 = 0.8, not below
    sb.append(" 2000");
    assertEquals(CleanReason.NON_ALPHA_WORDS, reason(sb.toString(), p)); // 60 / 76
  }

  @Test
  void missingStopWordsTrip() {
    String text = String.join(" ", TextFixtures.VOCAB) + " " + String.join(" ", TextFixtures.VOCAB);
    assertEquals(CleanReason.STOP_WORDS, reason(text, p));
    assertNull(reason(text + " the of", p));
  }

  @Test
  void chineseProfileCountsCharactersNotWhitespaceTokens() {
    String zh = TextFixtures.zhProse(12);
    assertFalse(zh.contains(" "));
    assertNull(reason(zh, Profile.zhDefaults()));
    // with the default profile the whole paragraph would be a handful of giant "words"
    List<String> tokens = Words.words(Words.tokens("我们正在讨论问题"));
    assertEquals(8, tokens.size());
  }

  private Profile withMinWords(int min) {
    return new Profile(false, min, p.maxWords(), p.minAvgWordLength(), p.maxAvgWordLength(),
        p.maxSymbolWordRatio(), p.maxBulletLinesRatio(), p.maxEllipsisLinesRatio(),
        p.minAlphaWordsRatio(), p.minStopWords(), p.stopWords(), p.maxDupLineFrac(),
        p.maxDupParaFrac(), p.maxDupLineCharFrac(), p.maxDupParaCharFrac(), p.topNgrams(),
        p.dupNgrams(), true, 3, 1000, 5, true, true, true, true, true, 0.12, 0.67, 30, 0.01, 0.3,
        200, 10, 0.3, 0.5, java.util.Set.of(), 0.5);
  }
}
