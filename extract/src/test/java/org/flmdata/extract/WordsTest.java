package org.flmdata.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scanning shortcuts of {@link Prune} give the answers of the regexes they replace. */
class WordsTest {

  private static final List<Words> LISTS =
      List.of(Prune.COMMENTS, Prune.ROTATING, Prune.STRONG_NEGATIVE, Prune.WEAK_NEGATIVE,
          Prune.POSITIVE, Prune.NAVIGATION);

  private static final String[] PIECES = {
    "nav", "menu", "side", "bar", "-", " ", "_", "1", "search", "results", "result", "content",
    "main", "post", "comments", "reply", "replies", "x", "a", "hot", "news", "mega", "recommended",
    "sponsored", "article", "articles", "page", "rich", "text", "\u2028", "é", "ads", "tags",
    "widget", "footer", "author", "box", "slider", "promo", "Nav", "off", "canvas", "skip", "link"
  };

  private static String randomHints(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) b.append(PIECES[r.nextInt(PIECES.length)]);
    return b.toString();
  }

  @Test
  void wordListsAnswerAsTheirRegexOnRandomClassNames() {
    Random r = new Random(20261208);
    for (int i = 0; i < 200_000; i++) {
      String h = randomHints(r);
      for (Words w : LISTS) {
        assertEquals(w.pattern.matcher(h).find(), w.in(h), () -> w.pattern + " on '" + h + "'");
        // asked again: the remembered answer
        assertEquals(w.pattern.matcher(h).find(), w.in(h), () -> w.pattern + " on '" + h + "'");
      }
    }
  }

  private static final Pattern COPYRIGHT =
      Pattern.compile("(?i)(?:©|&copy;|\\(c\\)\\s*\\d{4}|copyright|all rights reserved|版权所有"
          + "|版權所有|著作権|無断転載)");

  private static final String[] TEXT = {
    "©", "&copy;", "&COPY;", "(c)", "(C)", " ", "\t", "\n", "2024", "202", "x", "Copyright",
    "COPYRIGHT", "copyrigh", "all rights reserved", "All Rights Reserved", "all rights",
    "版权所有", "版權所有", "著作権", "無断転載", "版权", "ı", "ſ", "İ", "\u212a", "(c", "c)", "9"
  };

  @Test
  void copyrightAnswersAsTheRegexItReplaces() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(6);
      for (int j = 0; j < n; j++) b.append(TEXT[r.nextInt(TEXT.length)]);
      String t = b.toString();
      assertEquals(COPYRIGHT.matcher(t).find(), Prune.copyright(t), () -> "'" + t + "'");
    }
  }
}
