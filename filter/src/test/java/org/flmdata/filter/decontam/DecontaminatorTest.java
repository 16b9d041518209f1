package org.flmdata.filter.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decontamination against the real GSM8K, HumanEval and MMLU test sets. */
class DecontaminatorTest {
  static BenchmarkIndex index;
  static String question;

  /** Web-page filler with no benchmark content, {@code chars} long at least. */
  static String filler(String topic, int chars) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() < chars) {
      sb.append("Our ").append(topic).append(" blog post number ").append(i++)
          .append(" talks about gardening tips, weather in the hills and local events. ");
    }
    return sb.toString();
  }

  @BeforeAll
  static void load() throws Exception {
    Path gsm = SharedData.require("data/benchmarks/gsm8k/test.jsonl");
    Path he = SharedData.require("data/benchmarks/humaneval/HumanEval.jsonl.gz");
    Path mmlu = SharedData.require("data/benchmarks/mmlu/data/test");
    Configuration conf = new Configuration();
    Map<String, List<String>> items = new LinkedHashMap<>();
    items.put("gsm8k", BenchmarkLoader.load(gsm.toString(), conf));
    items.put("humaneval", BenchmarkLoader.load(he.toString(), conf));
    items.put("mmlu", BenchmarkLoader.load(mmlu.toString(), conf));
    index = BenchmarkIndex.build(items, 13);
    question = new ObjectMapper().readTree(Files.readAllLines(gsm).get(0)).get("question").asText();
  }

  private static DecontamParams split(List<String> benchmarks) {
    return new DecontamParams(benchmarks, false, 200, 200, 10);
  }

  private static Document doc(String text) {
    return new Document("p", "WebText", "cc", null, "en", text, Map.of());
  }

  @Test
  void loadersReadEveryItemOfTheRealTestSets() throws Exception {
    Configuration conf = new Configuration();
    List<String> gsm = BenchmarkLoader.load(
        SharedData.require("data/benchmarks/gsm8k/test.jsonl").toString(), conf);
    long lines = Files.readAllLines(SharedData.require("data/benchmarks/gsm8k/test.jsonl")).stream()
        .filter(l -> !l.isBlank()).count();
    assertEquals(2 * lines, gsm.size()); // question and answer of each
    List<String> he = BenchmarkLoader.load(
        SharedData.require("data/benchmarks/humaneval/HumanEval.jsonl.gz").toString(), conf);
    assertEquals(2 * 164, he.size()); // prompt and canonical solution
    List<String> mmlu = BenchmarkLoader.load(
        SharedData.require("data/benchmarks/mmlu/data/test").toString(), conf);
    // shared/data/README.md: 14,079 MMLU test rows; each gives its question and question + options
    assertEquals(2 * 14_079, mmlu.size());
    assertTrue(index.size() > 100_000, "" + index.size());
  }

  @Test
  void gsm8kQuestionPastedIntoAPageIsCutOut() {
    String before = filler("garden", 1000);
    String after = filler("weather", 1000);
    Document page = doc(before + "\nPuzzle of the day: " + question + "\n" + after);
    Verdict v = new Decontaminator(index, new long[0], split(index.names())).apply(page);
    assertTrue(v.kept(), v.toString());
    Document out = ((Verdict.Keep) v).doc();
    assertFalse(out.getText().contains("ducks lay 16 eggs"), out.getText());
    int cut = page.getText().length() - out.getText().length();
    // the question plus up to 200 characters on each side, minus the joining newline
    assertTrue(cut >= question.length() && cut <= question.length() + 2 * 200 + 40, "" + cut);
    assertTrue(out.getMeta().get(Decontaminator.META_KEY).startsWith("gsm8k:"), out.getMeta()
        .toString());
    // the text before the match is kept up to 200 characters before it
    assertTrue(out.getText().startsWith(before.substring(0, before.length() - 200)));
  }

  @Test
  void instructDataWithAHitIsRemovedAndCountedByBenchmark() {
    Document qa = doc("Q: " + question.toUpperCase(java.util.Locale.ROOT) + " A: 18 dollars");
    Verdict v = new Decontaminator(index, new long[0],
        new DecontamParams(index.names(), true, 200, 200, 10)).apply(qa);
    assertFalse(v.kept());
    assertEquals("decontam/gsm8k", ((Verdict.Drop) v).reason().key());
  }

  @Test
  void shortPageWhosePiecesAreAllUnder200CharsIsDropped() {
    Document page = doc("Puzzle: " + question + " Solve it!");
    Verdict v = new Decontaminator(index, new long[0], split(index.names())).apply(page);
    assertFalse(v.kept());
    assertEquals("decontam/gsm8k", ((Verdict.Drop) v).reason().key());
  }

  @Test
  void pageSplitMoreThanTenTimesIsDropped() {
    String[] words = question.split(" ");
    String ngram = String.join(" ", Arrays.copyOfRange(words, 0, 13));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 11; i++) sb.append(filler("p" + i, 500)).append(ngram).append(". ");
    sb.append(filler("end", 500));
    Decontaminator d = new Decontaminator(index, new long[0], split(index.names()));
    Verdict eleven = d.apply(doc(sb.toString()));
    assertFalse(eleven.kept());
    assertTrue(((Verdict.Drop) eleven).detail().startsWith("split 11 times"),
        ((Verdict.Drop) eleven).detail());
    // ten splits are still cut, not dropped
    StringBuilder ten = new StringBuilder();
    for (int i = 0; i < 10; i++) ten.append(filler("p" + i, 500)).append(ngram).append(". ");
    ten.append(filler("end", 500));
    assertTrue(d.apply(doc(ten.toString())).kept());
  }

  @Test
  void pageSharingOnlyCommonPhrasesIsNotCaught() {
    // a 13-gram of a GSM8K question that 11 training documents also contain is a common phrase
    String[] words = question.split(" ");
    String phrase = String.join(" ", Arrays.copyOfRange(words, 0, 13));
    List<String> corpus = new ArrayList<>();
    for (int i = 0; i < 11; i++) corpus.add(filler("doc" + i, 300) + phrase + " " + filler("x", 50));
    long[] common = commonNgrams(corpus, 10);
    assertTrue(common.length > 0);
    Document page = doc(filler("garden", 600) + phrase + ". " + filler("weather", 600));
    Verdict v = new Decontaminator(index, common, split(index.names())).apply(page);
    assertTrue(v.kept());
    assertEquals(page.getText(), ((Verdict.Keep) v).doc().getText());
    // without the common-phrase list the same page is cut
    Verdict strict = new Decontaminator(index, new long[0], split(index.names())).apply(page);
    assertFalse(((Verdict.Keep) strict).doc().getText().contains(phrase));
  }

  @Test
  void domainCheckedOnlyAgainstItsOwnBenchmarks() {
    Document page = doc(filler("garden", 800) + question + filler("weather", 800));
    Verdict v = new Decontaminator(index, new long[0], split(List.of("mmlu", "humaneval")))
        .apply(page);
    assertEquals(page, ((Verdict.Keep) v).doc());
  }

  @Test
  void chineseIsMatchedByCharacters() {
    BenchmarkIndex zh = BenchmarkIndex.build(
        Map.of("cmmlu", List.of("下列关于中国古代科举制度的说法正确的是哪一项")), 13);
    String page = "前言。".repeat(100) + "下列关于中国古代科举制度的说法，正确的是哪一项？" + "结尾。".repeat(100);
    Verdict v = new Decontaminator(zh, new long[0], new DecontamParams(List.of("cmmlu"), true,
        200, 200, 10)).apply(doc(page));
    assertEquals("decontam/cmmlu", ((Verdict.Drop) v).reason().key());
  }

  @Test
  void emptyNullAndJunkTextIsKept() {
    Decontaminator d = new Decontaminator(index, new long[0], split(index.names()));
    for (String t : new String[] {null, "", "\uD800\uDC00\uD800", "\u0000".repeat(1000)}) {
      assertTrue(d.apply(doc(t)).kept());
    }
  }

  /** What the stage's first pass computes with Spark: n-grams matched in > maxDocs documents. */
  static long[] commonNgrams(List<String> docs, int maxDocs) {
    Map<Long, Integer> count = new HashMap<>();
    for (String d : docs) {
      for (long h : Decontaminator.matching(index, d)) count.merge(h, 1, Integer::sum);
    }
    return count.entrySet().stream().filter(e -> e.getValue() > maxDocs)
        .mapToLong(Map.Entry::getKey).sorted().toArray();
  }
}
