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

  @Test
  void outcomeSchemaIsTheDocumentColumnsPlusItsOwn() {
    // the document fields are declared once (DocumentFields); Spark's bean encoder must still
    // see them as columns of Outcome, or stage output would lose them
    java.util.Set<String> doc = java.util.Set.of(Document.ENCODER.schema().fieldNames());
    assertEquals(java.util.Set.of("id", "domain", "source", "url", "lang", "text", "meta"), doc);
    java.util.Set<String> outcome = java.util.Set.of(Outcome.ENCODER.schema().fieldNames());
    assertTrue(outcome.containsAll(doc), outcome.toString());
    assertTrue(outcome.containsAll(java.util.List.of(Outcome.DATA_COLUMNS)), outcome.toString());
    assertTrue(outcome.contains("status"), outcome.toString());
  }

  @Test
  void partitionsMapIsLazy() {
    java.util.List<Integer> seen = new java.util.ArrayList<>();
    java.util.Iterator<Integer> in = java.util.stream.IntStream.range(0, 3).boxed()
        .peek(seen::add).iterator();
    java.util.Iterator<String> out = Partitions.map(in, i -> "n" + i);
    assertTrue(seen.isEmpty());
    assertEquals("n0", out.next());
    assertEquals(java.util.List.of(0), seen);
    assertEquals("n1", out.next());
    assertEquals("n2", out.next());
    assertFalse(out.hasNext());
  }
}
