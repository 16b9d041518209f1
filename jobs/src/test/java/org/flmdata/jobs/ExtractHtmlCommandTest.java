package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flmdata.extract.HtmlExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractHtmlCommandTest {
  @TempDir Path dir;

  static final String ARTICLE =
      "<html><head><title>新闻标题</title></head><body><div class=\"nav\"><a href=/>首页</a>"
          + " <a href=/n>新闻</a></div><div class=\"content\"><h1>图书馆预算增加</h1>"
          + "<p>市议会周二投票决定，将公共图书馆的预算提高百分之十二，这是近十年来的首次增加。</p>"
          + "<p>图书馆员表示，这笔资金将用于延长开放时间和增加晚间工作人员。</p></div>"
          + "<div class=\"footer\">版权所有 © 2024</div></body></html>";

  private List<JsonNode> lines(String out) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> l = new ArrayList<>();
    for (String s : out.split("\n")) {
      if (!s.isBlank()) l.add(m.readTree(s));
    }
    return l;
  }

  @Test
  void everyHtmlAndGzFileOfAFolderIsOneJsonLineThroughTheStageExtractor() throws IOException {
    Path pages = Files.createDirectories(dir.resolve("pages/sub"));
    byte[] gbk = ARTICLE.getBytes(Charset.forName("GBK"));
    Files.write(pages.resolve("a.html"), gbk);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(pages.resolve("b.html.gz")))) {
      o.write(ARTICLE.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(pages.resolve("notes.txt"), "not a page");

    MainTest.Result r = MainTest.run("extract-html", dir.resolve("pages").toString());

    assertEquals(0, r.code(), r.err());
    List<JsonNode> l = lines(r.out());
    assertEquals(2, l.size(), r.out());
    String expected =
        HtmlExtractor.extract(gbk, gbk.length, null, HtmlExtractor.DEFAULT_MODE).text();
    assertTrue(expected.contains("市议会周二投票决定") && !expected.contains("首页"), expected);
    for (int i = 0; i < 2; i++) {
      JsonNode n = l.get(i);
      assertEquals(pages.resolve(i == 0 ? "a.html" : "b.html.gz").toString(), n.get("path").asText());
      assertEquals("zh", n.get("lang").asText());
      assertEquals("新闻标题", n.get("title").asText());
      assertEquals(expected, n.get("text").asText());
    }
  }

  @Test
  void modeOptionSelectsTheExtractionModeAndABadModeIsAUsageError() throws IOException {
    Path f = dir.resolve("p.html");
    Files.writeString(f, ARTICLE);
    MainTest.Result r = MainTest.run("extract-html", "--mode", "recall", f.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        HtmlExtractor.extract(ARTICLE, "recall").text(), lines(r.out()).get(0).get("text").asText());
    assertEquals(Main.EXIT_USAGE, MainTest.run("extract-html", "--mode", "all", f.toString()).code());
    assertEquals(
        Main.EXIT_USAGE, MainTest.run("extract-html", dir.resolve("missing").toString()).code());
  }

  @Test
  void helpListsExtractHtml() {
    MainTest.Result r = MainTest.run("--help");
    assertTrue(r.out().contains("extract-html"), r.out());
  }

  @Test
  void anUnreadableFileIsAnErrorLineAndTheOthersGoOn() throws IOException {
    Path bad = dir.resolve("bad.html.gz");
    Files.writeString(bad, "not gzip at all");
    Path good = dir.resolve("good.html");
    Files.writeString(good, ARTICLE);
    MainTest.Result r = MainTest.run("extract-html", bad.toString(), good.toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    List<JsonNode> l = lines(r.out());
    assertEquals(2, l.size());
    assertTrue(l.get(0).has("error"), r.out());
    assertEquals("新闻标题", l.get(1).get("title").asText());
  }
}
