package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The second stage of the block model, and the page's kind it and the first stage read. */
class BlockTreesTest {

  /** Label 1 when exactly one of two features is above 1/2: no sum of weights can say it. */
  static float[][] xor(int n, long seed, float[] y) {
    Random r = new Random(seed);
    float[][] x = new float[n][3];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < 3; f++) x[i][f] = r.nextFloat();
      y[i] = (x[i][0] > 0.5f) != (x[i][1] > 0.5f) ? 1f : 0f;
    }
    return x;
  }

  static final BlockTrees.Settings SETTINGS = new BlockTrees.Settings(40, 3, 0.3, 1, 1, 0.8, 7);

  static BlockTrees train(float[][] x, float[] y) {
    float[] w = new float[x.length];
    java.util.Arrays.fill(w, 1f);
    return BlockTrees.train(x, y, w, new double[x.length], SETTINGS);
  }

  static byte[] bytes(BlockTrees t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    t.write(d);
    d.flush();
    return out.toByteArray();
  }

  @Test
  void treesLearnAnInteractionThatALinearModelCannot() {
    float[] y = new float[2000];
    float[][] x = xor(2000, 1, y);
    BlockTrees t = train(x, y);
    float[] yTest = new float[500];
    float[][] test = xor(500, 2, yTest);
    int right = 0;
    for (int i = 0; i < test.length; i++) {
      if ((t.score(test[i]) > 0) == (yTest[i] == 1f)) right++;
    }
    assertTrue(right >= 0.9 * test.length, right + " of " + test.length);
  }

  @Test
  void theSameExamplesAndSeedGiveTheSameTreesAndTheyReadBack() throws IOException {
    float[] y = new float[500];
    float[][] x = xor(500, 3, y);
    byte[] once = bytes(train(x, y));
    byte[] again = bytes(train(x, y));
    assertArrayEquals(once, again);
    BlockTrees read =
        BlockTrees.read(new DataInputStream(new ByteArrayInputStream(once)), x[0].length);
    assertArrayEquals(once, bytes(read));
    BlockTrees t = train(x, y);
    for (float[] row : x) assertEquals(t.score(row), read.score(row));
  }

  @Test
  void treesOnAShareOfTheFeaturesAreSeededAndAPrefixScoresItsOwnTreesOnly() throws IOException {
    float[] y = new float[800];
    float[][] x = xor(800, 4, y);
    float[] w = new float[x.length];
    java.util.Arrays.fill(w, 1f);
    BlockTrees.Settings s = new BlockTrees.Settings(30, 3, 0.3, 1, 1, 0.8, 0.67, 7);
    BlockTrees a = BlockTrees.train(x, y, w, new double[x.length], s);
    BlockTrees b = BlockTrees.train(x, y, w, new double[x.length], s);
    assertArrayEquals(bytes(a), bytes(b));
    BlockTrees none = a.prefix(0);
    BlockTrees ten = a.prefix(10);
    assertEquals(10, ten.size());
    assertEquals(a.size(), a.prefix(a.size() + 5).size());
    for (float[] row : x) {
      assertEquals(0.0, none.score(row));
      // the first ten trees and the other twenty add up to all thirty
      double rest = a.score(row) - ten.score(row);
      assertEquals(a.score(row), ten.score(row) + rest, 1e-9);
    }
    BlockTrees all = BlockTrees.train(x, y, w, new double[x.length],
        new BlockTrees.Settings(30, 3, 0.3, 1, 1, 0.8, 1.0, 7));
    assertTrue(!java.util.Arrays.equals(bytes(a), bytes(all)), "a share of features changes trees");
  }

  static Document page(String head) {
    return Jsoup.parse("<html><head>" + head + "</head><body><p>text</p></body></html>");
  }

  @Test
  void thePageKindIsTheAddressPathAndTheDeclaredTypesHoweverWritten() {
    int[] forum = PageKind.of(page("<link rel=\"canonical\" href=\"https://a.example/forum/thread/42?p=2\">"
        + "<script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\"}</script>"));
    int[] same = PageKind.of(page("<meta property=\"og:url\" content=\"http://b.example/Forum/Thread/7\">"
        + "<script type=\"application/ld+json\">{\"@type\":[\"DiscussionForumPosting\"]}</script>"));
    int[] product = PageKind.of(page("<link rel=\"canonical\" href=\"https://a.example/product/42\">"
        + "<meta property=\"og:type\" content=\"product\">"));
    assertArrayEquals(forum, same);
    assertEquals(3, forum.length, "forum, thread, DiscussionForumPosting");
    assertEquals(2, product.length, "product in the path, og:type product");
    assertTrue(java.util.Arrays.stream(product).noneMatch(k -> contains(forum, k)));
    assertEquals(0, PageKind.of(page("<title>t</title>")).length);
  }

  static boolean contains(int[] a, int k) {
    for (int x : a) if (x == k) return true;
    return false;
  }
}
