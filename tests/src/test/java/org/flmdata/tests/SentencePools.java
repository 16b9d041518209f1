package org.flmdata.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.flmdata.pipeline.testing.SharedData;

/**
 * Real sentences in English and Chinese from the shared third-party text ({@code
 * shared/data/text}), for generated corpora whose vocabulary is that of real prose: English from
 * two Gutenberg novels, dolma's Common Crawl samples and the CS336 Wikipedia reference; Chinese
 * from the NiuTrans modern-Chinese translations of seven classics and ChineseWebText's clean
 * sample. Sentences that the cleaners would cut for reasons unrelated to the test (curly
 * brackets, "javascript", no closing punctuation, very short or long) are left out. A test that
 * loads the pools is skipped when the shared data is absent ({@link SharedData#require}).
 */
record SentencePools(List<String> en, List<String> zh) {
  private static final Pattern EN_SPLIT = Pattern.compile("(?<=[.!?][\u201d\u2019\"']?)\\s+(?=[\u201c\"A-Z])");
  private static final Pattern ZH_SPLIT = Pattern.compile("(?<=[。！？])");
  /** Prose: letters, digits, common punctuation and quotes, ending a sentence. */
  private static final Pattern EN_OK = Pattern.compile(
      "[\u201c\"]?[A-Z][A-Za-z0-9 ,;:'()\\-\u2014\u2018\u2019\u201c\u201d\"!?.]*[a-z][.!?][\u201d\u2019\"']?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Loads both pools from the shared data, or skips the calling test when it is absent. */
  static SentencePools load() throws IOException {
    Path text = SharedData.require("data/text");
    Set<String> en = new LinkedHashSet<>();
    for (String book : List.of("gutenberg/pg1342-pride-and-prejudice.txt",
        "gutenberg/pg11-alice.txt", "cs336-fixtures/high_quality_wiki_reference.txt")) {
      for (String paragraph : Files.readString(SharedData.require("data/text/" + book))
          .split("\\r?\\n\\s*\\r?\\n")) {
        addEnglish(en, paragraph);
      }
    }
    Path dolma = text.resolve("en-web-dolma");
    for (String f : List.of("cc_en_head-0091.jsonl", "cc_en_head-0174.jsonl")) {
      for (String line : Files.readAllLines(SharedData.require("data/text/en-web-dolma/" + f))) {
        if (!line.isBlank()) addEnglish(en, jsonText(line));
      }
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(
        dolma.resolve("provided-documents-000.json.gz")))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) addEnglish(en, jsonText(line));
      }
    }
    Set<String> zh = new LinkedHashSet<>();
    List<Path> niutrans;
    try (Stream<Path> s = Files.list(SharedData.require("data/text/zh-classical-niutrans"))) {
      niutrans = s.filter(p -> p.getFileName().toString().contains(".target")).sorted().toList();
    }
    for (Path f : niutrans) {
      for (String line : Files.readAllLines(f)) {
        if (!line.startsWith("###")) addChinese(zh, line);
      }
    }
    for (String line : Files.readAllLines(
        SharedData.require("data/text/zh-web-chinesewebtext/clean.jsonl"))) {
      if (!line.isBlank()) addChinese(zh, jsonText(line));
    }
    return new SentencePools(List.copyOf(en), List.copyOf(zh));
  }

  /** The pool of {@code lang} ("en" or "zh"). */
  List<String> of(String lang) {
    return lang.equals("zh") ? zh : en;
  }

  private static void addEnglish(Set<String> out, String paragraph) {
    // straight quotes, as most web text has them (C4's terminal-punctuation rule knows those)
    String flat = SPACES.matcher(paragraph).replaceAll(" ").strip().replace('\u201c', '"')
        .replace('\u201d', '"').replace('\u2018', '\'').replace('\u2019', '\'');
    for (String s : EN_SPLIT.split(flat)) {
      int words = s.split(" ").length;
      if (s.length() >= 40 && s.length() <= 320 && words >= 7 && EN_OK.matcher(s).matches()
          && !s.toLowerCase(java.util.Locale.ROOT).contains("javascript")) {
        out.add(s);
      }
    }
  }

  private static void addChinese(Set<String> out, String text) {
    String flat = SPACES.matcher(text).replaceAll("").strip();
    for (String s : ZH_SPLIT.split(flat)) {
      int n = s.codePointCount(0, s.length());
      if (n >= 10 && n <= 120 && (s.endsWith("。") || s.endsWith("！") || s.endsWith("？"))
          && s.chars().noneMatch(c -> c == '{' || c == '}' || c == '<' || c == '>')
          && s.chars().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count() * 2 > n) {
        out.add(s);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String jsonText(String line) throws IOException {
    return JSON.readTree(line).path("text").asText("");
  }

  /** Words of the English pool, for keyword spam and near-duplicate edits. */
  List<String> englishWords() {
    List<String> words = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String s : en) {
      for (String w : s.split("[^A-Za-z]+")) {
        if (w.length() >= 4 && seen.add(w.toLowerCase(java.util.Locale.ROOT))) {
          words.add(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return words;
  }
}
