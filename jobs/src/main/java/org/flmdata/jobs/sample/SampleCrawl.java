package org.flmdata.jobs.sample;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.flmdata.jobs.sample.Capture.Kind;

/**
 * The planned web part of the sample: about a hundred English and Chinese article pages on
 * invented sites, split over two WARC files and a folder of saved pages, plus the cases later
 * stages must catch: near and exact duplicates, keyword spam, near-empty pages, a German page,
 * HTTP 404/301 answers and non-HTML payloads. Everything follows from one seed.
 */
final class SampleCrawl {
  /** Article pages per output, in order: first WARC, second WARC, saved pages. */
  static final int[] EN_ARTICLES = {22, 20, 8};

  static final int[] ZH_ARTICLES = {17, 15, 8};

  private static final Instant[] WARC_START = {
    Instant.parse("2024-02-21T03:14:07Z"), Instant.parse("2024-02-22T11:02:45Z")
  };

  /** A page of the saved-pages folder: its path under the folder ({@code .gz}: gzipped). */
  record SavedPage(String file, Capture capture) {}

  private record Draft(Article article, Site site, String path, LocalDate published,
      String author) {}

  private final Random rnd;
  private final TextPools en = TextPools.load("web-en.txt");
  private final TextPools zh = TextPools.load("web-zh.txt");
  private final TextPools extra = TextPools.load("web-extra.txt");
  private final List<List<Capture>> warcs = List.of(new ArrayList<>(), new ArrayList<>());
  private final List<SavedPage> saved = new ArrayList<>();

  private SampleCrawl(long seed) {
    this.rnd = new Random(seed);
  }

  static SampleCrawl build(long seed) {
    SampleCrawl c = new SampleCrawl(seed);
    c.plan();
    return c;
  }

  /** Captures of WARC file {@code i} (0 or 1), in fetch order. */
  List<Capture> warc(int i) {
    return Collections.unmodifiableList(warcs.get(i));
  }

  List<SavedPage> savedPages() {
    return Collections.unmodifiableList(saved);
  }

  private void plan() {
    List<Draft> enDrafts = drafts(new ArticleComposer(en, "en", rnd), EN_ARTICLES, 4000);
    List<Draft> zhDrafts = drafts(new ArticleComposer(zh, "zh", rnd), ZH_ARTICLES, 7000);
    List<Capture> enPages = render(enDrafts, en, "en");
    List<Capture> zhPages = render(zhDrafts, zh, "zh");
    int e0 = EN_ARTICLES[0];
    int e1 = e0 + EN_ARTICLES[1];
    int z0 = ZH_ARTICLES[0];
    int z1 = z0 + ZH_ARTICLES[1];
    warcs.get(0).addAll(enPages.subList(0, e0));
    warcs.get(0).addAll(zhPages.subList(0, z0));
    warcs.get(1).addAll(enPages.subList(e0, e1));
    warcs.get(1).addAll(zhPages.subList(z0, z1));

    // First WARC: a print view (exact duplicate), a syndicated copy, spam, a stub, errors, blobs.
    Capture zhPrint = zhPages.get(3);
    warcs.get(0).add(copyAt(zhPrint, zhPrint.url().replaceFirst("(https://[^/]+)", "$1/print")));
    warcs.get(0).add(republished(enDrafts.get(1), Sites.VALLEY_POST, 9001));
    warcs.get(0).add(spam(Sites.DEALS, "en", "/cheap-flights-hotels-deals.html", " "));
    warcs.get(0).add(special(Sites.TRAIL, "/events/", "Coming soon", extra.get("short.en"),
        Kind.SHORT, 200));
    warcs.get(0).add(special(Sites.CHRONICLE, "/news/2019/05/old-story-1187", "Page not found",
        extra.get("notfound.en"), Kind.HTTP_ERROR, 404));
    warcs.get(0).add(redirect("http://" + Sites.CHRONICLE.host() + "/",
        Sites.CHRONICLE.origin() + "/"));
    warcs.get(0).add(blob(Sites.GREEN_PLOT.origin() + "/wp-content/uploads/logo.png",
        "image/png", Blobs.png(32), Sites.GREEN_PLOT));
    warcs.get(0).add(blob(Sites.CHRONICLE.origin() + "/robots.txt", "text/plain",
        ("User-agent: *\nDisallow: /search\nDisallow: /subscribe\nSitemap: "
            + Sites.CHRONICLE.origin() + "/sitemap.xml\n").getBytes(StandardCharsets.US_ASCII),
        Sites.CHRONICLE));

    // Second WARC: a tracking-parameter URL (exact duplicate), syndicated copies, spam, German.
    Capture enUtm = enPages.get(5);
    warcs.get(1).add(copyAt(enUtm, enUtm.url() + "?utm_source=newsletter&utm_medium=email"));
    warcs.get(1).add(republished(zhDrafts.get(2), Sites.ZIXUN, 9002));
    warcs.get(1).add(republished(enDrafts.get(e0 + 3), Sites.VALLEY_POST, 9003));
    warcs.get(1).add(spam(Sites.TEJIA, "zh", "/tejia/index.html", "，"));
    warcs.get(1).add(german());
    warcs.get(1).add(blob(Sites.CHRONICLE.origin() + "/files/library-opening-hours.pdf",
        "application/pdf", Blobs.pdf("Riverside Library", "Opening hours from April",
            "Monday to Thursday 9:00 - 20:00", "Friday 9:00 - 17:00", "Saturday 10:00 - 16:00",
            "Sunday closed"), Sites.CHRONICLE));
    warcs.get(1).add(blob(Sites.SKYLOG.origin() + "/api/events.json", "application/json",
        ("{\"events\":[{\"date\":\"2024-03-08\",\"title\":\"Open evening\",\"place\":"
            + "\"Observatory\"},{\"date\":\"2024-04-12\",\"title\":\"Moon watch\",\"place\":"
            + "\"Reservoir car park\"}]}").getBytes(StandardCharsets.UTF_8), Sites.SKYLOG));

    for (int i = 0; i < 2; i++) {
      List<Capture> w = warcs.get(i);
      Collections.shuffle(w, rnd);
      Instant t = WARC_START[i];
      for (int k = 0; k < w.size(); k++) {
        w.set(k, w.get(k).withFetched(t));
        t = t.plusSeconds(2 + rnd.nextInt(40));
      }
    }

    // Saved pages: the rest of the articles, one saved copy of a crawled page, one stub.
    List<Capture> folder = new ArrayList<>(enPages.subList(e1, enPages.size()));
    folder.addAll(zhPages.subList(z1, zhPages.size()));
    folder.add(enPages.get(e0 + 7));
    folder.add(special(Sites.SHUMA, "/2024/02/coming.html", "敬请期待", extra.get("short.zh"),
        Kind.SHORT, 200));
    for (int i = 0; i < folder.size(); i++) {
      Capture c = folder.get(i);
      String host = c.url().replaceFirst("https?://", "").replaceFirst("/.*", "");
      String file = WebPaths.savedFile(host, c.url().substring(c.url().indexOf('/', 8)));
      boolean gzip = i == EN_ARTICLES[2] - 1;
      Capture kept = i == EN_ARTICLES[2] + ZH_ARTICLES[2] ? withKind(c, Kind.EXACT_DUPLICATE) : c;
      saved.add(new SavedPage(gzip ? file + ".gz" : file, kept));
    }
    checkUnique();
  }

  /** Generated URLs and file names must not collide, or a planned case would vanish. */
  private void checkUnique() {
    Set<String> urls = new HashSet<>();
    for (List<Capture> w : warcs) {
      for (Capture c : w) {
        if (!urls.add(c.url())) throw new IllegalStateException("URL planned twice: " + c.url());
      }
    }
    Set<String> files = new HashSet<>();
    for (SavedPage p : saved) {
      if (!files.add(p.file())) throw new IllegalStateException("file planned twice: " + p.file());
    }
  }

  private List<Draft> drafts(ArticleComposer composer, int[] counts, int firstId) {
    int total = counts[0] + counts[1] + counts[2];
    List<String> topics = composer.topics();
    List<Draft> out = new ArrayList<>(total);
    LocalDate start = LocalDate.of(2023, 3, 1);
    for (int i = 0; i < total; i++) {
      String topic = topics.get(i % topics.size());
      Article a = composer.compose(topic, 10 + rnd.nextInt(5));
      Site site = Sites.forTopic(a.lang(), topic);
      LocalDate published = start.plusDays(rnd.nextInt(350));
      int id = firstId + i * 7 + rnd.nextInt(7);
      out.add(new Draft(a, site, WebPaths.article(site, a.title(), published, id), published,
          composer.fill("{person}")));
    }
    return out;
  }

  private List<Capture> render(List<Draft> drafts, TextPools pools, String lang) {
    Deck comments = new Deck(extra.get("comments." + lang), rnd);
    Filler names = new Filler(pools, rnd);
    List<Capture> out = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      List<PageBody.Link> related = new ArrayList<>();
      for (int k = 1; k < drafts.size() && related.size() < 3; k++) {
        Draft o = drafts.get((i + k) % drafts.size());
        if (o.site() == d.site()) related.add(new PageBody.Link(o.path(), o.article().title()));
      }
      List<PageBody.Comment> cs = new ArrayList<>();
      if (d.site().layout() == Site.Layout.BLOG) {
        int n = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
          cs.add(new PageBody.Comment(names.fill("{person}"), comments.next()));
        }
      }
      String section = Sites.section(d.site(), d.article().topic());
      PageBody body = new PageBody(d.article().title(), section, d.author(), d.published(),
          d.article().paragraphTexts(), related, cs, null);
      out.add(page(d.site(), d.path(), body, Kind.ARTICLE));
    }
    return out;
  }

  private Capture republished(Draft d, Site to, int id) {
    String note = (d.article().lang().equals("zh") ? extra.get("syndication.zh")
        : extra.get("syndication.en")).get(0).replace("{site}", d.site().name());
    Article a = d.article().republished(note);
    LocalDate date = d.published().plusDays(2);
    PageBody body = new PageBody(a.title(), to.nav().get(to.nav().size() - 1), d.author(), date,
        a.paragraphTexts(), List.of(), List.of(), null);
    return page(to, WebPaths.article(to, a.title(), date, id), body, Kind.NEAR_DUPLICATE);
  }

  private Capture spam(Site site, String lang, String path, String sep) {
    List<String> words = extra.get("spam." + lang);
    List<String> paragraphs = new ArrayList<>();
    for (int p = 0; p < 24; p++) {
      List<String> line = new ArrayList<>();
      int n = 8 + rnd.nextInt(5);
      for (int k = 0; k < n; k++) line.add(words.get(rnd.nextInt(words.size())));
      paragraphs.add(String.join(sep, line));
    }
    StringBuilder hidden = new StringBuilder("<div style=\"display:none\">");
    for (int k = 0; k < 200; k++) hidden.append(words.get(k % words.size())).append(' ');
    hidden.append("</div>");
    String title = String.join(sep, words.subList(0, 6));
    PageBody body = new PageBody(title, site.nav().get(1), null, null, paragraphs, List.of(),
        List.of(), hidden.toString());
    return page(site, path, body, Kind.SPAM);
  }

  private Capture special(Site site, String path, String title, List<String> text, Kind kind,
      int status) {
    PageBody body = new PageBody(title, site.nav().get(0), null, null, text, List.of(),
        List.of(), null);
    Capture c = page(site, path, body, kind);
    return new Capture(c.url(), status, c.contentType(), c.payload(), null, kind, c.lang(),
        c.server(), c.fetched());
  }

  private Capture german() {
    List<String> sentences = extra.get("article.de");
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i += 3) {
      paragraphs.add(String.join(" ", sentences.subList(i, Math.min(i + 3, sentences.size()))));
    }
    String title = extra.get("title.de").get(0);
    LocalDate date = LocalDate.of(2023, 10, 14);
    PageBody body = new PageBody(title, "Freizeit", "Katrin Vogel", date, paragraphs,
        List.of(), List.of(), null);
    return page(Sites.STADTBLATT, WebPaths.article(Sites.STADTBLATT, title, date, 5120), body,
        Kind.OTHER_LANGUAGE);
  }

  private static Capture redirect(String from, String to) {
    String html = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n"
        + "<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n"
        + "<p>The document has moved <a href=\"" + to + "\">here</a>.</p>\n</body></html>\n";
    return new Capture(from, 301, "text/html; charset=iso-8859-1",
        html.getBytes(StandardCharsets.ISO_8859_1), to, Kind.HTTP_ERROR, "en",
        Sites.CHRONICLE.server(), WARC_START[0]);
  }

  private static Capture blob(String url, String type, byte[] bytes, Site site) {
    String lang = type.startsWith("image/") ? null : "en";
    return new Capture(url, 200, type, bytes, null, Kind.NOT_HTML, lang, site.server(),
        WARC_START[0]);
  }

  static Capture page(Site site, String path, PageBody body, Kind kind) {
    String html = PageRenderer.render(site, path, body);
    String type = site.charsetInHeader() ? "text/html; charset=" + site.charsetLabel()
        : "text/html";
    String lang = kind == Kind.OTHER_LANGUAGE ? "de" : site.lang();
    return new Capture(site.origin() + path, 200, type, encode(html, site), null, kind, lang,
        site.server(), WARC_START[0]);
  }

  private static Capture copyAt(Capture c, String url) {
    return new Capture(url, c.status(), c.contentType(), c.payload(), null, Kind.EXACT_DUPLICATE,
        c.lang(), c.server(), c.fetched());
  }

  private static Capture withKind(Capture c, Kind kind) {
    return new Capture(c.url(), c.status(), c.contentType(), c.payload(), c.location(), kind,
        c.lang(), c.server(), c.fetched());
  }

  /** Encodes in the site's charset; a character it cannot hold is a bug in the text pools. */
  private static byte[] encode(String html, Site site) {
    try {
      ByteBuffer b = site.charset().newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(html));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(site.host() + " cannot encode its page in "
          + site.charsetLabel() + ": " + e, e);
    }
  }
}
