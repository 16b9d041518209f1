package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

class ChineseRulesTest {
  private final Profile zh = Profile.zhDefaults();

  @Test
  void defaultsAreChineseWebTextsAndFineWeb2s() {
    assertEquals(200, zh.zhMinChars());
    assertEquals(10.0, zh.zhMinAvgLineChars());
    assertEquals(0.3, zh.zhMinHanShare());
    assertEquals(0.5, zh.zhMaxRepeated13gramShare());
    assertEquals(0.106, zh.linePunctThr());
    assertEquals(0.287, zh.maxDupLineFrac());
    assertTrue(zh.stopWords().contains("的"));
  }

  @Test
  void aFinePageJustPassesTheZhRules() {
    String page = TextFixtures.zhPage();
    assertNull(ChineseRules.apply(page, zh).drop());
    DocumentCleaner c = new DocumentCleaner(CleanStage.SECTION.defaults("t"));
    Verdict v = c.clean(doc(page, "zh"));
    assertTrue(v.kept(), v.toString());
  }

  @Test
  void aMachineSpunPageOfRepeatedPhrasesFails() {
    StringBuilder sb = new StringBuilder();
    String[] phrases = {"最新优惠活动火热进行中", "点击进入了解更多详情", "欢迎来电咨询合作事宜"};
    for (int i = 0; i < 30; i++) sb.append(phrases[i % 3]).append('，');
    sb.append("谢谢。");
    String spun = sb.toString();
    RuleResult r = ChineseRules.apply(spun, zh);
    assertEquals(CleanReason.ZH_REPEAT, r.drop(), r.detail());
    DocumentCleaner c = new DocumentCleaner(CleanStage.SECTION.defaults("t"));
    assertTrue(!c.clean(doc(spun, "zh")).kept());
  }

  @Test
  void sensitiveWordsPerLineTripAboveChineseWebTextsLimit() {
    String page = TextFixtures.zhPage(); // 4 lines
    Profile listed = withSensitive(java.util.Set.of("祠堂", "刺绣", "游客"));
    // 3 distinct listed words / 4 lines = 0.75 > 0.5
    RuleResult r = ChineseRules.apply(page, listed);
    assertEquals(CleanReason.ZH_SENSITIVE, r.drop(), r.detail());
    // 2 / 4 = 0.5 is not above the limit
    assertNull(ChineseRules.apply(page, withSensitive(java.util.Set.of("祠堂", "刺绣"))).drop());
    assertNull(ChineseRules.apply(page, zh).drop()); // default list is empty: rule off
  }

  @Test
  void zhWordNgramsAreJiebaWords() {
    // one phrase of jieba words repeated: FineWeb-2's cmn dup 5-gram share (0.198) trips
    String spun = String.join("", java.util.Collections.nCopies(12, "我们今天讨论环境保护的重要问题。"))
        + TextFixtures.zhPage();
    RuleResult r = GopherRepetition.apply(spun, zh);
    assertTrue(r.dropped(), r.toString());
    assertNull(GopherRepetition.apply(TextFixtures.zhPage(), zh).drop());
  }

  private Profile withSensitive(java.util.Set<String> words) {
    Settings s = CleanStage.SECTION.parse(
        java.util.Map.of("zh_sensitive_words", List.copyOf(words)), "t.yaml");
    return Profile.zh(s);
  }

  @Test
  void lengthIsCountedInCharacters() {
    String page = TextFixtures.zhProse(12);
    assertEquals(CleanReason.ZH_SHORT, ChineseRules.apply(page.substring(0, 200), zh).drop());
    assertNull(ChineseRules.apply(page.substring(0, 201) + "。", zh).drop());
  }

  @Test
  void shortLinesTrip() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) sb.append("第").append(i).append("条。\n");
    assertEquals(CleanReason.ZH_SHORT_LINES, ChineseRules.apply(sb.toString(), zh).drop());
  }

  @Test
  void latinTextTripsTheHanShare() {
    String mixed = TextFixtures.prose(10) + "。这是中文。";
    assertEquals(CleanReason.ZH_HAN_SHARE, ChineseRules.apply(mixed, zh).drop());
  }

  @Test
  void repeatedShareMatchesADirectCount() {
    String s = "abcdefghijklmabcdefghijklm"; // 26 chars, 14 13-grams, 2 of them occur twice
    assertEquals(2.0 / 14, ChineseRules.repeatedNgramShare(s, 13), 1e-12);
  }

  /**
   * ChineseWebText's fastText training sample (10 + 10 pages: "clean" encyclopedia-style entries,
   * "dirty" CommonCrawl pages): the zh profile keeps clean pages far more often. Thresholds are the
   * published ones (ChineseWebText, FineWeb-2 cmn); these pages are evidence, not targets.
   */
  @Test
  void chineseWebTextCleanIsKeptFarMoreOftenThanDirty() throws IOException {
    Path dir = SharedData.require("data/text/zh-web-chinesewebtext");
    DocumentCleaner c = new DocumentCleaner(CleanStage.SECTION.defaults("t"));
    double clean = keptShare(c, dir.resolve("clean.jsonl"));
    double dirty = keptShare(c, dir.resolve("dirty.jsonl"));
    System.out.printf("zh profile kept: clean %.3f, dirty %.3f%n", clean, dirty);
    // "far more often": at least twice as often
    assertTrue(clean > 0 && clean >= 2 * dirty, "clean " + clean + " dirty " + dirty);
  }

  static double keptShare(DocumentCleaner c, Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    int kept = 0;
    int n = 0;
    for (String l : lines) {
      if (l.isBlank()) continue;
      n++;
      if (c.clean(doc(json.readTree(l).path("text").asText(), "zh")).kept()) kept++;
    }
    return (double) kept / n;
  }

  static Document doc(String text, String lang) {
    return new Document("d", "WebText", "s", null, lang, text, null);
  }
}
