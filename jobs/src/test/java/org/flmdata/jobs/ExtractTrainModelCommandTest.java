package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractTrainModelCommandTest {
  @TempDir Path dir;

  static final List<String> SENTENCES = List.of(
      "The council voted on Tuesday to raise the budget of the public libraries by twelve percent.",
      "Librarians said the money would pay for longer opening hours and more staff in the evenings.",
      "A mobile library will visit the outlying districts twice a week from the spring onwards.",
      "The river rose two metres overnight and the old bridge was closed to traffic until noon.",
      "Farmers along the valley moved their cattle to higher ground before the water reached them.");

  /** A page: a menu, {@code n} paragraphs of content, a footer; the reference is the paragraphs. */
  private void page(Path dev, String id, String type, int n) throws IOException {
    StringBuilder html = new StringBuilder("<html><head><title>Page " + id + "</title></head><body>"
        + "<ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/a\">About</a></li></ul>"
        + "<div class=\"content\">");
    StringBuilder reference = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String s = SENTENCES.get((i + id.hashCode()) % SENTENCES.size());
      html.append("<p>").append(s).append("</p>");
      reference.append(s).append("\n\n");
    }
    html.append("</div><div class=\"footer\"><p>Copyright 2025 Example.</p></div></body></html>");
    try (OutputStream o = new GZIPOutputStream(
        Files.newOutputStream(dev.resolve("html").resolve(id + ".html.gz")))) {
      o.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode truth = json.createObjectNode();
    truth.put("file_id", id);
    truth.put("url", "https://example.com/" + type + "/" + id);
    truth.putObject("ground_truth").put("main_content", reference.toString());
    truth.putObject("_internal").putObject("page_type").put("primary", type);
    Files.writeString(dev.resolve("ground-truth").resolve(id + ".json"), truth.toString());
  }

  private Path devSet() throws IOException {
    Path dev = dir.resolve("dev");
    Files.createDirectories(dev.resolve("html"));
    Files.createDirectories(dev.resolve("ground-truth"));
    String[] types = {"article", "forum", "listing"};
    for (int i = 0; i < 9; i++) page(dev, String.format("%04d", i), types[i % 3], 2 + i % 4);
    return dev;
  }

  @Test
  void trainsAModelFromAFolderOfLabelledPagesAndWritesTheSameBytesAgain() throws IOException {
    Path dev = devSet();
    Path a = dir.resolve("a/block-model.bin.gz");
    Path b = dir.resolve("b.bin.gz");

    MainTest.Result r = MainTest.run("extract-train-model", "--dev", dev.toString(),
        "--output", a.toString());
    MainTest.Result again = MainTest.run("extract-train-model", "--dev", dev.toString(),
        "--output", b.toString(), "--threads", "2");

    assertEquals(0, r.code(), r.err());
    assertEquals(0, again.code(), again.err());
    JsonNode line = new ObjectMapper().readTree(r.out().trim());
    assertEquals(a.toString(), line.get("output").asText());
    assertEquals(Files.size(a), line.get("bytes").asLong());
    // 3 pages per type: the first of each (by hash) is the check part
    assertTrue(r.err().contains("6 fit pages, 3 check pages"), r.err());
    for (String part : List.of("fit", "check")) {
      for (String group : List.of("all", "article", "forum", "listing")) {
        double f1 = line.get(part).get(group).get("model_f1").asDouble(-1);
        assertTrue(f1 >= 0 && f1 <= 1, part + "/" + group + ": " + line);
      }
    }
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "seeded, any thread count");
  }

  @Test
  void aFolderWithoutTheSetsLayoutIsAUsageErrorNamingTheOption() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    MainTest.Result r = MainTest.run("extract-train-model", "--dev", empty.toString(),
        "--output", dir.resolve("m.bin.gz").toString());

    assertEquals(Main.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().contains("--dev") && r.err().contains("ground-truth/"), r.err());
    assertTrue(Files.notExists(dir.resolve("m.bin.gz")));
  }
}
