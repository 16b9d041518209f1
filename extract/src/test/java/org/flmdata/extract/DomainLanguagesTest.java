package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainLanguagesTest {
  private static final DomainLanguages EN_ZH = new DomainLanguages(List.of("en", "zh"));

  @Test
  void aGivenLanguageIsUsedAndMatchedByItsPrimarySubtag() {
    assertEquals(new DomainLanguages.Decision("zh", true), EN_ZH.decide("zh_CN", "whatever"));
    assertEquals(new DomainLanguages.Decision("zh", true), EN_ZH.decide(" ZH-Hans ", ""));
    assertEquals(new DomainLanguages.Decision("fr", false), EN_ZH.decide("fr", "The text."));
  }

  @Test
  void aSingleLanguageDomainTakesItsLanguageWithoutGuessing() {
    DomainLanguages ja = new DomainLanguages(List.of("ja"));
    assertEquals(new DomainLanguages.Decision("ja", true), ja.decide(null, "English words here"));
    assertEquals(new DomainLanguages.Decision("ja", true), ja.decide("  ", ""));
  }

  @Test
  void otherwiseTheScriptGuessDecides() {
    assertEquals(new DomainLanguages.Decision("zh", true), EN_ZH.decide(null, "中华人民共和国"));
    assertEquals(
        new DomainLanguages.Decision("ru", false), EN_ZH.decide(null, "Москва является столицей России, и это самый большой город."));
    assertEquals(new DomainLanguages.Decision("und", false), EN_ZH.decide(null, "12345"));
  }
}
