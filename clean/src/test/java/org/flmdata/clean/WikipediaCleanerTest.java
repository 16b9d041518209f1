package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.XZInputStream;

class WikipediaCleanerTest {

  @Test
  void coversTheTwentyTwoLanguagesOfThePaper() {
    Set<String> langs = Set.of("bg", "ca", "cs", "da", "de", "en", "es", "fr", "hr", "hu", "it",
        "ja", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "uk", "zh");
    assertEquals(langs, WikipediaCleaner.LABELS.keySet());
  }

  @Test
  void referencesSectionAndEverythingAfterIsCut() {
    String text = "Intro line.\n== History ==\nIt happened.\n== References ==\n1. A book.\n"
        + "== External links ==\nhttp://x";
    RuleResult r = WikipediaCleaner.apply(text, "en");
    assertEquals("Intro line.\n== History ==\nIt happened.", r.text());
    assertEquals(text.length() - r.text().length(), r.charsRemoved());
  }

  @Test
  void anArticleWithoutClosingSectionsKeepsItsText() {
    String text = "Intro line.\nSee the references in the next paragraph for details.";
    assertEquals(text, WikipediaCleaner.apply(text, "en").text());
  }

  @Test
  void plainTextHeadingsInTheDocumentsLanguageCountToo() {
    assertEquals("正文。", WikipediaCleaner.apply("正文。\n参考文献\n[1] 某书", "zh").text());
    assertEquals("Текст.", WikipediaCleaner.apply("Текст.\nПримітки:\n1. x", "uk").text());
  }

  @Test
  void leftoverMarkupIsRemoved() {
    String text = "{{Infobox city|name=X|pop={{formatnum:5}}}}'''Paris''' is the [[capital city|capital]]"
        + " of [[France]].<ref name=\"a\">Source</ref> [https://example.org Official site]"
        + "[[Category:Cities]]<ref name=b/>";
    assertEquals("Paris is the capital of France. Official site",
        WikipediaCleaner.apply(text, "en").text());
  }

  @Test
  void onlyMarkupIsEmptyAfterCleaning() {
    assertEquals(CleanReason.CLEANED_EMPTY, WikipediaCleaner.apply("{{stub}}", "en").drop());
  }

  /** The shared label list (wikitailor) agrees with ours for every language both cover. */
  @Test
  void labelsOfTheSharedListAreRecognised() throws IOException {
    Path file = SharedData.require(
        "data/text/wikipedia-section-labels/wikitailor-languageConstants.properties");
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    Map<String, String> names = Map.ofEntries(Map.entry("catalan", "ca"),
        Map.entry("english", "en"), Map.entry("french", "fr"), Map.entry("german", "de"),
        Map.entry("hungarian", "hu"), Map.entry("italian", "it"), Map.entry("portuguese", "pt"),
        Map.entry("romanian", "ro"), Map.entry("spanish", "es"), Map.entry("croatian", "hr"),
        Map.entry("russian", "ru"), Map.entry("slovenian", "sl"));
    // not closing sections: German "Schriften" (list of works), French "Autre", typos
    Set<String> notClosing = Set.of("Schriften", "Autre", "ver tambén",
        "APPARENTLY NO EXTERNAL LINKS", "Pàgines que s'hi relacionen");
    int checked = 0;
    List<String> missing = new ArrayList<>();
    for (var e : names.entrySet()) {
      for (String field : List.of("references", "notes", "bibliography", "further_reading",
          "external_links", "see_also")) {
        String v = p.getProperty(e.getKey() + "_" + field, "").trim();
        if (v.isEmpty()) continue;
        for (String label : v.split(",,,+")) {
          label = label.trim();
          if (label.isEmpty() || notClosing.contains(label)) continue;
          checked++;
          if (!WikipediaCleaner.isClosingHeading("== " + label + " ==", lower(e.getValue()))) {
            missing.add(e.getValue() + ":" + label);
          }
        }
      }
    }
    assertTrue(checked > 40, "checked " + checked);
    assertEquals(List.of(), missing);
  }

  private static Set<String> lower(String lang) {
    Set<String> s = new HashSet<>();
    for (String l : WikipediaCleaner.LABELS.get(lang)) s.add(l.toLowerCase(Locale.ROOT));
    return s;
  }

  /** Real dumps: after cleaning no page keeps a closing heading, a template or a ref tag. */
  @ParameterizedTest
  @ValueSource(strings = {"ja", "uk"})
  void realDumpPagesLoseTheirClosingSections(String lang) throws Exception {
    Path dump = SharedData.require("data/text/wikipedia-dumps/" + lang + "wiki-truncated-100k.xml.xz");
    List<String> pages = pages(dump, 200);
    Set<String> labels = lower(lang);
    int cut = 0;
    for (String page : pages) {
      boolean hadClosing = false;
      for (String l : Words.splitLines(page)) hadClosing |= WikipediaCleaner.isClosingHeading(l, labels);
      RuleResult r = WikipediaCleaner.apply(page, lang);
      if (r.dropped()) continue;
      for (String l : Words.splitLines(r.text())) {
        assertFalse(WikipediaCleaner.isClosingHeading(l, labels), l);
      }
      assertFalse(r.text().contains("{{"), "template left");
      assertFalse(r.text().contains("<ref"), "ref left");
      if (hadClosing) {
        cut++;
        assertTrue(r.text().length() < page.length());
      }
    }
    System.out.printf("%s: %d pages, %d cut at a closing section%n", lang, pages.size(), cut);
    assertTrue(cut > 20, "only " + cut + " pages had closing sections");
  }

  /** The wikitext of the first {@code max} articles (namespace 0, not redirects). */
  static List<String> pages(Path xz, int max) throws IOException, XMLStreamException {
    List<String> out = new ArrayList<>();
    try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(xz)))) {
      XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(in, "UTF-8");
      String ns = null;
      boolean redirect = false;
      try {
        while (r.hasNext() && out.size() < max) {
          int ev = r.next();
          if (ev != XMLStreamConstants.START_ELEMENT) continue;
          switch (r.getLocalName()) {
            case "page" -> redirect = false;
            case "ns" -> ns = r.getElementText();
            case "redirect" -> redirect = true;
            case "text" -> {
              String t = r.getElementText();
              if ("0".equals(ns) && !redirect && t.length() > 500) out.add(t);
            }
            default -> { }
          }
        }
      } catch (XMLStreamException e) {
        // the dump is cut at 100k lines: the last page is incomplete
      }
    }
    return out;
  }

  @Test
  void noRuleDropsTheExampleAfterCleaning() {
    assertNull(WikipediaCleaner.apply("A.\n== Notes ==\nB", "en").drop());
  }
}
