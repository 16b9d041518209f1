package org.flmdata.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWarcTest {
  /** HTML pages beyond the articles: print copy, syndicated copy, spam, stub | tracking-URL
   * copy, two syndicated copies, spam, German page. */
  private static final int[] SPECIAL_PAGES = {4, 5};

  /** Responses that are not HTML pages: 404, 301, PNG, robots.txt | PDF, JSON. */
  private static final int[] OTHER_RESPONSES = {4, 2};

  private static final Pattern META_CHARSET =
      Pattern.compile("charset=\"?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

  @TempDir static Path tmp;

  private static CorpusSummary summary;

  /** What the test saw in one WARC file. */
  private record Scan(Map<String, Integer> types, int htmlPages, Map<String, Integer> others,
      Map<String, Integer> charsets, int headerlessCharset, int ids) {}

  private static final Scan[] SCANS = new Scan[2];

  @BeforeAll
  static void writeAndRead() throws IOException {
    summary = SampleCorpus.write(tmp);
    List<CorpusFile> warcs = warcFiles();
    for (int i = 0; i < 2; i++) SCANS[i] = scan(tmp.resolve(warcs.get(i).path()));
  }

  @Test
  void eachFileIsWarcinfoThenRequestResponseMetadataPerCapture() throws IOException {
    List<CorpusFile> warcs = warcFiles();
    assertEquals(3, warcs.size());
    for (int i = 0; i < 3; i++) {
      // the third file holds the thin pages only
      int captures = i == 2 ? 2 * ThinPages.PER_LANG : SampleCrawl.EN_ARTICLES[i]
          + SampleCrawl.ZH_ARTICLES[i] + SPECIAL_PAGES[i] + OTHER_RESPONSES[i];
      Scan scan = i == 2 ? scan(tmp.resolve(warcs.get(i).path())) : SCANS[i];
      assertEquals(Map.of("warcinfo", 1, "request", captures, "response", captures, "metadata",
          captures), scan.types(), warcs.get(i).path());
      assertEquals(captures, warcs.get(i).documents());
      assertEquals(1 + 3 * captures, warcs.get(i).records());
      assertEquals(1 + 3 * captures, scan.ids(), "record ids are unique");
      if (i == 2) assertEquals(captures, scan.htmlPages());
    }
  }

  @Test
  void responseCountOfHtmlPagesIsArticlesPlusPlannedSpecials() {
    for (int i = 0; i < 2; i++) {
      assertEquals(SampleCrawl.EN_ARTICLES[i] + SampleCrawl.ZH_ARTICLES[i] + SPECIAL_PAGES[i],
          SCANS[i].htmlPages(), "WARC " + i);
    }
  }

  @Test
  void nonHtmlAndErrorResponsesAreThereToBeCountedUnderReasons() {
    assertEquals(Map.of("301 text/html", 1, "404 text/html", 1, "200 image/png", 1,
        "200 text/plain", 1), SCANS[0].others());
    assertEquals(Map.of("200 application/pdf", 1, "200 application/json", 1), SCANS[1].others());
  }

  @Test
  void everyPageDecodesStrictlyInTheCharsetItDeclares() {
    Map<String, Integer> charsets = new TreeMap<>();
    int headerless = 0;
    for (Scan s : SCANS) {
      s.charsets().forEach((k, v) -> charsets.merge(k, v, Integer::sum));
      headerless += s.headerlessCharset();
    }
    assertTrue(charsets.getOrDefault("GBK", 0) > 0, charsets.toString());
    assertTrue(charsets.getOrDefault("GB18030", 0) > 0, charsets.toString());
    assertTrue(charsets.getOrDefault("windows-1252", 0) > 0, charsets.toString());
    assertTrue(headerless > 0, "some pages declare their charset only in the page");
    int pages = charsets.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(SCANS[0].htmlPages() + SCANS[1].htmlPages(), pages);
  }

  private static List<CorpusFile> warcFiles() {
    return summary.files().stream().filter(f -> f.format().equals("warc")).toList();
  }

  private static Scan scan(Path warc) throws IOException {
    Map<String, Integer> types = new TreeMap<>();
    Map<String, Integer> others = new TreeMap<>();
    Map<String, Integer> charsets = new TreeMap<>();
    Set<String> ids = new HashSet<>();
    int pages = 0;
    int headerless = 0;
    try (WarcReader reader = new WarcReader(warc)) {
      reader.calculateBlockDigest();
      for (WarcRecord r : reader) {
        types.merge(r.type(), 1, Integer::sum);
        ids.add(r.id().toString());
        if (r instanceof WarcResponse resp) {
          HttpResponse http = resp.http();
          byte[] payload = http.body().stream().readAllBytes();
          assertEquals(resp.payloadDigest().orElseThrow(), sha1(payload), resp.target());
          String type = http.contentType().base().toString();
          if (http.status() == 200 && type.equals("text/html")) {
            pages++;
            String label = http.contentType().parameters().get("charset");
            if (label == null) {
              headerless++;
              String head = new String(payload, 0, Math.min(1024, payload.length),
                  StandardCharsets.US_ASCII);
              Matcher m = META_CHARSET.matcher(head);
              assertTrue(m.find(), resp.target() + " declares no charset");
              label = m.group(1);
            }
            Charset cs = Charset.forName(label);
            String html = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload))
                .toString();
            assertTrue(html.contains("<title>") && html.strip().endsWith("</html>"),
                resp.target());
            charsets.merge(cs.name(), 1, Integer::sum);
          } else {
            others.merge(http.status() + " " + type, 1, Integer::sum);
          }
        }
        assertEquals(r.blockDigest().orElseThrow(), r.calculatedBlockDigest().orElseThrow(),
            r.type() + " " + r.id());
      }
    }
    return new Scan(types, pages, others, charsets, headerless, ids.size());
  }

  private static WarcDigest sha1(byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(bytes);
      return new WarcDigest(md);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
