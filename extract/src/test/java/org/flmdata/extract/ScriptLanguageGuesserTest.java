package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLanguageGuesserTest {

  private static String guess(String s) {
    return ScriptLanguageGuesser.guess(s);
  }

  @Test
  void hanWithoutKanaIsChinese() {
    assertEquals("zh", guess("中华人民共和国是世界上人口最多的国家之一。"));
  }

  @Test
  void hanWithKanaIsJapanese() {
    assertEquals("ja", guess("日本語の文章には平仮名と片仮名と漢字が混ざっています。"));
  }

  @Test
  void hangulIsKorean() {
    assertEquals("ko", guess("대한민국은 동아시아에 있는 나라입니다."));
  }

  @Test
  void cyrillicLanguagesAreToldApart() {
    assertEquals("ru", guess("Москва является столицей России, и это самый большой город в стране."));
    assertEquals("uk", guess("Київ є столицею України, і це дуже гарне місто."));
  }

  @Test
  void arabicScriptIsArabicUnlessPersianLettersShow() {
    assertEquals("ar", guess("القاهرة هي عاصمة جمهورية مصر العربية."));
    assertEquals("fa", guess("تهران پایتخت ایران است و یکی از بزرگترین شهرهای جهان است."));
  }

  @Test
  void otherScriptsHaveTheirLanguage() {
    assertEquals("el", guess("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας."));
    assertEquals("he", guess("ירושלים היא עיר עתיקה."));
    assertEquals("th", guess("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย"));
    assertEquals("hi", guess("नई दिल्ली भारत की राजधानी है।"));
  }

  @Test
  void latinWithEnglishFunctionWordsIsEnglish() {
    assertEquals("en", guess("The quick brown fox jumps over the lazy dog, and it was not tired."));
  }

  @Test
  void latinLanguagesOfWikipediaAreTold() {
    assertEquals("de", guess("Der schnelle braune Fuchs springt über den faulen Hund, und er ist nicht müde."));
    assertEquals("fr", guess("Le renard brun rapide saute par-dessus le chien paresseux et il ne dort pas."));
  }

  @Test
  void tooLittleTextIsUnknown() {
    for (String s : List.of("", "12345 !!! ???", "the", "OK")) {
      assertEquals("und", guess(s), s);
    }
    assertEquals("und", ScriptLanguageGuesser.guess(null));
  }

  @Test
  void aChinesePageWithEnglishMenusIsStillChinese() {
    String page = "Home About Contact Login Register\n" + "北京是中华人民共和国的首都，也是全国的政治中心和文化中心，历史悠久。";
    assertEquals("zh", guess(page));
  }
}
