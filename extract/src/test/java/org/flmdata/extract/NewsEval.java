package org.flmdata.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * trafilatura's evaluation pages ({@code shared/data/extraction/trafilatura-eval}: {@code
 * evaldata-full.json}, the pages whose file is in {@code html/}), news articles and blog posts
 * mostly, with a fixed split and the snippet metric of trafilatura's {@code tests/eval_common.py}
 * (the one {@code ExtractionBenchmark} asserts): text and snippets whitespace-normalised, a {@code
 * with} snippet found is a true positive and missing a false negative, a {@code without} snippet
 * found is a false positive; P, R and F1 over all snippets of a part.
 *
 * <p><b>Split</b>: pages ordered by the SHA-256 of {@code "news-split:" + file} (hex, then file
 * name); the first third (rounded down) is the <i>check</i> part, the rest the <i>fit</i> part, as
 * {@link WcxbDev} splits. Line trimming rules are developed on the fit part only.
 *
 * <p>A dev loop of a few seconds (classpath as {@link WcxbDev} builds it):
 *
 * <pre>
 * java -cp "$(cat extract/target/cp.txt):extract/target/classes:extract/target/test-classes" \
 *     org.flmdata.extract.NewsEval ../shared/data/extraction/trafilatura-eval [mode] [fit|check|all]
 * </pre>
 *
 * With a third argument, every page of that part whose text holds a {@code without} snippet or
 * misses a {@code with} snippet is listed with the snippets and the first lines of the text.
 */
public final class NewsEval {
  private NewsEval() {}

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** One page: file name, part, HTML bytes, snippets expected in the text and not in it. */
  public record Page(String file, String part, byte[] html, List<String> with, List<String> without) {}

  /** Snippet counts: true and false positives, false negatives. */
  public record Score(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      int d = 2 * tp + fp + fn;
      return d == 0 ? 0 : 2.0 * tp / d;
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  static String norm(String s) {
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /** The pages of {@code dir} that have their HTML file, with their part. */
  public static List<Page> load(Path dir) throws IOException {
    JsonNode root = new ObjectMapper().readTree(dir.resolve("evaldata-full.json").toFile());
    List<String[]> keyed = new ArrayList<>();
    Map<String, JsonNode> byFile = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
      JsonNode item = it.next();
      String file = item.get("file").asText();
      if (!Files.isRegularFile(dir.resolve("html").resolve(file))) continue;
      if (byFile.putIfAbsent(file, item) == null) keyed.add(new String[] {file, hash(file)});
    }
    keyed.sort(Comparator.<String[], String>comparing(a -> a[1]).thenComparing(a -> a[0]));
    int check = keyed.size() / 3;
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < keyed.size(); i++) {
      String file = keyed.get(i)[0];
      JsonNode item = byFile.get(file);
      List<String> with = new ArrayList<>();
      item.get("with").forEach(n -> with.add(norm(n.asText())));
      List<String> without = new ArrayList<>();
      item.get("without").forEach(n -> without.add(norm(n.asText())));
      pages.add(
          new Page(
              file,
              i < check ? "check" : "fit",
              Files.readAllBytes(dir.resolve("html").resolve(file)),
              with,
              without));
    }
    return pages;
  }

  static String hash(String file) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(d.digest(("news-split:" + file).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The snippet score of {@code text} on {@code page}. */
  public static Score score(Page page, String text) {
    String t = text == null ? null : norm(text);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (String w : page.with()) {
      if (t != null && t.contains(w)) tp++;
      else fn++;
    }
    for (String w : page.without()) {
      if (t != null && t.contains(w)) fp++;
    }
    return new Score(tp, fp, fn);
  }

  /** Scores per part ("fit", "check", "all") of {@code extractor} (a throw misses the page). */
  public static Map<String, Score> score(List<Page> pages, Function<byte[], String> extractor) {
    Map<String, Score> out = new LinkedHashMap<>();
    for (String part : List.of("fit", "check", "all")) out.put(part, new Score(0, 0, 0));
    for (Page p : pages) {
      String text;
      try {
        text = extractor.apply(p.html());
      } catch (RuntimeException e) {
        text = null;
      }
      Score s = score(p, text);
      out.merge(p.part(), s, Score::plus);
      out.merge("all", s, Score::plus);
    }
    return out;
  }

  /** {@code NewsEval DIR [mode] [fit|check|all: list that part's misses]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction/trafilatura-eval");
    String mode = args.length > 1 ? args[1] : HtmlExtractor.DEFAULT_MODE;
    String list = args.length > 2 ? args[2] : null;
    List<Page> pages = load(dir);
    Function<byte[], String> ex = h -> HtmlExtractor.extract(h, h.length, null, mode).text();
    Map<String, Score> s = score(pages, ex);
    for (Map.Entry<String, Score> e : s.entrySet()) {
      Score x = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "%-6s P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d)%n",
          e.getKey(), x.precision(), x.recall(), x.f1(), x.tp(), x.fp(), x.fn());
    }
    if (list == null) return;
    for (Page p : pages) {
      if (!list.equals("all") && !p.part().equals(list)) continue;
      String text = ex.apply(p.html());
      String untrimmed =
          HtmlExtractor.extract(
                  PageDecoder.decode(p.html(), p.html().length, null).text(),
                  MainContent.Mode.of(mode), false, false)
              .text();
      String u = norm(untrimmed);
      List<String> fpsBefore = p.without().stream().filter(u::contains).toList();
      List<String> fnsBefore = p.with().stream().filter(w -> !u.contains(w)).toList();
      String t = norm(text);
      List<String> fps = p.without().stream().filter(t::contains).toList();
      List<String> fns = p.with().stream().filter(w -> !t.contains(w)).toList();
      if (fps.isEmpty() && fns.isEmpty() && fpsBefore.isEmpty() && fnsBefore.isEmpty()
          && untrimmed.equals(text)) {
        continue;
      }
      System.out.printf(
          Locale.ROOT, "%n== %s (%s) %d chars, %d untrimmed%n", p.file(), p.part(), text.length(),
          untrimmed.length());
      for (String w : fps) System.out.println("  FP: " + w);
      for (String w : fns) System.out.println("  FN: " + w);
      for (String w : fpsBefore) if (!fps.contains(w)) System.out.println("  FP fixed: " + w);
      for (String w : fns) if (!fnsBefore.contains(w)) System.out.println("  FN new: " + w);
      java.util.Set<String> keptLines = new java.util.HashSet<>(List.of(text.split("\n")));
      for (String l : untrimmed.split("\n")) {
        if (!l.isBlank() && !keptLines.contains(l)) {
          System.out.println("  cut| " + (l.length() > 120 ? l.substring(0, 120) + "..." : l));
        }
      }
      String[] lines = text.split("\n");
      for (int i = 0; i < Math.min(3, lines.length); i++) {
        String l = lines[i];
        System.out.println("  | " + (l.length() > 120 ? l.substring(0, 120) + "..." : l));
      }
      System.out.println("  ...");
      for (int i = Math.max(3, lines.length - 3); i < lines.length; i++) {
        String l = lines[i];
        System.out.println("  | " + (l.length() > 120 ? l.substring(0, 120) + "..." : l));
      }
    }
  }
}
