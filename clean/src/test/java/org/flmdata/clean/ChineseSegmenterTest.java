package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flmdata.pipeline.testing.RealText;
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

  /** jieba-analysis 1.0.2 itself, the reference: its SEARCH-mode words, whitespace dropped. */
  private static final class Reference {
    static final JiebaSegmenter JIEBA = new JiebaSegmenter();

    static List<String> tokens(String text) {
      List<String> out = new ArrayList<>();
      for (SegToken t : JIEBA.process(text, JiebaSegmenter.SegMode.SEARCH)) {
        String w = text.substring(t.startOffset, t.endOffset);
        if (!w.isBlank()) out.add(w);
      }
      return out;
    }
  }

  @Test
  void sameWordsAsJiebaAnalysisOnRealText() {
    List<RealText.Doc> docs = new ArrayList<>(RealText.chinese());
    docs.addAll(RealText.english());
    long tokens = 0;
    for (RealText.Doc d : docs) {
      List<String> expected = Reference.tokens(d.text());
      assertEquals(expected, ChineseSegmenter.tokens(d.text()), d.source());
      tokens += expected.size();
    }
    assertTrue(tokens > 1_000_000, "only " + tokens + " tokens compared");
  }

  /**
   * Random strings over the characters where jieba's rules branch: dictionary words and Han
   * characters outside it, full-width letters, digits and spaces, upper case, decimals, the
   * connectors + # &amp; . _ -, punctuation, whitespace, surrogates.
   */
  @Test
  void sameWordsAsJiebaAnalysisOnRandomMixedText() {
    String[] pieces = {"北京", "大学", "北京大学", "学习", "计算机", "科学", "的", "了", "我们", "在",
        "中华人民共和国", "乒乓球", "拍卖", "完了", "氵", "龘", "鿿", "〇", "Ａ", "ｂ", "１", "２", "．", "　",
        "A", "b", "Z", "z", "0", "9", "3.14", ".", "+", "#", "&", "_", "-", "c#", "C++", "AT&T",
        "T恤", "B超", "，", "。", "！", " ", "\n", "\t", "\uD83D\uDE00", "\uD800", "é", "ß", "ｉ",
        "卡拉OK", "1.", ".5", "x1.2.3y"};
    Random r = new Random(18);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(40);
      for (int k = 0; k < len; k++) sb.append(pieces[r.nextInt(pieces.length)]);
      String s = sb.toString();
      assertEquals(Reference.tokens(s), ChineseSegmenter.tokens(s), s);
    }
  }
}
