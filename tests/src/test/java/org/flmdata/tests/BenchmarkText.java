package org.flmdata.tests;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flmdata.pipeline.testing.SharedData;
import org.tukaani.xz.XZInputStream;

/**
 * Real text for speed benchmarks, each byte read once: Wikipedia markup (the first {@code
 * wikiBytes} of the Greek, Japanese, Ukrainian and Vietnamese dump samples, raw XML and wikitext),
 * two Gutenberg books, a Stack Exchange posts dump (XML with escaped HTML), classical and modern
 * Chinese (NiuTrans parallel texts, the chinese-poetry JSON files), all from {@code
 * data/text} of the shared data, cut into documents of at most {@code docBytes} UTF-8 bytes (at
 * the last line break of the window when there is one, never inside a character). No document
 * repeats another's bytes, so a cache keyed by words sees what a corpus read once gives it.
 */
final class BenchmarkText {
  private BenchmarkText() {}

  /** About 30 MB in 4 KB documents: 4 x 5 MB of wiki dumps + ~10 MB of books, posts and Chinese. */
  static List<String> documents() throws IOException {
    return documents(5_000_000, 4096);
  }

  static List<String> documents(int wikiBytes, int docBytes) throws IOException {
    List<String> docs = new ArrayList<>();
    Path text = SharedData.require("data/text");
    for (String lang : List.of("el", "ja", "uk", "vi")) {
      Path dump = text.resolve("wikipedia-dumps/" + lang + "wiki-truncated-100k.xml.xz");
      try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(dump)))) {
        cut(utf8Prefix(in.readNBytes(wikiBytes)), docBytes, docs);
      }
    }
    List<Path> files = new ArrayList<>(List.of(text.resolve("gutenberg/pg11-alice.txt"),
        text.resolve("gutenberg/pg1342-pride-and-prejudice.txt"),
        text.resolve("stackexchange/coffee.stackexchange-Posts.xml")));
    for (String dir : List.of("zh-classical-niutrans", "zh-classical-chinese-poetry")) {
      try (Stream<Path> s = Files.list(text.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".json")).sorted()
            .forEach(files::add);
      }
    }
    for (Path f : files) cut(Files.readString(f, StandardCharsets.UTF_8), docBytes, docs);
    return docs;
  }

  /**
   * Held-out text for warming a JIT: {@code bytes} of each of the same four Wikipedia dumps,
   * starting {@code skip} bytes in (past what {@link #documents(int, int)} reads when {@code skip}
   * is at least its {@code wikiBytes}), cut as the documents are. Never part of the measured text.
   */
  static List<String> heldOutWiki(int skip, int bytes, int docBytes) throws IOException {
    List<String> docs = new ArrayList<>();
    Path text = SharedData.require("data/text");
    for (String lang : List.of("el", "ja", "uk", "vi")) {
      Path dump = text.resolve("wikipedia-dumps/" + lang + "wiki-truncated-100k.xml.xz");
      try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(dump)))) {
        in.readNBytes(skip);
        byte[] b = in.readNBytes(bytes);
        int from = 0;
        while (from < b.length && (b[from] & 0xC0) == 0x80) from++; // start at a whole character
        cut(utf8Prefix(java.util.Arrays.copyOfRange(b, from, b.length)), docBytes, docs);
      }
    }
    return docs;
  }

  static long utf8Bytes(List<String> docs) {
    long n = 0;
    for (String d : docs) n += d.getBytes(StandardCharsets.UTF_8).length;
    return n;
  }

  /** The bytes up to the last complete UTF-8 character, decoded. */
  private static String utf8Prefix(byte[] b) {
    int end = b.length;
    int back = 0;
    while (end - back - 1 >= 0 && back < 4 && (b[end - back - 1] & 0xC0) == 0x80) back++;
    if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) end = end - back - 1;
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /** Cuts {@code s} into pieces of at most {@code max} UTF-8 bytes, at a line break if possible. */
  private static void cut(String s, int max, List<String> out) {
    int start = 0;
    while (start < s.length()) {
      int end = start;
      int bytes = 0;
      int lastBreak = -1;
      while (end < s.length()) {
        int cp = s.codePointAt(end);
        int w = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (bytes + w > max) break;
        bytes += w;
        end += Character.charCount(cp);
        if (cp == '\n') lastBreak = end;
      }
      if (end < s.length() && lastBreak > start + (end - start) / 2) end = lastBreak;
      out.add(s.substring(start, end));
      start = end;
    }
  }
}
