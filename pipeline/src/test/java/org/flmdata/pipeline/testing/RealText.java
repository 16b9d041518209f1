package org.flmdata.pipeline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real English and Chinese text from {@code ../shared/data/text} as documents of web-page size,
 * for tests and benchmarks that must see the text a user's corpus holds (each document once):
 * web samples as they are, books cut at line boundaries into pieces of about {@link #PIECE}
 * characters. The calling test is skipped when the shared data is absent.
 */
public final class RealText {
  private RealText() {}

  /** About the size of an extracted web page. */
  public static final int PIECE = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One document: where it came from ({@code file#n}), its language and its text. */
  public record Doc(String source, String lang, String text) {}

  /**
   * Dolma's Common Crawl samples (cc_en_head, provided-documents), the CS336 Wikipedia reference,
   * Pride and Prejudice and Alice in Wonderland (Gutenberg) in pieces. About 1.4 MB.
   */
  public static List<Doc> english() {
    List<Doc> out = new ArrayList<>();
    Path web = SharedData.require("data/text/en-web-dolma");
    for (String f : List.of("cc_en_head-0091.jsonl", "cc_en_head-0174.jsonl")) {
      jsonl(out, "en", f, lines(web.resolve(f)));
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(
        web.resolve("provided-documents-000.json.gz")))) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      jsonl(out, "en", "provided-documents-000.json.gz", List.of(all.split("\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path wiki = SharedData.require("data/text/cs336-fixtures/high_quality_wiki_reference.txt");
    pieces(out, "en", wiki.getFileName().toString(), read(wiki));
    Path books = SharedData.require("data/text/gutenberg");
    for (String f : List.of("pg1342-pride-and-prejudice.txt", "pg11-alice.txt")) {
      pieces(out, "en", f, read(books.resolve(f)));
    }
    return out;
  }

  /**
   * ChineseWebText's web samples (clean.jsonl, dirty.jsonl) and the NiuTrans Classical-Modern
   * books, classical sources and modern translations, each chapter ("### " header) in pieces.
   * About 7 MB.
   */
  public static List<Doc> chinese() {
    List<Doc> out = new ArrayList<>();
    Path web = SharedData.require("data/text/zh-web-chinesewebtext");
    for (String f : List.of("clean.jsonl", "dirty.jsonl")) {
      jsonl(out, "zh", f, lines(web.resolve(f)));
    }
    Path books = SharedData.require("data/text/zh-classical-niutrans");
    List<Path> files;
    try (Stream<Path> s = Files.list(books)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      String[] chapters = read(f).split("(?m)^### [^\n]*\n");
      for (int c = 0; c < chapters.length; c++) {
        if (!chapters[c].isBlank()) pieces(out, "zh", name + "#" + c, chapters[c]);
      }
    }
    return out;
  }

  /** UTF-8 bytes of all texts. */
  public static long bytes(List<Doc> docs) {
    long b = 0;
    for (Doc d : docs) b += d.text().getBytes(StandardCharsets.UTF_8).length;
    return b;
  }

  private static void jsonl(List<Doc> out, String lang, String name, List<String> lines) {
    int n = 0;
    for (String line : lines) {
      if (line.isBlank()) continue;
      try {
        out.add(new Doc(name + "#" + n++, lang, JSON.readTree(line).path("text").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code text} cut after the first line end past {@link #PIECE} characters. */
  private static void pieces(List<Doc> out, String lang, String name, String text) {
    int n = 0;
    int from = 0;
    while (from < text.length()) {
      int nl = text.indexOf('\n', Math.min(text.length(), from + PIECE));
      int to = nl < 0 ? text.length() : nl + 1;
      String piece = text.substring(from, to);
      if (!piece.isBlank()) out.add(new Doc(name + "#" + n++, lang, piece));
      from = to;
    }
  }

  private static List<String> lines(Path p) {
    return List.of(read(p).split("\n"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
