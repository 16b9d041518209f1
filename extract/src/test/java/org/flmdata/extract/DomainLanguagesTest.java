package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainLanguagesTest {
  private static final DomainLanguages EN_ZH = new DomainLanguages(List.of("en", "zh"));

  @Test
  void aGivenLanguageIsUsedAndMatchedByItsPrimarySubtag() {
    assertEquals(new DomainLanguages.Decision("zh", true, 0), verdict(EN_ZH.decide("zh_CN", "whatever")));
    assertEquals(new DomainLanguages.Decision("zh", true, 0), verdict(EN_ZH.decide(" ZH-Hans ", "")));
    assertEquals(new DomainLanguages.Decision("fr", false, 0), verdict(EN_ZH.decide("fr", "The text.")));
  }

  @Test
  void aSingleLanguageDomainTakesItsLanguageWithoutGuessing() {
    DomainLanguages ja = new DomainLanguages(List.of("ja"));
    assertEquals(new DomainLanguages.Decision("ja", true, 0), verdict(ja.decide(null, "English words here")));
    assertEquals(new DomainLanguages.Decision("ja", true, 0), verdict(ja.decide("  ", "")));
  }

  @Test
  void otherwiseTheScriptGuessDecides() {
    assertEquals(new DomainLanguages.Decision("zh", true, 0), verdict(EN_ZH.decide(null, "中华人民共和国")));
    assertEquals(
        new DomainLanguages.Decision("ru", false, 0), verdict(EN_ZH.decide(null, "Москва является столицей России, и это самый большой город.")));
    assertEquals(new DomainLanguages.Decision("und", false, 0), verdict(EN_ZH.decide(null, "12345")));
  }

  @Test
  void scoreIsTheIdentifiersConfidenceAndNaNWhenNoneDecided() {
    assertTrue(Double.isNaN(EN_ZH.decide("zh", "whatever").score()), "given language");
    assertTrue(Double.isNaN(new DomainLanguages(List.of("ja")).decide(null, "text").score()));
    double zh = EN_ZH.decide(null, "中华人民共和国").score();
    assertEquals(1.0, zh, 1e-9, "all letters Han");
    double en = EN_ZH.decide(null, "The quick brown fox jumps over the lazy dog and then it runs"
        + " away from the farmer who is looking for it in the field.").score();
    assertTrue(en > 0 && en <= 1, "model-free English confidence " + en);
  }

  /** The decision without its score (language and whether the domain keeps it). */
  static DomainLanguages.Decision verdict(DomainLanguages.Decision d) {
    return new DomainLanguages.Decision(d.lang(), d.inDomain(), 0);
  }
}
