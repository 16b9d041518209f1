package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {
  @TempDir static Path tmp;

  private static Path first;
  private static CorpusSummary summary;

  @BeforeAll
  static void write() throws IOException {
    first = tmp.resolve("first");
    summary = SampleCorpus.write(first);
  }

  @Test
  void twoWritesAreByteIdentical() throws IOException {
    Path second = tmp.resolve("second");
    CorpusSummary again = SampleCorpus.write(second);
    assertEquals(summary, again);
    List<Path> a = files(first);
    assertEquals(a, files(second));
    for (Path rel : a) {
      assertArrayEquals(Files.readAllBytes(first.resolve(rel)),
          Files.readAllBytes(second.resolve(rel)), rel.toString());
    }
  }

  @Test
  void rewritingAnEarlierSampleReplacesItsFiles() throws IOException {
    Path dir = tmp.resolve("rewrite");
    SampleCorpus.write(dir);
    Path stale = dir.resolve("code/stale.jsonl");
    Files.writeString(stale, "{}\n");
    SampleCorpus.write(dir);
    assertFalse(Files.exists(stale));
    assertEquals(files(first), files(dir));
  }

  @Test
  void refusesANonEmptyFolderThatIsNotASample() throws IOException {
    Path dir = tmp.resolve("precious");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleCorpus.write(dir));
    assertTrue(e.getMessage().contains(SampleCorpus.MARKER), e.getMessage());
    assertEquals(List.of(Path.of("notes.txt")), files(dir));
  }

  @Test
  void summaryMatchesTheFilesOnDisk() throws IOException {
    List<Path> listed = new ArrayList<>();
    for (CorpusFile f : summary.files()) {
      Path p = first.resolve(f.path());
      listed.add(Path.of(f.path()));
      assertEquals(Files.size(p), f.bytes(), f.path());
      if (f.format().equals("jsonl") || (f.format().equals("text") && f.documents() > 1)) {
        assertEquals(lines(p).size(), f.documents(), f.path());
      }
    }
    List<Path> onDisk = new ArrayList<>(files(first));
    onDisk.remove(Path.of(SampleCorpus.MARKER));
    assertTrue(onDisk.remove(Path.of(SampleTokenizer.FILE)), "the sample tokenizer is written");
    for (String lang : SampleQualityModels.LANGS) {
      assertTrue(onDisk.remove(Path.of(SampleQualityModels.file(lang))),
          "the sample quality model " + lang + " is written");
    }
    assertEquals(onDisk, listed.stream().sorted().toList());
    assertEquals(summary.describe(), Files.readString(first.resolve(SampleCorpus.MARKER)));
  }

  @Test
  void everyDomainHasDocumentsAndTheCorpusStaysSmall() {
    assertEquals(TableOne.ROWS.stream().map(TableOne.Row::name).sorted().toList(),
        List.copyOf(summary.documentsByDomain().keySet()));
    summary.documentsByDomain().forEach((d, n) -> assertTrue(n >= 5, d + " has " + n));
    assertTrue(summary.bytes() < 2_000_000, "corpus is " + summary.bytes() + " bytes");
    assertTrue(summary.htmlPages() >= 80 && summary.htmlPages() <= 150,
        summary.htmlPages() + " pages");
  }

  @Test
  void webCapturesAreTheArticlesPlusEachPlannedCase() {
    int articles = IntStream.of(SampleCrawl.EN_ARTICLES).sum()
        + IntStream.of(SampleCrawl.ZH_ARTICLES).sum();
    assertEquals(Map.of("article", articles, "near_duplicate", 3, "exact_duplicate", 3, "spam", 2,
        "short", 2, "other_language", 1, "http_error", 2, "not_html", 4, "thin",
        2 * ThinPages.PER_LANG),
        summary.webCapturesByKind());
    int captures = summary.files().stream().filter(f -> f.domain().equals("WebText"))
        .filter(f -> !f.format().equals("jsonl")).mapToInt(CorpusFile::documents).sum();
    int all = summary.webCapturesByKind().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(captures, all);
    int notPages = summary.webCapturesByKind().get("http_error")
        + summary.webCapturesByKind().get("not_html");
    assertEquals(all - notPages, summary.htmlPages());
    assertEquals(1, summary.htmlPagesByLang().get("de"));
  }

  @Test
  void noTemplatePlaceholderSurvivesInText() throws IOException {
    Pattern slot = Pattern.compile("\\{[a-z]+(:\\d+-\\d+)?}");
    for (CorpusFile f : summary.files()) {
      if (f.domain().equals("Code") || f.format().equals("warc")) continue;
      String text = new String(decompressed(first.resolve(f.path())), StandardCharsets.ISO_8859_1);
      assertFalse(slot.matcher(text).find(), f.path());
    }
  }

  private static List<String> lines(Path p) throws IOException {
    String text = new String(decompressed(p), StandardCharsets.UTF_8);
    return text.lines().toList();
  }

  private static byte[] decompressed(Path p) throws IOException {
    byte[] raw = Files.readAllBytes(p);
    if (!p.toString().endsWith(".gz")) return raw;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
