package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Verdict;
import org.junit.jupiter.api.Test;

/** Every cleaner and rule on random, broken and huge strings: a verdict, never an exception. */
class NeverThrowsTest {

  private static final String PUNCT = "{}[]%#|=\\.…。，@:";

  static List<String> nasty() {
    List<String> out = new ArrayList<>(List.of("", " ", "\n", "\n\n\n", "\u0000", "\uD800",
        "\uDC00x\uD800", "a", "。", "{{", "}}", "[[", "]]", "\\iffalse", "\\fi", "%", "…", "#",
        "==References==", "\r\n\r", "\uFFFD".repeat(10), "Ã©".repeat(50), "x".repeat(2_000_000),
        "word ".repeat(200_000), "中".repeat(300_000), ("line\n").repeat(50_000)));
    Random r = new Random(42);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(400);
      for (int j = 0; j < len; j++) {
        int kind = r.nextInt(6);
        sb.append(switch (kind) {
          case 0 -> (char) r.nextInt(0x80);
          case 1 -> (char) (0x4E00 + r.nextInt(0x5000));
          case 2 -> (char) r.nextInt(0x10000); // lone surrogates included
          case 3 -> '\n';
          case 4 -> ' ';
          default -> PUNCT.charAt(r.nextInt(PUNCT.length()));
        });
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void noInputMakesAnyRuleThrow() {
    Profile en = Profile.defaults();
    Profile zh = Profile.zhDefaults();
    var all = CleanStage.SECTION.parse(Map.of("cleaners",
        List.of("wikipedia", "book", "code", "qa", "latex")), "t.yaml");
    DocumentCleaner cleaner = new DocumentCleaner(all);
    for (String s : nasty()) {
      for (Profile p : List.of(en, zh)) {
        assertNotNull(GopherQuality.apply(s, p));
        assertNotNull(GopherRepetition.apply(s, p));
        assertNotNull(C4Rules.apply(s, p));
        assertNotNull(FineWebRules.apply(s, p));
        assertNotNull(ChineseRules.apply(s, p));
      }
      assertNotNull(PiiMasker.mask(s));
      assertNotNull(ParagraphDedup.apply(s, java.util.Set.of()));
      for (String lang : new String[] {"en", "zh", null}) {
        Verdict v = cleaner.clean(new Document("i", "D", "s", null, lang, s, null));
        assertNotNull(v);
      }
    }
  }
}
