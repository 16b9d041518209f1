package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {

  @Test
  void segmentsIntoDictionaryWordsNotCharacters() {
    List<String> t = ChineseSegmenter.tokens("我们在北京大学学习计算机科学。");
    assertTrue(t.contains("我们"), t.toString());
    assertTrue(t.contains("北京大学"), t.toString());
    assertTrue(t.contains("。"), t.toString());
    assertEquals("我们在北京大学学习计算机科学。", String.join("", t));
  }

  @Test
  void tokensAreTheOriginalTextWithoutWhitespace() {
    String s = "ＡＢＣ 公司\t在2024年\n发布了 iPhone！";
    List<String> t = ChineseSegmenter.tokens(s);
    assertEquals(s.replaceAll("\\s", ""), String.join("", t)); // full width and case kept
    for (String w : t) assertTrue(!w.isBlank(), t.toString());
  }

  @Test
  void emptyAndOddInputsNeverThrow() {
    assertEquals(List.of(), ChineseSegmenter.tokens(""));
    assertEquals(List.of(), ChineseSegmenter.tokens(null));
    assertEquals(List.of(), ChineseSegmenter.tokens(" \n\t"));
    ChineseSegmenter.tokens("\uD800孤立代理\uDFFF\u0000\uFFFD😀表情");
    ChineseSegmenter.tokens("字".repeat(200_000));
  }

  @Test
  void fourThreadsGetTheSameWordsAsOne() throws Exception {
    String page = TextFixtures.zhPage();
    List<String> expected = ChineseSegmenter.tokens(page);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        fs.add(pool.submit(() -> {
          for (int r = 0; r < 200; r++) if (!ChineseSegmenter.tokens(page).equals(expected)) return false;
          return true;
        }));
      }
      for (Future<Boolean> f : fs) assertTrue(f.get());
    } finally {
      pool.shutdown();
    }
  }
}
