package org.flmdata.tokenize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The driver-side order of counted words is the order Spark's sort of UTF-8 strings gives. */
class WordCounterTest {
  @Test
  void wordsAreOrderedByCountThenByUtf8BytesAsSparkOrdersThem() {
    Random r = new Random(7);
    int[] cps = {'a', 'z', 0xE9, 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0x1F600, 0x10FFFF, 0x20000};
    List<BpeTrainer.WordCount> words = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 1 + r.nextInt(4); j > 0; j--) b.appendCodePoint(cps[r.nextInt(cps.length)]);
      words.add(new BpeTrainer.WordCount(b.toString(), 1 + r.nextInt(3)));
    }
    List<BpeTrainer.WordCount> ours = new ArrayList<>(words);
    ours.sort(WordCounter.MOST_FREQUENT_FIRST);
    List<BpeTrainer.WordCount> bytes = new ArrayList<>(words);
    bytes.sort((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count())
        : Arrays.compareUnsigned(x.word().getBytes(StandardCharsets.UTF_8), y.word().getBytes(StandardCharsets.UTF_8)));
    assertEquals(bytes, ours);
  }

  @Test
  void utf8LengthIsTheEncodedLengthWithALoneSurrogateAsOneByte() {
    for (String s : List.of("", "abc", "é中😀", "x\uD800y", "\uDC00", "end\uD83D")) {
      String replaced = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertEquals(replaced.getBytes(StandardCharsets.UTF_8).length, WordCounter.utf8Length(s), s);
    }
  }
}
