package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FineWebRulesTest {
  private final Profile p = Profile.defaults();

  private CleanReason reason(String text) {
    return FineWebRules.apply(text, p).drop();
  }

  @Test
  void defaultsAreFineWebs() {
    assertEquals(0.12, p.linePunctThr());
    assertEquals(0.67, p.shortLineThr());
    assertEquals(30, p.shortLineLength());
    assertEquals(0.01, p.charDupRatio());
    assertEquals(0.3, p.newLineRatio());
  }

  @Test
  void proseJustPasses() {
    assertNull(reason(TextFixtures.prose(10)));
  }

  @Test
  void emptyTextNeverDividesByZero() {
    assertEquals(CleanReason.LINE_PUNCT, reason(""));
  }

  @Test
  void fewPunctuatedLinesTrip() {
    String[] lines = TextFixtures.prose(8).split("\n");
    StringBuilder sb = new StringBuilder();
    // 1 of 8 lines keeps its full stop: 0.125 passes; with none it trips
    for (int i = 0; i < lines.length; i++) {
      sb.append(i == 0 ? lines[i] : lines[i].replace(".", "")).append(i < 7 ? "\n" : "");
    }
    assertNull(reason(sb.toString()));
    assertEquals(CleanReason.LINE_PUNCT, reason(sb.toString().replace(".", "")));
  }

  @Test
  void shortLinesTrip() {
    String text = TextFixtures.prose(1) + "\nShort one.\nAnother.\nThird.";
    assertEquals(CleanReason.SHORT_LINES, reason(text)); // 3/4 >= 0.67
  }

  @Test
  void duplicatedLineCharactersTrip() {
    String[] lines = TextFixtures.prose(20).split("\n");
    String text = String.join("\n", lines) + "\n" + lines[3];
    assertEquals(CleanReason.DUP_LINE_CHARS, reason(text));
  }

  @Test
  void listLikeTextTrips() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append("The ").append(TextFixtures.word(i)).append(" of ").append(TextFixtures.word(i + 9))
          .append(" was fine and good.\n");
    }
    // 8 tokens + 1 '.' per line, 10 lines, 10 newlines: 10 / 90 passes
    assertNull(reason(sb.toString()));
    Profile strict = new Profile(false, 50, 100000, 3, 10, 0.1, 0.9, 0.3, 0.8, 2, p.stopWords(),
        0.3, 0.3, 0.2, 0.2, p.topNgrams(), p.dupNgrams(), true, 3, 1000, 5, true, true, true, true,
        true, 0.12, 0.67, 30, 0.01, 0.1, 200, 10, 0.3, 0.5, java.util.Set.of(), 0.5);
    assertEquals(CleanReason.LIST_RATIO, FineWebRules.apply(sb.toString(), strict).drop());
  }
}
