package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The learned block classifier: its resource, its file format, and how it joins the rules. */
class BlockModelTest {

  static final String PAGE =
      "<html><head><title>Budget</title></head><body>"
          + "<div class=\"site-header\"><ul class=\"menu\"><li><a href=\"/\">Home</a></li>"
          + "<li><a href=\"/news\">News</a></li></ul></div>"
          + "<div id=\"main\"><h1>Budget</h1>"
          + "<p>The city council voted on Tuesday to raise the budget of the public libraries by"
          + " twelve percent, the first increase in almost a decade.</p>"
          + "<p>Librarians said the money would pay for longer opening hours, more staff in the"
          + " evenings, and a mobile library that will visit outlying districts.</p></div>"
          + "<div class=\"footer\"><p>Copyright 2025 Example Media.</p></div></body></html>";

  static MainContent.Analysis analyse(Document doc) {
    PageSignals signals = PageSignals.of(doc);
    Element headline = Headline.of(doc, doc.title(), signals);
    return HtmlExtractor.analyse(doc.body(), MainContent.Mode.BALANCED, headline, signals);
  }

  @Test
  void shippedModelIsSmallAndLoads() throws IOException {
    try (InputStream in = BlockModel.class.getResourceAsStream(BlockModel.RESOURCE)) {
      assertNotNull(in, "resource " + BlockModel.RESOURCE);
      assertTrue(in.readAllBytes().length <= 5 << 20, "at most 5 MB");
    }
    assertNotNull(BlockModel.shipped());
  }

  @Test
  void writtenModelReadsBackTheSameWeightsAndThresholds() throws IOException {
    float[] w = new float[1 << BlockFeatures.BITS];
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 1000; i++) w[r.nextInt(w.length)] = (float) r.nextGaussian();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BlockModel(w, 0.2f, 0.7f).write(out);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    BlockModel.read(new ByteArrayInputStream(out.toByteArray())).write(again);
    assertArrayEquals(out.toByteArray(), again.toByteArray());
  }

  @Test
  void anArticleThresholdIsWrittenOnlyWhenSetAndReadsBack() throws IOException {
    float[] w = new float[1 << BlockFeatures.BITS];
    w[5] = 1.5f;
    ByteArrayOutputStream with = new ByteArrayOutputStream();
    new BlockModel(w, null, 0.2f, 0.4f, 0.6f, 0.75f).write(with);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    BlockModel.read(new ByteArrayInputStream(with.toByteArray())).write(again);
    assertArrayEquals(with.toByteArray(), again.toByteArray());
    // never adding on articles is the format of models written before the threshold existed
    ByteArrayOutputStream never = new ByteArrayOutputStream();
    new BlockModel(w, null, 0.2f, 0.4f, 0.6f, 1f).write(never);
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    new BlockModel(w, null, 0.2f, 0.4f, 0.6f).write(old);
    assertArrayEquals(old.toByteArray(), never.toByteArray());
    assertEquals(Float.BYTES, gunzipped(with).length - gunzipped(never).length);
  }

  static byte[] gunzipped(ByteArrayOutputStream out) throws IOException {
    try (InputStream in = new java.util.zip.GZIPInputStream(
        new ByteArrayInputStream(out.toByteArray()))) {
      return in.readAllBytes();
    }
  }

  /** An article of three paragraphs and, after it, twelve short lines the rules leave out. */
  static String articleWithLines(boolean declared) {
    StringBuilder b = new StringBuilder("<html><head><title>Budget</title>");
    if (declared) b.append("<meta property=\"og:type\" content=\"article\">");
    b.append("</head><body><div id=\"story\">");
    for (int i = 0; i < 3; i++) {
      b.append("<p>The city council voted on Tuesday to raise the budget of the public libraries,"
          + " paragraph ").append(i).append(", by twelve percent, the first rise in a decade.</p>");
    }
    b.append("</div><div class=\"lines\">");
    for (int i = 0; i < 12; i++) b.append("<p>Line ").append(i).append(" here</p>");
    return b.append("</div></body></html>").toString();
  }

  @Test
  void onADeclaredArticleBlocksJoinOnlyAtTheArticleThreshold() {
    float[] zero = new float[1 << BlockFeatures.BITS];
    // every block has probability 1/2: it joins where the threshold is at most that
    for (boolean declared : new boolean[] {true, false}) {
      Document doc = Jsoup.parse(articleWithLines(declared));
      MainContent.Analysis a = analyse(doc);
      PageSignals signals = PageSignals.of(doc);
      assertEquals(declared, signals.article());
      assertTrue(a.blocks().size() >= BlockModel.MIN_BLOCKS, "blocks " + a.blocks().size());
      assertFalse(a.result().text().contains("Line 3"), "the rules leave the lines out");
      String joins = new BlockModel(zero, null, 0.4f, 0.4f, 1f, 0.4f).text(a, signals);
      String never = new BlockModel(zero, null, 0.4f, 0.4f, 1f, 1f).text(a, signals);
      String onlyOthers = new BlockModel(zero, null, 0.4f, 0.6f, 1f, 0.4f).text(a, signals);
      assertTrue(joins.contains("Line 3"), joins);
      assertEquals(!declared, never.contains("Line 3"), never);
      assertEquals(declared, onlyOthers.contains("Line 3"), onlyOthers);
      assertTrue(never.contains("paragraph 2"), never);
    }
  }

  @Test
  void aPageOfAHandfulOfBlocksKeepsTheRulesText() {
    Document doc = Jsoup.parse(PAGE);
    MainContent.Analysis a = analyse(doc);
    assertTrue(a.blocks().size() < BlockModel.MIN_BLOCKS);
    // a model sure that every block is boilerplate, and one sure that every block is content
    float[] no = new float[1 << BlockFeatures.BITS];
    java.util.Arrays.fill(no, -1f);
    float[] yes = new float[1 << BlockFeatures.BITS];
    java.util.Arrays.fill(yes, 1f);
    String rules = a.result().text();
    assertEquals(rules, new BlockModel(no, 0.4f, 0.6f).text(a, PageSignals.of(doc)));
    assertEquals(rules, new BlockModel(yes, 0.4f, 0.6f).text(a, PageSignals.of(doc)));
  }

  @Test
  void modelWithoutEvidenceKeepsTheRulesChoice() {
    Document doc = Jsoup.parse(PAGE);
    MainContent.Analysis a = analyse(doc);
    // every weight 0: each block has probability 1/2, kept when selected (1/2 >= 0.4), not added
    // when left out (1/2 < 0.6)
    float[] zero = new float[1 << BlockFeatures.BITS];
    BlockModel none = new BlockModel(zero, 0.4f, 0.6f);
    String rules = a.result().text();
    assertEquals(rules, none.text(a, PageSignals.of(doc)));
    assertFalse(rules.contains("Home"));
    assertFalse(rules.contains("Budget"), "the headline is the title");
  }

  @Test
  void everyBlockOfThePageHasFeaturesAndTheRulesDecision() {
    Document doc = Jsoup.parse(PAGE);
    MainContent.Analysis a = analyse(doc);
    BlockFeatures f = new BlockFeatures(a, PageSignals.of(doc));
    int selected = 0;
    for (int i = 0; i < a.blocks().size(); i++) {
      int[] n = {0};
      f.of(i, x -> n[0]++);
      assertTrue(n[0] > 20, "features of block " + i);
      if (f.selected(i)) selected++;
    }
    // the menu's two items, the headline, two paragraphs, the footer's line
    assertEquals(6, a.blocks().size());
    assertEquals(2, selected);
  }

  @Test
  void learnedModeKeepsTheArticleAndDropsTheMenu() {
    String t = HtmlExtractor.extract(PAGE, "learned").text();
    assertTrue(t.contains("twelve percent"), t);
    assertTrue(t.contains("mobile library"), t);
    assertFalse(t.contains("Home"), t);
  }

  @Test
  void mutedBlockLosesItsOwnTextButKeepsNestedBlocks() {
    Document doc =
        Jsoup.parse("<body><div id=\"d\">loose words<p>inner paragraph</p>tail</div></body>");
    Element d = doc.getElementById("d");
    Set<Element> mute = Collections.newSetFromMap(new IdentityHashMap<>());
    mute.add(d);
    String t = BlockText.of(doc.body(), Set.of(), mute);
    assertEquals("inner paragraph", t);
    assertEquals(List.of("loose words", "inner paragraph", "tail"),
        List.of(BlockText.of(doc.body()).split("\n\n")));
  }
}
