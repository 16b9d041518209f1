package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One short hand-written paragraph per language of the paper's 22 Wikipedia languages (news and
 * encyclopedia prose, written for this test), through the whole model-free guess: script, then
 * {@link WikiLanguageDetector}.
 */
class WikiLanguageDetectorTest {
  static final Map<String, String> PARAGRAPHS = new LinkedHashMap<>();

  static {
    PARAGRAPHS.put("bg", "София е столицата на България и най-големият град в страната. През последните години в града бяха построени нови линии на метрото, които свързват центъра с летището.");
    PARAGRAPHS.put("ca", "Barcelona és la capital de Catalunya i una de les ciutats més visitades d'Europa. El port de la ciutat va ser molt important durant l'edat mitjana, i avui encara té una gran activitat.");
    PARAGRAPHS.put("cs", "Praha je hlavní město České republiky a leží na řece Vltavě. Historické centrum města bylo v roce 1992 zapsáno na seznam světového dědictví, protože patří k nejkrásnějším v Evropě.");
    PARAGRAPHS.put("da", "København er Danmarks hovedstad og landets største by. Byen ligger på øerne Sjælland og Amager, og den har været et vigtigt centrum for handel og kultur i mange hundrede år.");
    PARAGRAPHS.put("de", "Berlin ist die Hauptstadt der Bundesrepublik Deutschland und mit rund 3,8 Millionen Einwohnern die größte Stadt des Landes. Nach dem Fall der Mauer wurde die Stadt wieder zum politischen Zentrum.");
    PARAGRAPHS.put("en", "London is the capital of the United Kingdom and one of the largest cities in Europe. It has been a major settlement for nearly two thousand years, and its history is closely tied to the river Thames.");
    PARAGRAPHS.put("es", "Madrid es la capital de España y la ciudad más poblada del país. Durante el siglo XVI se convirtió en la sede de la corte, y desde entonces ha sido el centro político y económico del reino.");
    PARAGRAPHS.put("fr", "Paris est la capitale de la France et la ville la plus peuplée du pays. Elle est traversée par la Seine, et ses monuments, comme la tour Eiffel, attirent chaque année des millions de visiteurs.");
    PARAGRAPHS.put("hr", "Zagreb je glavni i najveći grad Republike Hrvatske. Smješten je između obronaka Medvednice i rijeke Save, a prema popisu iz 2021. godine ima oko 770 tisuća stanovnika.");
    PARAGRAPHS.put("hu", "Budapest Magyarország fővárosa és egyben legnépesebb települése. A várost a Duna két részre osztja, és a budai vár, valamint a parlament épülete a világörökség része.");
    PARAGRAPHS.put("it", "Roma è la capitale d'Italia e il comune più popoloso del paese. Fondata secondo la tradizione nel 753 a.C., la città è stata per secoli il centro dell'impero romano e della cristianità.");
    PARAGRAPHS.put("ja", "東京は日本の首都であり、世界でも有数の大都市です。江戸時代には徳川幕府が置かれ、明治時代になってから東京と呼ばれるようになりました。");
    PARAGRAPHS.put("nl", "Amsterdam is de hoofdstad van Nederland en de grootste stad van het land. De stad staat bekend om haar grachten, die in de zeventiende eeuw werden aangelegd, en om de vele musea.");
    PARAGRAPHS.put("pl", "Warszawa jest stolicą Polski i największym miastem w kraju. Podczas drugiej wojny światowej miasto zostało prawie całkowicie zniszczone, ale po wojnie odbudowano jego stare miasto.");
    PARAGRAPHS.put("pt", "Lisboa é a capital de Portugal e a cidade mais populosa do país. Em 1755 a cidade foi destruída por um grande terramoto, mas foi reconstruída com um plano moderno para a época.");
    PARAGRAPHS.put("ro", "București este capitala României și cel mai mare oraș din țară. În secolul al XIX-lea, orașul a devenit centrul politic al țării, iar astăzi are aproape două milioane de locuitori.");
    PARAGRAPHS.put("ru", "Москва — столица России и крупнейший город страны. Она была основана в двенадцатом веке, и с тех пор её история тесно связана с историей всего российского государства.");
    PARAGRAPHS.put("sl", "Ljubljana je glavno in največje mesto Slovenije. Leži ob reki Ljubljanici, ki teče skozi staro mestno jedro, in je tudi politično ter kulturno središče države.");
    PARAGRAPHS.put("sr", "Београд је главни и највећи град Србије. Налази се на ушћу Саве у Дунав, а кроз своју дугу историју био је разаран и обнављан више од тридесет пута.");
    PARAGRAPHS.put("sv", "Stockholm är Sveriges huvudstad och landets största stad. Staden ligger där Mälaren möter Östersjön, och den har varit huvudstad sedan medeltiden.");
    PARAGRAPHS.put("uk", "Київ є столицею України та найбільшим містом країни. Місто розташоване на берегах Дніпра, і його історія налічує понад півтори тисячі років.");
    PARAGRAPHS.put("zh", "北京是中华人民共和国的首都，也是全国的政治和文化中心。这座城市有三千多年的建城历史，留下了故宫、天坛等许多名胜古迹。");
  }

  @Test
  void eachOfThe22LanguagesIsToldFromAShortParagraph() {
    assertEquals(22, PARAGRAPHS.size());
    for (Map.Entry<String, String> e : PARAGRAPHS.entrySet()) {
      assertEquals(e.getKey(), ScriptLanguageGuesser.guess(e.getValue()), e.getValue());
    }
  }

  @Test
  void confidenceIsHighForProseAndLowForBareNames() {
    String de = PARAGRAPHS.get("de");
    WikiLanguageDetector.Guess g = WikiLanguageDetector.latin(de, de.length());
    assertEquals("de", g.lang());
    assertTrue(g.confidence() > 0.5, g.toString());
    String names = "Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig";
    WikiLanguageDetector.Guess n = WikiLanguageDetector.latin(names, names.length());
    assertEquals("und", n.lang(), n.toString());
  }

  @Test
  void latinTextOfOtherLanguagesIsUnknown() {
    // Vietnamese and Turkish: Latin script, none of the 22
    for (String s :
        List.of(
            "Hà Nội là thủ đô của nước Cộng hòa Xã hội chủ nghĩa Việt Nam và là thành phố lớn thứ hai của cả nước.",
            "İstanbul, Türkiye'nin en kalabalık şehri ve ülkenin ekonomik, kültürel ve tarihi merkezidir."
                + " Şehir, Asya ile Avrupa arasında bir köprü olarak bilinir ve nüfusu yaklaşık on beş"
                + " milyondur.")) {
      assertEquals("und", ScriptLanguageGuesser.guess(s), s);
    }
  }

  @Test
  void neverThrowsOnOddInput() {
    for (String s : List.of("", " ", "\uD800", "a".repeat(100_000), "ǅ ǈ ǋ ǲ", "1 2 3 4 5 6")) {
      WikiLanguageDetector.Guess g = WikiLanguageDetector.latin(s, s.length());
      assertTrue(g.confidence() >= 0 && g.confidence() <= 1, g.toString());
      WikiLanguageDetector.cyrillic(s, 10);
    }
  }
}
