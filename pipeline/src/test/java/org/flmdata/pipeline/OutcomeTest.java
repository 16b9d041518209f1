package org.flmdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  enum R implements DropReason {
    SHORT;

    @Override
    public String rule() {
      return "len";
    }

    @Override
    public String reason() {
      return "short";
    }
  }

  @Test
  void utf8LengthMatchesTheEncoderForEveryScript() {
    String[] texts = {"", "plain ascii", "Condé Nast", "中文网页的正文", "emoji 😀 and 𝄞",
        "mixed ä中😀x", "\u0000\u007f\u0080\u07ff\u0800\uffff"};
    for (String t : texts) {
      assertEquals(t.getBytes(StandardCharsets.UTF_8).length, Outcome.utf8Length(t), t);
    }
  }

  @Test
  void unpairedSurrogatesCountAsTheEncoderReplacesThem() {
    String lone = "a\ud800b\udc00";
    assertEquals(lone.getBytes(StandardCharsets.UTF_8).length, Outcome.utf8Length(lone));
    assertEquals(0, Outcome.utf8Length(null));
  }

  @Test
  void keptOutcomeCarriesOutputSizeAndRejectedCarriesReason() {
    Document in = new Document("d1", "WebText", "cc", "http://x", "en", "héllo", Map.of("k", "v"));
    Outcome kept = Outcome.of(in, Verdict.keep(in.withText("hé")));
    assertTrue(kept.isKept());
    assertEquals(6, kept.getBytesIn());
    assertEquals(3, kept.getBytesOut());
    assertEquals("hé", kept.getText());
    assertEquals(Map.of("k", "v"), kept.getMeta());

    Outcome rejected = Outcome.of(in, Verdict.drop(R.SHORT, "5 chars"));
    assertFalse(rejected.isKept());
    assertEquals("len", rejected.getRule());
    assertEquals("short", rejected.getReason());
    assertEquals("5 chars", rejected.getDetail());
    assertEquals(6, rejected.getBytesIn());
    assertEquals(0, rejected.getBytesOut());
    assertEquals("len/short", R.SHORT.key());
  }

  @Test
  void documentCopiesNeverShareMeta() {
    Document a = new Document("d", "D", "s", null, "en", "t", Map.of());
    Document b = a.withMeta("title", "x");
    assertTrue(a.getMeta().isEmpty());
    assertEquals("x", b.getMeta().get("title"));
    assertEquals(Document.UNKNOWN_LANG, Outcome.kept(a.withLang(null), 1).getLang());
  }
}
