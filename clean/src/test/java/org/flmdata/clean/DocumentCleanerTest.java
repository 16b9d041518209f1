package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Verdict;
import org.junit.jupiter.api.Test;

class DocumentCleanerTest {
  /** Over 50 words, no English stop word: German prose. */
  static final String GERMAN = "Die Stadt liegt am Ufer eines breiten Flusses und ist seit dem"
      + " Mittelalter ein wichtiger Handelsplatz. Ihre Altstadt besitzt enge Gassen, alte"
      + " Kirchen und einen großen Marktplatz, auf dem jeden Samstag ein Wochenmarkt"
      + " stattfindet. Im neunzehnten Jahrhundert wuchs die Stadt schnell, als eine"
      + " Eisenbahnlinie gebaut wurde und neue Fabriken entstanden. Heute leben dort etwa"
      + " achtzigtausend Menschen, viele arbeiten in Schulen, Krankenhäusern und kleinen"
      + " Betrieben der Umgebung.";

  static Verdict clean(DocumentCleaner c, String text, String lang) {
    return c.after(ChineseRulesTest.doc(text, lang));
  }

  @Test
  void englishStopWordRuleSkipsOtherLanguagesButNotEnglish() {
    DocumentCleaner c = new DocumentCleaner(CleanStage.SECTION.parse(
        Map.of("rules", List.of("gopher_quality")), "t.yaml"));
    assertTrue(clean(c, GERMAN, "de").kept(), clean(c, GERMAN, "de").toString());
    Verdict en = clean(c, GERMAN, "en");
    assertFalse(en.kept());
    assertEquals(CleanReason.STOP_WORDS, ((Verdict.Drop) en).reason());
  }

  @Test
  void aDomainsOwnStopWordListAppliesToEveryLanguage() {
    DocumentCleaner c = new DocumentCleaner(CleanStage.SECTION.parse(
        Map.of("rules", List.of("gopher_quality"), "stop_words", List.of("xyz", "qqq")), "t.yaml"));
    assertEquals(CleanReason.STOP_WORDS, ((Verdict.Drop) clean(c, GERMAN, "de")).reason());
  }
}
