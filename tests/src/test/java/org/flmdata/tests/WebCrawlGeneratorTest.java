package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

class WebCrawlGeneratorTest {
  private static final int PAGES = 150;
  private static SentencePools pools;

  @TempDir Path dir;

  @BeforeAll
  static void loadPools() throws IOException {
    pools = SentencePools.load();
  }

  @Test
  void sameSeedGivesTheSameBytesAndOtherSeedsOthers() throws IOException {
    new WebCrawlGenerator(pools, 7, PAGES).write(dir.resolve("a"), 2);
    new WebCrawlGenerator(pools, 7, PAGES).write(dir.resolve("b"), 2);
    new WebCrawlGenerator(pools, 8, PAGES).write(dir.resolve("c"), 2);
    for (String f : new String[] {"crawl-00000.warc.gz", "crawl-00001.warc.gz"}) {
      assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
      assertNotEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("c").resolve(f)),
          f);
    }
  }

  @Test
  void doubleTheFilesIsDoubleTheCrawlAndHoldsTheSmallerOne() throws IOException {
    WebCrawlGenerator.Summary one = new WebCrawlGenerator(pools, 7, PAGES).write(dir.resolve("x1"), 2);
    WebCrawlGenerator.Summary two = new WebCrawlGenerator(pools, 7, PAGES).write(dir.resolve("x2"), 4);
    assertEquals(2L * PAGES, one.pages());
    assertEquals(4L * PAGES, two.pages());
    double ratio = (double) two.warcBytes() / one.warcBytes();
    assertTrue(ratio > 1.8 && ratio < 2.2, "bytes ratio " + ratio);
    for (String f : new String[] {"crawl-00000.warc.gz", "crawl-00001.warc.gz"}) {
      assertEquals(-1L, Files.mismatch(dir.resolve("x1").resolve(f), dir.resolve("x2").resolve(f)));
    }
    // every page is a response record, read back with jwarc; all kinds are planted
    assertEquals(two.pages(), responses(dir.resolve("x2")).size());
    for (WebCrawlGenerator.Kind k : WebCrawlGenerator.Kind.values()) {
      assertTrue(two.kinds().getOrDefault(k, 0L) > 0, () -> k + " missing: " + two.kinds());
    }
  }

  @Test
  void pagesAreDiverseNotOnePageRepeated() throws IOException {
    WebCrawlGenerator.Summary s = new WebCrawlGenerator(pools, 7, PAGES).write(dir, 2);
    Set<String> bodies = responses(dir);
    long expectedDistinct = s.pages() - s.kinds().getOrDefault(WebCrawlGenerator.Kind.EXACT_DUPLICATE, 0L);
    // exact duplicates differ from their source only in the URL, never in the payload
    assertEquals(s.pages(), bodies.size());
    Set<String> payloads = new HashSet<>();
    for (String b : bodies) payloads.add(b.substring(b.indexOf("\r\n\r\n")));
    assertTrue(payloads.size() <= expectedDistinct && payloads.size() >= expectedDistinct - 5,
        () -> payloads.size() + " distinct payloads, expected about " + expectedDistinct);
  }

  /** URL + HTTP message of every response record. */
  private static Set<String> responses(Path crawl) throws IOException {
    Set<String> out = new HashSet<>();
    try (var files = Files.list(crawl)) {
      for (Path f : files.sorted().toList()) {
        try (WarcReader r = new WarcReader(FileChannel.open(f))) {
          for (WarcRecord rec : r) {
            if (rec instanceof WarcResponse resp) {
              out.add(resp.target() + "\n" + new String(resp.body().stream().readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
    return out;
  }
}
