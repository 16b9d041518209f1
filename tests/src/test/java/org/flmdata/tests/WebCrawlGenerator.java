package org.flmdata.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Generates a web crawl of any size as gzipped WARC files ({@code crawl-00000.warc.gz}, ...), for
 * benchmarks that need realistic input at 1x, 2x, 4x scale: article pages in English and Chinese
 * on invented {@code *.example} sites, each wrapped in its site's chrome (cookie banner, header
 * navigation, related links, footer), whose paragraphs are real sentences drawn from {@link
 * SentencePools}; plus a controlled share of exact duplicates (same payload at a tracking-parameter
 * URL), near duplicates (an earlier article re-published on another site with one word changed per
 * paragraph), keyword spam and near-empty stub pages.
 *
 * <p>Every page is a pure function of the seed and its global page number, so file {@code i} is
 * the same bytes whatever the number of files written, a 2x crawl holds the 1x crawl's files, and
 * duplicates can point at pages of earlier files without keeping them in memory. Each file holds
 * {@code pagesPerFile} pages as warcinfo + request/response pairs, as Common Crawl lays them out.
 *
 * <pre>{@code
 * WebCrawlGenerator g = new WebCrawlGenerator(SentencePools.load(), 42L, 1000);
 * WebCrawlGenerator.Summary s = g.write(dir, 8); // 8,000 pages
 * }</pre>
 */
final class WebCrawlGenerator {
  /** What a generated page is meant to exercise. */
  enum Kind { ARTICLE, EXACT_DUPLICATE, NEAR_DUPLICATE, SPAM, STUB }

  /** Shares of the kinds, in per mille (the rest are articles). */
  static final int EXACT_PER_MILLE = 40;
  static final int NEAR_PER_MILLE = 40;
  static final int SPAM_PER_MILLE = 30;
  static final int STUB_PER_MILLE = 30;
  /** Share of Chinese pages among articles, per mille (the rest are English). */
  static final int ZH_PER_MILLE = 350;

  /** What {@link #write} wrote. */
  record Summary(int files, long warcBytes, long htmlBytes, long pages, Map<Kind, Long> kinds) {
    String describe() {
      return String.format(Locale.ROOT, "%d files, %.1f MB .warc.gz, %.1f MB HTML, %,d pages %s",
          files, warcBytes / 1e6, htmlBytes / 1e6, pages, kinds);
    }
  }

  private record Page(String url, String lang, Kind kind, byte[] html) {}

  private record Article(String lang, String title, List<String> paragraphs, String author) {}

  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final String[] EN_NAV = {"News", "World", "Business", "Science", "Travel",
      "Culture", "Opinion", "Sport", "Health", "Books", "Food", "Technology"};
  private static final String[] ZH_NAV = {"首页", "新闻", "财经", "科技", "文化", "旅游", "健康",
      "教育", "体育", "评论", "读书", "生活"};
  private static final String[] EN_NAMES = {"Alice Moreton", "James Hale", "Priya Nair",
      "Tom Becker", "Sara Lindqvist", "Omar Haddad", "Lucy Chen", "Daniel Okafor"};
  private static final String[] ZH_NAMES = {"王晓明", "李静", "张伟", "刘洋", "陈思", "杨帆"};
  private static final int SITES_PER_LANG = 24;

  private final SentencePools pools;
  private final List<String> words;
  private final long seed;
  private final int pagesPerFile;

  WebCrawlGenerator(SentencePools pools, long seed, int pagesPerFile) {
    if (pagesPerFile < 1) throw new IllegalArgumentException("pagesPerFile must be >= 1");
    this.pools = pools;
    this.words = pools.englishWords();
    this.seed = seed;
    this.pagesPerFile = pagesPerFile;
  }

  /** Writes files {@code 0..files-1} into {@code dir} (created when absent). */
  Summary write(Path dir, int files) throws IOException {
    Files.createDirectories(dir);
    long warc = 0;
    long html = 0;
    Map<Kind, Long> kinds = new EnumMap<>(Kind.class);
    for (int f = 0; f < files; f++) {
      Path file = dir.resolve(String.format(Locale.ROOT, "crawl-%05d.warc.gz", f));
      html += writeFile(file, f, kinds);
      warc += Files.size(file);
    }
    return new Summary(files, warc, html, (long) files * pagesPerFile, kinds);
  }

  private long writeFile(Path file, int index, Map<Kind, Long> kinds) throws IOException {
    String name = file.getFileName().toString();
    long html = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
      Instant t = START.plusSeconds(3600L * index);
      Warcinfo info = new Warcinfo.Builder()
          .recordId(uuid(name, "warcinfo"))
          .date(t)
          .filename(name)
          .fields(Map.of("software", List.of("flmdata WebCrawlGenerator"),
              "isPartOf", List.of("flmdata-bench-" + seed)))
          .build();
      w.write(info);
      for (int j = 0; j < pagesPerFile; j++) {
        long id = (long) index * pagesPerFile + j;
        Page p = page(id);
        kinds.merge(p.kind(), 1L, Long::sum);
        html += p.html().length;
        URI target = URI.create(p.url());
        t = t.plusMillis(700 + Math.floorMod(id * 7919, 5000));
        byte[] get = ("GET " + target.getRawPath()
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n"
            + "Host: " + target.getHost() + "\r\nUser-Agent: flmdata-bench/0.1\r\n"
            + "Accept: text/html\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        InetAddress ip = InetAddress.getByAddress(target.getHost(),
            new byte[] {(byte) 192, 0, 2, (byte) (1 + Math.floorMod(target.getHost().hashCode(), 254))});
        WarcRequest request = new WarcRequest.Builder(target)
            .recordId(uuid(name, "request|" + p.url()))
            .date(t)
            .warcinfoId(info.id())
            .ipAddress(ip)
            .body(MediaType.HTTP_REQUEST, get)
            .build();
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: " + p.html().length + "\r\nServer: nginx\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] http = new byte[head.length + p.html().length];
        System.arraycopy(head, 0, http, 0, head.length);
        System.arraycopy(p.html(), 0, http, head.length, p.html().length);
        WarcResponse response = new WarcResponse.Builder(target)
            .recordId(uuid(name, "response|" + p.url()))
            .date(t)
            .warcinfoId(info.id())
            .concurrentTo(request.id())
            .ipAddress(ip)
            .body(MediaType.HTTP_RESPONSE, http)
            .build();
        w.write(request);
        w.write(response);
      }
    }
    return html;
  }

  // ---- pages: pure functions of (seed, page number) ----

  private SplittableRandom rng(long id, long salt) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL + salt);
  }

  Kind kind(long id) {
    int r = rng(id, 1).nextInt(1000);
    if (id < 50) return Kind.ARTICLE; // duplicates need earlier pages to copy
    if (r < EXACT_PER_MILLE) return Kind.EXACT_DUPLICATE;
    r -= EXACT_PER_MILLE;
    if (r < NEAR_PER_MILLE) return Kind.NEAR_DUPLICATE;
    r -= NEAR_PER_MILLE;
    if (r < SPAM_PER_MILLE) return Kind.SPAM;
    r -= SPAM_PER_MILLE;
    if (r < STUB_PER_MILLE) return Kind.STUB;
    return Kind.ARTICLE;
  }

  private String lang(long id) {
    return rng(id, 2).nextInt(1000) < ZH_PER_MILLE ? "zh" : "en";
  }

  private int site(long id) {
    return rng(id, 3).nextInt(SITES_PER_LANG);
  }

  /** An earlier article page, near enough that duplicates meet in one crawl. */
  private long source(long id) {
    SplittableRandom r = rng(id, 4);
    for (int tries = 0; ; tries++) {
      long back = 1 + r.nextLong(Math.min(id, 20_000L));
      if (kind(id - back) == Kind.ARTICLE || tries > 50) return Math.max(0, id - back);
    }
  }

  private Page page(long id) {
    Kind kind = kind(id);
    return switch (kind) {
      case ARTICLE -> {
        String lang = lang(id);
        yield new Page(url(lang, site(id), id, ""), lang, kind,
            render(lang, site(id), id, article(id)));
      }
      case EXACT_DUPLICATE -> {
        long src = source(id);
        String lang = lang(src);
        yield new Page(url(lang, site(src), src, "?utm_source=feed&utm_id=" + id), lang, kind,
            render(lang, site(src), src, article(src)));
      }
      case NEAR_DUPLICATE -> {
        long src = source(id);
        String lang = lang(src);
        int other = (site(src) + 1 + rng(id, 5).nextInt(SITES_PER_LANG - 1)) % SITES_PER_LANG;
        yield new Page(url(lang, other, id, ""), lang, kind,
            render(lang, other, id, edited(article(src), rng(id, 6))));
      }
      case SPAM -> new Page(url("en", site(id), id, ""), "en", kind,
          render("en", site(id), id, spam(rng(id, 7))));
      case STUB -> {
        String lang = lang(id);
        String text = lang.equals("zh") ? "本页面正在建设中，敬请期待。" : "Coming soon. Check back later.";
        yield new Page(url(lang, site(id), id, ""), lang, kind, render(lang, site(id), id,
            new Article(lang, lang.equals("zh") ? "敬请期待" : "Coming soon", List.of(text),
                null)));
      }
    };
  }

  private Article article(long id) {
    String lang = lang(id);
    SplittableRandom r = rng(id, 8);
    List<String> pool = pools.of(lang);
    boolean zh = lang.equals("zh");
    int paragraphs = 4 + r.nextInt(7);
    List<String> ps = new ArrayList<>(paragraphs);
    for (int p = 0; p < paragraphs; p++) {
      int sentences = (zh ? 3 : 2) + r.nextInt(4);
      StringBuilder b = new StringBuilder();
      for (int s = 0; s < sentences; s++) {
        if (s > 0 && !zh) b.append(' ');
        b.append(pool.get(r.nextInt(pool.size())));
      }
      ps.add(b.toString());
    }
    String first = pool.get(r.nextInt(pool.size()));
    String title = zh ? first.substring(0, Math.min(first.length(), 8 + r.nextInt(8)))
        : String.join(" ", List.of(first.split(" ")).subList(0,
            Math.min(first.split(" ").length, 4 + r.nextInt(5))));
    String author = zh ? ZH_NAMES[r.nextInt(ZH_NAMES.length)] : EN_NAMES[r.nextInt(EN_NAMES.length)];
    return new Article(lang, title, ps, author);
  }

  /** One word (English) or one character pair (Chinese) replaced in every paragraph. */
  private Article edited(Article a, SplittableRandom r) {
    List<String> ps = new ArrayList<>(a.paragraphs().size());
    for (String p : a.paragraphs()) {
      if (a.lang().equals("zh")) {
        int at = r.nextInt(Math.max(1, p.length() - 2));
        ps.add(p.substring(0, at) + "据悉" + p.substring(Math.min(p.length(), at + 2)));
      } else {
        String[] w = p.split(" ");
        w[r.nextInt(w.length)] = words.get(r.nextInt(words.size()));
        ps.add(String.join(" ", w));
      }
    }
    return new Article(a.lang(), a.title(), ps, a.author());
  }

  private Article spam(SplittableRandom r) {
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < 8; k++) keys.add(words.get(r.nextInt(words.size())));
    List<String> ps = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      List<String> line = new ArrayList<>();
      for (int k = 0, n = 10 + r.nextInt(6); k < n; k++) line.add(keys.get(r.nextInt(keys.size())));
      ps.add(String.join(" ", line));
    }
    return new Article("en", "cheap " + String.join(" ", keys.subList(0, 4)), ps, null);
  }

  private static String url(String lang, int site, long id, String query) {
    return "https://" + host(lang, site) + "/" + (lang.equals("zh") ? "a" : "articles") + "/"
        + (2023 + id % 2) + "/" + id + ".html" + query;
  }

  private static String host(String lang, int site) {
    return String.format(Locale.ROOT, "%s%02d.example", lang.equals("zh") ? "zixun" : "news", site);
  }

  private static String siteName(String lang, int site) {
    return lang.equals("zh") ? ZH_NAV[site % ZH_NAV.length] + "资讯网" + site
        : "The " + EN_NAV[site % EN_NAV.length] + " Courier " + site;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The page in its site's chrome; three layouts, chosen by site. */
  private byte[] render(String lang, int site, long id, Article a) {
    boolean zh = lang.equals("zh");
    String[] nav = zh ? ZH_NAV : EN_NAV;
    String name = siteName(lang, site);
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en").append("\"><head>")
        .append("<meta charset=\"utf-8\"><title>").append(escape(a.title())).append(" | ")
        .append(escape(name)).append("</title>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<link rel=\"stylesheet\" href=\"/static/site-").append(site % 3).append(".css\">")
        .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(")
        .append("arguments);}gtag('js',new Date());gtag('config','G-").append(1000 + site)
        .append("');</script></head>\n<body class=\"layout-").append(site % 3).append("\">\n")
        .append("<div class=\"cookie-banner\" id=\"cookies\">")
        .append(zh ? "本网站使用Cookie以改善您的浏览体验。<button>同意</button>"
            : "We use cookies to improve your experience on our site. <button>Accept</button>")
        .append("</div>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">")
        .append(escape(name)).append("</a><nav class=\"main-nav\"><ul>");
    for (int k = 0; k < nav.length; k++) {
      h.append("<li><a href=\"/").append(k).append("/\">").append(nav[(k + site) % nav.length])
          .append("</a></li>");
    }
    h.append("</ul></nav><form class=\"search\" action=\"/search\"><input name=\"q\"></form>")
        .append("</header>\n");
    String open = switch (site % 3) {
      case 0 -> "<main><article class=\"story\">";
      case 1 -> "<div id=\"content\"><div class=\"post-content\">";
      default -> "<main role=\"main\"><div class=\"entry\">";
    };
    String close = switch (site % 3) {
      case 0 -> "</article>";
      case 1 -> "</div>";
      default -> "</div>";
    };
    h.append(open).append("<h1>").append(escape(a.title())).append("</h1>");
    if (a.author() != null) {
      h.append("<p class=\"byline\">").append(zh ? "作者：" : "By ").append(a.author())
          .append(" · ").append(2023 + id % 2).append('-').append(1 + id % 12).append('-')
          .append(1 + id % 28).append("</p>");
    }
    for (String p : a.paragraphs()) h.append("\n<p>").append(escape(p)).append("</p>");
    h.append(close).append("\n<aside class=\"related\"><h2>").append(zh ? "相关阅读" : "Related")
        .append("</h2><ul>");
    for (int k = 1; k <= 4; k++) {
      long other = Math.abs(id * 31 + k * 977) % 100_000;
      h.append("<li><a href=\"/").append(zh ? "a" : "articles").append('/').append(other)
          .append(".html\">").append(zh ? "更多报道 " : "More stories ").append(other)
          .append("</a></li>");
    }
    h.append("</ul></aside>").append(site % 3 == 1 ? "</div>" : "</main>")
        .append("\n<footer class=\"site-footer\"><p>© 2024 ").append(escape(name))
        .append(zh ? " 版权所有" : ". All rights reserved.").append("</p><ul>")
        .append(zh ? "<li><a href=\"/about\">关于我们</a></li><li><a href=\"/privacy\">隐私政策</a></li>"
            : "<li><a href=\"/about\">About us</a></li><li><a href=\"/privacy\">Privacy policy</a>"
                + "</li><li><a href=\"/terms\">Terms of use</a></li>")
        .append("</ul></footer>\n</body></html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static UUID uuid(String file, String what) {
    return UUID.nameUUIDFromBytes(("flmdata-bench|" + file + "|" + what)
        .getBytes(StandardCharsets.UTF_8));
  }
}
