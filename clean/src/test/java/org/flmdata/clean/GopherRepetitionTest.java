package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GopherRepetitionTest {
  private final Profile p = Profile.defaults();

  private CleanReason reason(String text) {
    return GopherRepetition.apply(text, p).drop();
  }

  @Test
  void defaultsAreGophersTableA1() {
    assertEquals(0.30, p.maxDupLineFrac());
    assertEquals(0.30, p.maxDupParaFrac());
    assertEquals(0.20, p.maxDupLineCharFrac());
    assertEquals(0.20, p.maxDupParaCharFrac());
    assertEquals(List.of(2.0, 3.0, 4.0), p.topNgrams().stream().map(a -> a[0]).toList());
    assertEquals(List.of(0.20, 0.18, 0.16), p.topNgrams().stream().map(a -> a[1]).toList());
    assertEquals(List.of(0.15, 0.14, 0.13, 0.12, 0.11, 0.10),
        p.dupNgrams().stream().map(a -> a[1]).toList());
  }

  @Test
  void distinctProseJustPasses() {
    assertNull(reason(TextFixtures.prose(20)));
  }

  @Test
  void emptyAndOneWordTextsPass() {
    assertNull(reason(""));
    assertNull(reason("word"));
  }

  @Test
  void duplicateParagraphsByCountTrip() {
    // 11 paragraphs, 4 repeats of one short paragraph: 4/11 > 0.3 by count, few characters
    StringBuilder sb = new StringBuilder();
    String[] lines = TextFixtures.prose(6).split("\n");
    for (String l : lines) sb.append(l).append("\n\n");
    for (int i = 0; i < 5; i++) sb.append("Ok.\n\n");
    assertEquals(CleanReason.DUP_PARA_FRAC, reason(sb.toString().strip()));
  }

  @Test
  void duplicateParagraphCharactersTrip() {
    String[] lines = TextFixtures.prose(8).split("\n");
    // one long paragraph repeated once among 8: 1/9 by count, but > 20% of characters
    String big = lines[0] + " " + lines[1] + " " + lines[2];
    String text = String.join("\n\n", lines) + "\n\n" + big + "\n\n" + big;
    assertEquals(CleanReason.DUP_PARA_CHAR_FRAC, reason(text));
  }

  @Test
  void duplicateLinesTrip() {
    String[] lines = TextFixtures.prose(7).split("\n");
    String text = String.join("\n", lines) + "\nOk.\nOk.\nOk.\nOk.\nOk.";
    // 11 lines of which 3 are repeats: 0.27 passes; one more: 4/12 = 0.33
    assertNull(GopherRepetition.apply(text.substring(0, text.length() - 4), p).drop());
    assertEquals(CleanReason.DUP_LINE_FRAC, reason(text));
    String chars = String.join("\n", lines) + "\n" + lines[0] + "\n" + lines[1];
    assertEquals(CleanReason.DUP_LINE_CHAR_FRAC, reason(chars));
  }

  @Test
  void aDominantBigramTrips() {
    String text = TextFixtures.prose(3).replace("\n", " ") + " "
        + String.join(" ", TextFixtures.repeat("buy now", 30));
    RuleResult r = GopherRepetition.apply(text, p);
    assertEquals(CleanReason.TOP_NGRAM, r.drop());
    assertTrue(r.detail().startsWith("2-gram"), r.detail());
  }

  @Test
  void repeatedLongNgramsTrip() {
    String phrase = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    String text = TextFixtures.prose(6).replace("\n", " ") + " "
        + String.join(" ", TextFixtures.repeat(phrase, 4));
    RuleResult r = GopherRepetition.apply(text, p);
    assertEquals(CleanReason.DUP_NGRAM, r.drop(), r.detail());
  }

  @Test
  void dupNgramCharsSkipsPastARepeat() {
    List<String> w = List.of("a", "b", "c", "a", "b", "c", "a", "b");
    // bigrams: ab bc ca [ab] -> skip 2 -> [ca]? (index 5: "c a") ... computed by hand below
    // i=0 ab new, 1 bc new, 2 ca new, 3 ab dup i=5, 5 ca dup i=7: 7+2 > 8 stops; datatrove joins
    // a repeated n-gram with "" ("ab", "ca"): 2 + 2 characters
    assertEquals("ab".length() + "ca".length(), GopherRepetition.dupNgramChars(w, 2));
    assertEquals("a b".length() * 3, GopherRepetition.topNgramChars(w, 2));
  }

  @Test
  void paragraphsAreWhatTheDoubleNewlineRegexSplitGives() {
    java.util.regex.Pattern paras = java.util.regex.Pattern.compile("\\n{2,}");
    java.util.Random r = new java.util.Random(18);
    String alphabet = "ab \n\n\n\t.";
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(20);
      for (int k = 0; k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String t = sb.toString().strip();
      assertEquals(List.of(paras.split(t)), GopherRepetition.paragraphs(t), t);
    }
  }
}
