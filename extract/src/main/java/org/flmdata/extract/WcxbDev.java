package org.flmdata.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The WCXB development set ({@code shared/data/extraction/wcxb-dev}, 1,497 pages, see its {@code
 * SOURCE.md}) with a fixed split and the benchmark's scoring.
 *
 * <p><b>Split</b>: within each page type, pages are ordered by the SHA-256 of {@code "wcxb-split:"
 * + file_id} (hex, then file id); the first third (rounded down) is the <i>check</i> part, the rest
 * the <i>fit</i> part. Rules, thresholds and models are developed and tuned on the fit part only;
 * the check part measures how they generalise. The split depends only on the file ids and types,
 * never on any extraction.
 *
 * <p><b>Scores</b>: per page {@link BagOfWords}; per group the plain mean over its pages of each of
 * P, R and F1 (so F1 is the mean of per-page F1s, not the F1 of the means). Page types are {@code
 * _internal.page_type.primary}, with {@code category} reported as {@code collection}.
 *
 * <p>A fast dev loop, about a minute on one core for the whole set:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl pipeline,extract \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat extract/target/cp.txt):extract/target/classes:extract/target/test-classes" \
 *     org.flmdata.extract.WcxbDev ../shared/data/extraction/wcxb-dev [fit|check|all] [N worst] \
 *     [mode] [page type of the worst]      # WCXB_DUMP=DIR also writes each page's text there
 * </pre>
 */
public final class WcxbDev {
  private WcxbDev() {}

  /** The page types in the benchmark's order of its README table. */
  public static final List<String> TYPES =
      List.of("article", "documentation", "service", "forum", "product", "collection", "listing");

  /** One page: id, type, part ({@code fit} or {@code check}), url, gzip'd HTML, reference tokens. */
  public record Page(
      String id, String type, String part, String url, byte[] gzHtml, Map<String, Integer> gold) {
    /** The HTML bytes (the set's files are UTF-8). */
    public byte[] html() {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzHtml))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Mean P, R, F1 over {@code n} pages. */
  public record Mean(int n, double precision, double recall, double f1) {}

  /** Loads every page of {@code dir} (the folder holding {@code html/} and {@code ground-truth/}). */
  public static List<Page> load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String[]>> byType = new TreeMap<>();
    Map<String, JsonNode> truth = new HashMap<>();
    try (var files = Files.list(dir.resolve("ground-truth"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = json.readTree(f.toFile());
        String id = n.path("file_id").asText(f.getFileName().toString().replace(".json", ""));
        String type = n.path("_internal").path("page_type").path("primary").asText("unknown");
        if (type.equals("category")) type = "collection";
        truth.put(id, n);
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(new String[] {id, hash(id)});
      }
    }
    Map<String, String> part = new HashMap<>();
    for (List<String[]> ids : byType.values()) {
      ids.sort(Comparator.<String[], String>comparing(a -> a[1]).thenComparing(a -> a[0]));
      int check = ids.size() / 3;
      for (int i = 0; i < ids.size(); i++) part.put(ids.get(i)[0], i < check ? "check" : "fit");
    }
    List<Page> pages = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : byType.entrySet()) {
      for (String[] a : e.getValue()) {
        Path html = dir.resolve("html").resolve(a[0] + ".html.gz");
        if (!Files.isRegularFile(html)) continue;
        JsonNode n = truth.get(a[0]);
        pages.add(
            new Page(
                a[0],
                e.getKey(),
                part.get(a[0]),
                n.path("url").asText(""),
                Files.readAllBytes(html),
                BagOfWords.tokens(n.path("ground_truth").path("main_content").asText(""))));
      }
    }
    pages.sort(Comparator.comparing(Page::id));
    return pages;
  }

  /** The reference text of every page of {@code dir}, by file id. */
  public static Map<String, String> references(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> out = new HashMap<>();
    try (var files = Files.list(dir.resolve("ground-truth"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = json.readTree(f.toFile());
        String id = n.path("file_id").asText(f.getFileName().toString().replace(".json", ""));
        out.put(id, n.path("ground_truth").path("main_content").asText(""));
      }
    }
    return out;
  }

  static String hash(String id) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(d.digest(("wcxb-split:" + id).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Per-page scores of {@code extractor} (HTML bytes to text; a throw scores 0). */
  public static Map<Page, BagOfWords> score(List<Page> pages, Function<Page, String> extractor) {
    Map<Page, BagOfWords> out = new LinkedHashMap<>();
    for (Page p : pages) {
      String text;
      try {
        text = extractor.apply(p);
      } catch (RuntimeException e) {
        text = "";
      }
      out.put(p, BagOfWords.score(text, p.gold()));
    }
    return out;
  }

  /**
   * Means per group: "all", each page type, and each part ("fit"/"check"), and each part by type
   * ("fit/article", ...).
   */
  public static Map<String, Mean> means(Map<Page, BagOfWords> scores) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (String part : List.of("all", "fit", "check")) {
      sums.put(part, new double[4]);
      for (String t : TYPES) sums.put(part + "/" + t, new double[4]);
    }
    for (Map.Entry<Page, BagOfWords> e : scores.entrySet()) {
      Page p = e.getKey();
      for (String g :
          List.of("all", p.part(), "all/" + p.type(), p.part() + "/" + p.type())) {
        double[] s = sums.computeIfAbsent(g, k -> new double[4]);
        s[0]++;
        s[1] += e.getValue().precision();
        s[2] += e.getValue().recall();
        s[3] += e.getValue().f1();
      }
    }
    Map<String, Mean> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      int n = (int) s[0];
      out.put(
          e.getKey(),
          n == 0 ? new Mean(0, 0, 0, 0) : new Mean(n, s[1] / n, s[2] / n, s[3] / n));
    }
    return out;
  }

  /** The table of {@link #means}: one row per type, columns P/R/F1 for fit, check and all. */
  public static String table(Map<String, Mean> m) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-14s %5s %19s %5s %19s %5s %19s%n",
            "type", "fit", "P / R / F1", "check", "P / R / F1", "all", "P / R / F1"));
    List<String> rows = new ArrayList<>(TYPES);
    rows.add(0, "");
    for (String t : rows) {
      String suffix = t.isEmpty() ? "" : "/" + t;
      b.append(String.format(Locale.ROOT, "%-14s", t.isEmpty() ? "overall" : t));
      for (String part : List.of("fit", "check", "all")) {
        Mean x = m.get(part + suffix);
        if (x == null) x = new Mean(0, 0, 0, 0);
        b.append(
            String.format(
                Locale.ROOT, " %5d %.3f %.3f %.3f", x.n(), x.precision(), x.recall(), x.f1()));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Dev loop: {@code WcxbDev DIR [fit|check|all] [N worst pages to list] [mode]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction/wcxb-dev");
    String which = args.length > 1 ? args[1] : "fit";
    int worst = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    String mode = args.length > 3 ? args[3] : HtmlExtractor.DEFAULT_MODE;
    List<Page> pages = load(dir);
    if (!which.equals("all")) pages = pages.stream().filter(p -> p.part().equals(which)).toList();
    long bytes = 0;
    List<byte[]> htmls = new ArrayList<>();
    for (Page p : pages) {
      byte[] h = p.html();
      htmls.add(h);
      bytes += h.length;
    }
    Map<Page, String> texts = new HashMap<>();
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = bean.getCurrentThreadCpuTime();
    for (int i = 0; i < pages.size(); i++) {
      byte[] h = htmls.get(i);
      texts.put(pages.get(i), HtmlExtractor.extract(h, h.length, null, mode).text());
    }
    long cpu = bean.getCurrentThreadCpuTime() - cpu0;
    Map<Page, BagOfWords> scores = score(pages, texts::get);
    String dump = System.getenv("WCXB_DUMP");
    if (dump != null) {
      Files.createDirectories(Path.of(dump));
      for (Map.Entry<Page, String> e : texts.entrySet()) {
        Files.writeString(Path.of(dump, e.getKey().id() + ".txt"), e.getValue());
      }
    }
    System.out.print(table(means(scores)));
    System.out.printf(
        Locale.ROOT, "%d pages, %.1f MB, %.1f MB/s (thread CPU, first pass)%n",
        pages.size(), bytes / 1e6, bytes / 1e6 / (cpu / 1e9));
    if (worst > 0) {
      List<Map.Entry<Page, BagOfWords>> es = new ArrayList<>(scores.entrySet());
      es.sort(Comparator.comparingDouble(e -> e.getValue().f1()));
      String only = args.length > 4 ? args[4] : null;
      int shown = 0;
      for (Map.Entry<Page, BagOfWords> e : es) {
        Page p = e.getKey();
        if (only != null && !p.type().equals(only)) continue;
        if (shown++ >= worst) break;
        System.out.printf(
            Locale.ROOT, "%s %-13s P %.2f R %.2f F %.2f %s%n", p.id(), p.type(),
            e.getValue().precision(), e.getValue().recall(), e.getValue().f1(), p.url());
      }
    }
  }
}
