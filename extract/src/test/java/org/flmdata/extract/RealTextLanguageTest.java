package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

/**
 * The model-free guess ({@link ScriptLanguageGuesser} with {@link WikiLanguageDetector}) on real
 * text from {@code shared/data}: paragraphs of the Ukrainian, Japanese, Greek and Vietnamese
 * Wikipedia dumps, English web pages (Dolma) and a Gutenberg book, Chinese web text
 * (ChineseWebText), each with its known language (Greek and Vietnamese are not among the 22: their
 * right answers are {@code el}, from the script, and {@code und}). Then trafilatura's evaluation
 * snippets (990 pages, many languages, no language given) labelled by fastText lid.176 where its
 * probability is at least 0.9, as a reference. Prints accuracy per language; asserts at least
 * {@value #MIN_ACCURACY} where the language is known, and as agreement with lid.176.
 */
class RealTextLanguageTest {
  static final double MIN_ACCURACY = 0.9;
  static final int PER_SOURCE = 300;
  static final int MIN_CHARS = 150;
  /** Pages a language needs among the snippets for its agreement to be asserted. */
  static final int MIN_PAGES = 10;

  @Test
  void modelFreeGuessOnRealTextPerLanguage() throws IOException {
    Map<String, int[]> known = new TreeMap<>();
    Map<String, Map<String, Integer>> confusions = new TreeMap<>();
    Path wiki = SharedData.require("data/text/wikipedia-dumps");
    for (String[] d :
        new String[][] {{"uk", "uk"}, {"ja", "ja"}, {"el", "el"}, {"vi", "und"}}) {
      for (String p : wikiParagraphs(wiki.resolve(d[0] + "wiki-truncated-100k.xml.xz"))) {
        count(known, confusions, d[0] + "wiki", d[1], p);
      }
    }
    for (String f : List.of("cc_en_head-0091.jsonl", "cc_en_head-0174.jsonl")) {
      for (String p : jsonlTexts(SharedData.require("data/text/en-web-dolma/" + f))) {
        count(known, confusions, "en-dolma", "en", p);
      }
    }
    for (String p : bookParagraphs(SharedData.require("data/text/gutenberg/pg11-alice.txt"))) {
      count(known, confusions, "en-gutenberg", "en", p);
    }
    for (String f : List.of("clean.jsonl", "dirty.jsonl")) {
      for (String p : jsonlTexts(SharedData.require("data/text/zh-web-chinesewebtext/" + f))) {
        count(known, confusions, "zh-chinesewebtext", "zh", p);
      }
    }
    System.out.println("model-free language guess on real text (source: correct / n, und, wrong as)");
    for (Map.Entry<String, int[]> e : known.entrySet()) {
      int[] c = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "  %-20s accuracy %.3f (%d / %d)  und %d  wrong %s%n",
          e.getKey(),
          c[0] / (double) c[1],
          c[0],
          c[1],
          c[2],
          confusions.getOrDefault(e.getKey(), Map.of()));
    }
    for (Map.Entry<String, int[]> e : known.entrySet()) {
      int[] c = e.getValue();
      assertTrue(c[1] >= 10, e.getKey() + ": only " + c[1] + " texts");
      assertTrue(c[0] >= MIN_ACCURACY * c[1], e.getKey() + " accuracy " + c[0] + "/" + c[1]);
    }
  }

  /**
   * Trafilatura's evaluation snippets against fastText lid.176's confident labels: at least 100
   * pages labelled, and on every language with at least {@value #MIN_PAGES} of them the guess
   * agrees with the model on at least {@value #MIN_ACCURACY} of the pages.
   */
  @Test
  void modelFreeGuessAgreesWithLid176OnTrafilaturaSnippets() throws IOException {
    Path lid = SharedData.require("models/fasttext/lid.176.ftz");
    Path eval = SharedData.require("data/extraction/trafilatura-eval/evaldata-full.json");
    FastTextLid model = FastTextLid.of(lid.toString());
    JsonNode pages = new ObjectMapper().readTree(eval.toFile());
    Map<String, int[]> byLang = new TreeMap<>();
    for (Iterator<JsonNode> it = pages.elements(); it.hasNext(); ) {
      JsonNode page = it.next();
      StringBuilder text = new StringBuilder();
      for (JsonNode s : page.path("with")) text.append(s.asText()).append('\n');
      if (text.length() < MIN_CHARS) continue;
      FastTextLid.Prediction p = model.predict(text.toString());
      if (p == null || p.prob() < 0.9) continue;
      int[] c = byLang.computeIfAbsent(p.lang(), k -> new int[3]);
      String g = ScriptLanguageGuesser.guess(text.toString());
      c[1]++;
      if (g.equals(p.lang())) c[0]++;
      else if (g.equals("und")) c[2]++;
    }
    System.out.println(
        "trafilatura-eval 'with' snippets per page, labelled by lid.176 (prob >= 0.9):");
    for (Map.Entry<String, int[]> e : byLang.entrySet()) {
      int[] c = e.getValue();
      if (c[1] < 5) continue;
      System.out.printf(
          Locale.ROOT,
          "  %-4s agreement %.3f (%d / %d)  und %d%n",
          e.getKey(),
          c[0] / (double) c[1],
          c[0],
          c[1],
          c[2]);
    }
    int labelled = byLang.values().stream().mapToInt(c -> c[1]).sum();
    assertTrue(labelled >= 100, "only " + labelled + " pages labelled by lid.176");
    int checked = 0;
    for (Map.Entry<String, int[]> e : byLang.entrySet()) {
      int[] c = e.getValue();
      if (c[1] < MIN_PAGES) continue;
      checked++;
      assertTrue(c[0] >= MIN_ACCURACY * c[1],
          e.getKey() + ": the guess agrees with lid.176 on " + c[0] + " of " + c[1] + " pages");
    }
    assertTrue(checked >= 2, "only " + checked + " languages with " + MIN_PAGES + " pages");
  }

  private static void count(
      Map<String, int[]> known,
      Map<String, Map<String, Integer>> confusions,
      String source,
      String expected,
      String text) {
    int[] c = known.computeIfAbsent(source, k -> new int[3]);
    if (c[1] >= PER_SOURCE) return;
    String g = ScriptLanguageGuesser.guess(text);
    c[1]++;
    if (g.equals(expected)) {
      c[0]++;
    } else {
      if (g.equals("und")) c[2]++;
      confusions.computeIfAbsent(source, k -> new TreeMap<>()).merge(g, 1, Integer::sum);
    }
  }

  private static final Pattern MATH = Pattern.compile("(?s)<math>.*?</math>");
  private static final Pattern REF = Pattern.compile("(?s)<ref[^>]*/>|<ref[^>]*>.*?</ref>");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^{}]*\\}\\}");
  private static final Pattern LINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]|]*)\\]\\]");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /** Prose lines of a MediaWiki XML dump, markup removed: at least MIN_CHARS characters each. */
  static List<String> wikiParagraphs(Path xz) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = new XZInputStream(Files.newInputStream(xz));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null && out.size() < PER_SOURCE; ) {
        String s =
            line.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;nbsp;", " ")
                .replace("&amp;", "&");
        if (s.isEmpty() || "|{!*=:#<[".indexOf(s.charAt(0)) >= 0) continue;
        s = MATH.matcher(s).replaceAll("");
        s = REF.matcher(s).replaceAll("");
        for (String prev = null; !s.equals(prev); ) {
          prev = s;
          s = TEMPLATE.matcher(s).replaceAll("");
        }
        s = LINK.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("").replace("'''", "").replace("''", "").strip();
        if (s.length() >= MIN_CHARS && !s.contains("{{") && !s.contains("[[")) out.add(s);
      }
    }
    return out;
  }

  static List<String> jsonlTexts(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      String t = json.readTree(line).path("text").asText("");
      if (t.length() >= MIN_CHARS) out.add(t);
    }
    return out;
  }

  /** Paragraphs (blank-line separated) of a plain-text book, at least MIN_CHARS long. */
  static List<String> bookParagraphs(Path txt) throws IOException {
    List<String> out = new ArrayList<>();
    for (String p : Files.readString(txt, StandardCharsets.UTF_8).split("\\r?\\n\\s*\\r?\\n")) {
      String s = p.replaceAll("\\s+", " ").strip();
      if (s.length() >= MIN_CHARS) out.add(s);
    }
    return out;
  }
}
