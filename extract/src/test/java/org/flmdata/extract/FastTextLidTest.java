package org.flmdata.extract;

import static org.flmdata.extract.Fixtures.counts;
import static org.flmdata.extract.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language identification with the real lid.176.ftz model through jfasttext. */
class FastTextLidTest {
  @TempDir Path dir;

  static final String DE =
      "Der Stadtrat hat am Dienstag beschlossen, das Budget der Bibliotheken zu erhöhen.";
  static final String FR =
      "Le conseil municipal a décidé mardi d'augmenter le budget des bibliothèques publiques.";
  static final String EN =
      "The city council voted on Tuesday to raise the budget of the public libraries.";
  static final String ZH = "市议会周二投票决定，将公共图书馆的预算提高百分之十二。";
  static final String JA = "市議会は火曜日、公共図書館の予算を増やすことを決めました。";

  private static String model() {
    return SharedData.require("models/fasttext/lid.176.ftz").toString();
  }

  @Test
  void theModelNamesLatinScriptLanguages() {
    FastTextLid lid = FastTextLid.of(model());
    assertSame(lid.model(), FastTextLid.of(model()).model()); // loaded once per JVM
    Map<String, String> expected = Map.of(DE, "de", FR, "fr", EN, "en", JA, "ja");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      FastTextLid.Prediction p = lid.predict(e.getKey());
      assertEquals(e.getValue(), p.lang(), e.getKey());
      assertTrue(p.prob() > 0.5 && p.prob() <= 1.0, p.toString());
    }
    assertEquals("de", ScriptLanguageGuesser.guess(DE)); // the model-free detector agrees
    // lid.176 calls this short Simplified Chinese sentence Japanese: why Han text is left to the
    // script guess (no Kana: zh) in DomainLanguages
    assertEquals("ja", lid.predict(ZH).lang());
    DomainLanguages zhJa = new DomainLanguages(List.of("zh", "ja"), model(), 0.5);
    assertEquals(new DomainLanguages.Decision("zh", true, 0), verdict(zhJa.decide(null, ZH)));
    assertEquals(new DomainLanguages.Decision("ja", true, 0), verdict(zhJa.decide(null, JA)));
    assertNull(lid.predict(""));
    assertNull(lid.predict(" \n "));
  }

  @Test
  void withAModelSingleLanguageDomainsAreCheckedToo() {
    DomainLanguages en = new DomainLanguages(List.of("en"), model(), 0.5);
    assertEquals(new DomainLanguages.Decision("en", true, 0), verdict(en.decide(null, EN)));
    assertEquals(new DomainLanguages.Decision("de", false, 0), verdict(en.decide(null, DE)));
    // a given language still wins over the model
    assertEquals(new DomainLanguages.Decision("en", true, 0), verdict(en.decide("en", DE)));
    // without a model the single language is taken as before
    assertEquals(
        new DomainLanguages.Decision("en", true, 0), verdict(new DomainLanguages(List.of("en")).decide(null, DE)));
  }

  @Test
  void belowTheMinimumProbabilityTheScriptGuessDecides() {
    DomainLanguages zh = new DomainLanguages(List.of("zh", "en"), model(), 1.01);
    // no prediction reaches 1.01: the model-free guess names Han text zh and German de
    assertEquals(new DomainLanguages.Decision("zh", true, 0), verdict(zh.decide(null, ZH)));
    assertEquals(new DomainLanguages.Decision("de", false, 0), verdict(zh.decide(null, DE)));
  }

  @Test
  void pagesOutsideTheDomainLanguagesAreRejectedAsLangNotInDomain() {
    Path root = dir.resolve("site");
    write(root.resolve("de.html"), ("<p>" + DE + "</p>").getBytes(StandardCharsets.UTF_8));
    write(root.resolve("en.html"), ("<p>" + EN + "</p>").getBytes(StandardCharsets.UTF_8));
    write(root.resolve("fr.html"), ("<p>" + FR + "</p>").getBytes(StandardCharsets.UTF_8));
    InputContext in =
        Fixtures.input(
            "Web",
            new DomainLanguages(List.of("en", "fr"), model(), 0.5),
            Fixtures.spec(root, InputFormat.HTML),
            50L << 20,
            1);
    List<Outcome> outs = Fixtures.read(in);
    assertEquals(Map.of("kept", 2, "lang/not-in-domain", 1), counts(outs));
    assertEquals("de", outs.get(0).getDetail());
    assertEquals("de", outs.get(0).getLang());
    assertEquals(List.of("en", "fr"), outs.subList(1, 3).stream().map(Outcome::getLang).toList());
  }

  @Test
  void aMissingModelFileFailsOnTheDriverNamingTheKey() {
    String none = dir.resolve("none.ftz").toString();
    ConfigException e = assertThrows(ConfigException.class, () -> languages(none));
    assertTrue(e.getMessage().contains("extract.lid_model") && e.getMessage().contains(none),
        e.getMessage());
  }

  @Test
  void aDamagedModelFileFailsOnTheDriverInsteadOfKillingAnExecutor() throws Exception {
    Path broken = dir.resolve("broken.ftz");
    byte[] good = java.nio.file.Files.readAllBytes(Path.of(model()));
    java.nio.file.Files.write(broken, java.util.Arrays.copyOf(good, good.length / 3));
    ConfigException e =
        assertThrows(ConfigException.class, () -> languages(broken.toString()));
    assertTrue(e.getMessage().contains("extract.lid_model"), e.getMessage());
  }

  @Test
  void aGoodModelIsCheckedOncePerPath() {
    Map<String, ModelCheck.ModelInfo> checked = new java.util.HashMap<>();
    DomainConfig d = domain(model());
    for (int i = 0; i < 2; i++) {
      DomainLanguages l = ExtractStage.languages(d, d.section(ExtractStage.NAME), checked);
      assertEquals(model(), l.lidModel());
    }
    assertEquals(176, checked.get(model()).labels().size());
  }

  private static DomainConfig domain(String model) {
    String file = "domains/web.yaml";
    return new DomainConfig(file, "web", List.of("en"), 1.0, 1.0, List.of(), Map.of(
        ExtractStage.NAME,
        ExtractStage.SECTION.defaults(file).with(ExtractStage.LID_MODEL, model)));
  }

  private DomainLanguages languages(String model) {
    DomainConfig d = domain(model);
    return ExtractStage.languages(d, d.section(ExtractStage.NAME), new java.util.HashMap<>());
  }

  /** The decision without its score (language and whether the domain keeps it). */
  static DomainLanguages.Decision verdict(DomainLanguages.Decision d) {
    return new DomainLanguages.Decision(d.lang(), d.inDomain(), 0);
  }
}
