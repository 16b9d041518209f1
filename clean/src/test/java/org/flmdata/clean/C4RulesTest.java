package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class C4RulesTest {
  private final Profile p = Profile.defaults();

  @Test
  void fiveSentencesJustPassAndAreKeptWhole() {
    String text = TextFixtures.prose(5);
    RuleResult r = C4Rules.apply(text, p);
    assertNull(r.drop());
    assertEquals(text, r.text());
    assertEquals(0, r.charsRemoved());
  }

  @Test
  void fourSentencesTrip() {
    assertEquals(CleanReason.FEW_SENTENCES, C4Rules.apply(TextFixtures.prose(4), p).drop());
  }

  @Test
  void lineRulesRemoveLinesAndCountTheirCharacters() {
    String prose = TextFixtures.prose(5);
    String noPunct = "Home page menu without stop";
    String twoWords = "Hello there.";
    String js = "Please enable JavaScript in your browser.";
    String policy = "By using this site you accept our privacy policy.";
    String ellipsis = "And then the story goes on...";
    String longWord = "A " + "x".repeat(1001) + " word.";
    String text = String.join("\n", noPunct, prose, twoWords, js, policy, ellipsis, longWord);
    RuleResult r = C4Rules.apply(text, p);
    assertNull(r.drop());
    assertEquals(prose, r.text());
    assertEquals(text.length() - prose.length(), r.charsRemoved());
  }

  @Test
  void citationsAreRemovedFromKeptLines() {
    String text = TextFixtures.prose(5).replace("number 0.", "number 0.[12]");
    assertEquals(TextFixtures.prose(5), C4Rules.apply(text, p).text());
  }

  @Test
  void loremIpsumAndCurlyBracketsDropTheDocument() {
    String prose = TextFixtures.prose(5);
    assertEquals(CleanReason.LOREM_IPSUM,
        C4Rules.apply(prose + "\nLorem ipsum dolor sit amet.", p).drop());
    assertEquals(CleanReason.CURLY_BRACKET,
        C4Rules.apply(prose + "\nThe function returns {a} here.", p).drop());
    // a bracket on a line that is removed anyway does not count
    assertNull(C4Rules.apply(prose + "\nfunction f() {", p).drop());
  }

  @Test
  void chineseFullStopsAreTerminalPunctuation() {
    String zh = TextFixtures.zhProse(8);
    RuleResult r = C4Rules.apply(zh, Profile.zhDefaults());
    assertNull(r.drop());
    assertEquals(zh, r.text());
  }
}
