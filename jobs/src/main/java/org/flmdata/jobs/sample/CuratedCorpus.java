package org.flmdata.jobs.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flmdata.jobs.sample.Blocks.Block;

/**
 * Writes the ten curated domains of the sample, each in the format its config reads: JSONL (plain
 * and gzipped) for code, encyclopedia, QA, papers, law, math and medical text; one text file per
 * chapter or passage for books and classical Chinese; one patent abstract per line. Each domain
 * draws from its own seeded generator, so editing one leaves the others' bytes unchanged.
 */
final class CuratedCorpus {
  private final CorpusWriter out;
  private final long seed;

  CuratedCorpus(CorpusWriter out, long seed) {
    this.out = out;
    this.seed = seed;
  }

  void writeAll() throws IOException {
    code();
    book();
    worldKnowledge();
    qa();
    papers();
    law();
    math();
    patents();
    medical();
    classical();
  }

  private Random rnd(int domain) {
    return new Random(seed * 1_000_003L + domain);
  }

  private void code() throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    String lru = null;
    String debounce = null;
    for (Block b : Blocks.load("code.txt")) {
      rows.add(codeRow(rows.size(), b.attr("repo"), b.attr("path"), b.attr("language"),
          b.attr("lang"), b.attr("license"), b.text() + "\n"));
      if (b.attr("path").endsWith("LruCache.java")) lru = b.text() + "\n";
      if (b.attr("path").endsWith("debounce.js")) debounce = b.text();
    }
    // A fork carries the same file unchanged: exact dedup across repositories must catch it.
    rows.add(codeRow(rows.size(), "someone-else/collections-lite-fork",
        "src/main/java/org/example/LruCache.java", "Java", "en", "Apache-2.0", lru));
    rows.add(codeRow(rows.size(), "example-web/ui-utils", "dist/ui-utils.min.js", "JavaScript",
        "en", "MIT", minified(debounce)));
    out.jsonl("code/code-00000.jsonl", "Code", rows);
  }

  private static Map<String, Object> codeRow(int i, String repo, String path, String language,
      String lang, String license, String content) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", String.format(Locale.ROOT, "code-sample-%05d", i + 1));
    row.put("repo", repo);
    row.put("path", path);
    row.put("language", language);
    row.put("lang", lang);
    row.put("license", license);
    row.put("content", content);
    return row;
  }

  /** A bundler's output: comments dropped, whitespace squeezed, one long line. */
  private static String minified(String js) {
    String noComments = js.replaceAll("(?s)/\\*.*?\\*/", "");
    String squeezed = noComments.replaceAll("\\s*\n\\s*", "").replaceAll(" {2,}", " ")
        .replace("export ", "");
    StringBuilder bundle = new StringBuilder("!function(e){\"use strict\";");
    for (int i = 0; i < 12; i++) {
      bundle.append(squeezed.replace("debounce", "d" + i).replace("throttle", "t" + i));
    }
    return bundle.append("e.ready=!0}(window);\n").toString();
  }

  private void book() throws IOException {
    for (Block b : Blocks.load("book.txt")) {
      String rel = String.format(Locale.ROOT, "book/%s/%s/chapter-%02d.txt", b.attr("lang"),
          b.attr("slug"), Integer.parseInt(b.attr("chapter")));
      out.text(rel, "Book", b.text());
    }
  }

  private void worldKnowledge() throws IOException {
    Map<String, List<Map<String, Object>>> byFile = new LinkedHashMap<>();
    for (Block b : Blocks.load("wiki.txt")) {
      String lang = b.attr("lang");
      String file = switch (lang) {
        case "en" -> "worldknowledge/wiki-en.jsonl";
        case "zh" -> "worldknowledge/wiki-zh.jsonl.gz";
        default -> "worldknowledge/wiki-other.jsonl";
      };
      List<Map<String, Object>> rows = byFile.computeIfAbsent(file, k -> new ArrayList<>());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", lang + "wiki-sample-" + (rows.size() + 1));
      row.put("url", "https://" + lang + ".wiki.example.org/wiki/" + b.attr("title"));
      row.put("title", b.attr("title"));
      row.put("lang", lang);
      row.put("text", b.text());
      rows.add(row);
    }
    for (Map.Entry<String, List<Map<String, Object>>> e : byFile.entrySet()) {
      out.jsonl(e.getKey(), "WorldKnowledge", e.getValue());
    }
  }

  private void qa() throws IOException {
    Map<String, List<Map<String, Object>>> byLang = new LinkedHashMap<>();
    for (Block b : Blocks.load("qa.txt")) {
      String lang = b.attr("lang");
      int nl = b.text().indexOf('\n');
      String question = b.text().substring(0, nl).strip();
      String answer = b.text().substring(nl + 1).strip();
      List<Map<String, Object>> rows = byLang.computeIfAbsent(lang, k -> new ArrayList<>());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", String.format(Locale.ROOT, "qa-%s-%03d", lang, rows.size() + 1));
      row.put("tags", List.of(b.attr("tags")));
      row.put("question", question);
      row.put("answer", answer);
      row.put("text", lang.equals("zh") ? "问：" + question + "\n答：" + answer
          : "Question: " + question + "\nAnswer: " + answer);
      rows.add(row);
    }
    out.jsonl("qa/qa-en.jsonl", "QA", byLang.get("en"));
    out.jsonl("qa/qa-zh.jsonl.gz", "QA", byLang.get("zh"));
  }

  private void papers() throws IOException {
    PaperComposer composer = new PaperComposer(TextPools.load("paper.txt"), rnd(5));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < PaperComposer.PAPERS; i++) {
      PaperComposer.Paper p = composer.compose(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", String.format(Locale.ROOT, "sample-2403.%05d", 1201 + 37 * i));
      row.put("title", p.title());
      row.put("authors", p.authors());
      row.put("text", p.text());
      rows.add(row);
    }
    out.jsonl("academic-paper/papers-00000.jsonl.gz", "AcademicPaper", rows);
  }

  private void law() throws IOException {
    out.jsonl("law/law-zh-00000.jsonl", "Profession-Law", titled("law.txt", "law", true));
  }

  private void medical() throws IOException {
    out.jsonl("medical/medical-zh-00000.jsonl", "Profession-Medical",
        titled("medical.txt", "med", false));
  }

  private static List<Map<String, Object>> titled(String resource, String prefix, boolean kind) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Block b : Blocks.load(resource)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", String.format(Locale.ROOT, "%s-zh-%03d", prefix, rows.size() + 1));
      row.put("title", b.attr("title"));
      if (kind) row.put("kind", b.attr("kind"));
      row.put("text", b.text());
      rows.add(row);
    }
    return rows;
  }

  private void math() throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    Random rnd = rnd(7);
    for (String lang : List.of("en", "zh")) {
      MathProblems problems = new MathProblems(rnd, lang);
      int docs = lang.equals("en") ? 8 : 5;
      for (int i = 1; i <= docs; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.format(Locale.ROOT, "math-%s-%03d", lang, i));
        row.put("text", problems.document(i));
        rows.add(row);
      }
    }
    out.jsonl("math/math-00000.jsonl", "Profession-Math", rows);
  }

  private void patents() throws IOException {
    out.lines("patent/abstracts-zh.txt", "Profession-Patent",
        PatentAbstracts.lines(TextPools.load("patent.txt"), rnd(8)));
  }

  private void classical() throws IOException {
    int i = 0;
    for (Block b : Blocks.load("classical.txt")) {
      i++;
      out.text(String.format(Locale.ROOT, "classical-chinese/wenyan-%02d.txt", i),
          "ClassicalChinese", b.text());
    }
  }
}
