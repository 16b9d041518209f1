package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import static org.flmdata.extract.Fixtures.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.config.InputFormat;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Real WARC files from crawlers and WARC libraries' test suites (shared/data/warc). */
class RealWarcTest {

  private static List<Outcome> read(String name, String... langs) {
    return Fixtures.read(SharedData.require("data/warc/" + name), InputFormat.WARC, langs);
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  @Test
  void whirlwindPageHoldsTheTextCommonCrawlExtracted() {
    List<Outcome> warc = read("whirlwind.warc.gz", "an");
    List<Outcome> wet = read("whirlwind.warc.wet", "an");

    assertEquals(Map.of("kept", 1, "warc/not-response", 3), counts(warc));
    Outcome page = warc.stream().filter(Outcome::isKept).findFirst().orElseThrow();
    assertEquals("https://an.wikipedia.org/wiki/Escopete", page.getUrl());
    assertEquals("Escopete - Biquipedia, a enciclopedia libre", page.getMeta().get(MetaKeys.TITLE.name()));
    Outcome cc = wet.stream().filter(Outcome::isKept).findFirst().orElseThrow();
    assertEquals(page.getUrl(), cc.getUrl());
    // Common Crawl's WET is the whole page's text; ours is the main content. Every paragraph and
    // section heading of the article appears in ours; the page chrome the WET also keeps (the
    // skin's buttons, the "last edited" footer, the license line) does not.
    String ours = squash(page.getMeta().get(MetaKeys.TITLE.name()) + "\n" + page.getText());
    List<String> lines =
        cc.getText().lines().map(String::trim).filter(l -> l.length() >= 40).toList();
    assertTrue(lines.size() >= 10, "WET lines: " + lines.size());
    List<String> article = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("Escopete ye")
          || l.startsWith("A suya población")
          || l.startsWith("Ye situato")
          || l.startsWith("Ilesia parroquial")
          || l.startsWith("Administración[editar")
          || l.startsWith("Referencias[editar")) {
        article.add(l);
        assertTrue(ours.contains(squash(l)), l);
      }
    }
    assertEquals(7, article.size(), "article lines found in the WET: " + article);
    for (String l : lines) {
      if (l.startsWith("Activar o desactivar")
          || l.startsWith("Zaguera edición")
          || l.startsWith("O texto ye disponible")
          || l.startsWith("Páginas para editores")) {
        assertFalse(ours.contains(squash(l)), "boilerplate kept: " + l);
      }
    }
  }

  @Test
  void clippedWarcIsCountedOnceNotFatal() throws IOException {
    Path p = SharedData.require("data/warc/clipped.warc.gz");
    List<Outcome> outs = read("clipped.warc.gz", "en");
    assertEquals(1, outs.stream().filter(o -> "truncated-gzip".equals(o.getReason())).count());
    assertEquals(Files.size(p), Fixtures.bytesIn(outs));
  }

  @Test
  void gb2312ChinesePagesDecodeToChinese() {
    List<Outcome> outs = read("cc-main-2020-34-sample-resiliparse.warc.gz", "zh", "en", "ru");
    List<Outcome> gb =
        outs.stream()
            .filter(
                o ->
                    o.getMeta()
                        .getOrDefault(MetaKeys.CONTENT_TYPE.name(), "")
                        .toLowerCase()
                        .contains("gb2312"))
            .toList();
    assertFalse(gb.isEmpty());
    for (Outcome o : gb) {
      assertEquals("GB18030", o.getMeta().get(MetaKeys.CHARSET.name()), o.getId());
      String text = o.getMeta().get(MetaKeys.TITLE.name()) + "\n" + o.getText();
      long han =
          text.codePoints()
              .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
              .count();
      assertTrue(han >= 10, o.getId() + " has " + han + " Han characters");
      assertFalse(text.contains("\uFFFD"), o.getId() + " has replacement characters");
      assertFalse(
          text.matches("(?s).*[ÃÂÐÑ][\u0080-\u00BF].*"), o.getId() + " looks like mojibake");
    }
    long zh = outs.stream().filter(o -> o.isKept() && o.getLang().equals("zh")).count();
    assertTrue(zh >= 10, "Chinese pages kept: " + zh);
  }

  @Test
  void plainAndGzipCopiesOfAWarcGiveTheSameDocuments() {
    List<Outcome> gz = read("cc-main-2020-34-sample-resiliparse.warc.gz", "zh", "en");
    List<Outcome> plain = read("cc-main-2020-34-sample-resiliparse.warc", "zh", "en");
    assertEquals(gz.size(), plain.size());
    for (int i = 0; i < gz.size(); i++) {
      assertEquals(gz.get(i).getId(), plain.get(i).getId());
      assertEquals(gz.get(i).getText(), plain.get(i).getText());
      assertEquals(gz.get(i).getReason(), plain.get(i).getReason());
    }
  }

  @Test
  void clueweb09Warc018IsReadAsJapanese() {
    List<Outcome> outs = read("clueweb09-ja-quirk.warc.gz", "ja", "en");
    assertEquals(Map.of("kept", 29, "warc/not-response", 1), counts(outs));
    for (Outcome o : outs.subList(1, outs.size())) {
      assertEquals("ja", o.getLang());
      assertEquals("EUC-JP", o.getMeta().get(MetaKeys.CHARSET.name()));
      assertTrue(o.getText().contains("ヘッドポーター"), o.getId());
    }
  }

  @Test
  void everySharedWarcIsReadAndItsBytesReconcile() throws IOException {
    Path dir = SharedData.require("data/warc");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.getFileName().toString().contains(".warc")).sorted().toList();
    }
    assertTrue(files.size() >= 10);
    for (Path f : files) {
      List<Outcome> outs = Fixtures.read(f, InputFormat.WARC, "en", "zh");
      assertFalse(outs.isEmpty(), f.toString());
      assertEquals(Files.size(f), Fixtures.bytesIn(outs), f.toString());
    }
  }
}
