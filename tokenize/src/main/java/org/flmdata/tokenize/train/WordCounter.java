package org.flmdata.tokenize.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import scala.Tuple3;

/**
 * Counts the words (pre-tokens in the byte-level alphabet) of texts with Spark: each partition
 * splits its texts with the encoder's own pre-tokenizer and pre-aggregates in a bounded
 * {@link WordTally} (and counts its texts and their UTF-8 bytes, under the empty word, which no
 * pre-token is), a Dataset aggregation sums the counts (one task per core), and only words occurring
 * at least {@code minCount} times, at most {@code maxWords} of them (the most frequent; ties by
 * word, in code point order), reach the driver. When all kept words fit in {@code maxWords} they
 * are collected as they are and ordered on the driver: a Spark sort with a limit of millions
 * (a bounded priority queue per partition, rows compared by interpreted ordering) cost more than
 * splitting the whole text (TokenizerTrainBenchmark's profile).
 */
public final class WordCounter {
  /** Flush a partition's local counts when they hold this many distinct words. */
  static final int LOCAL_MAX = 500_000;
  /** The key under which partitions count texts (n) and bytes: never a word. */
  private static final String TEXTS = "";

  private WordCounter() {}

  /**
   * What counting found.
   *
   * @param words the kept words, most frequent first (ties by word in code point order)
   * @param distinct distinct words in the texts
   * @param occurrences word occurrences in the texts
   * @param texts non-null texts read
   * @param bytes their UTF-8 bytes
   */
  public record Counted(List<BpeTrainer.WordCount> words, long distinct, long occurrences, long texts,
      long bytes) {}

  public static Counted count(Dataset<String> texts, TrainingSplitter splitter, long minCount,
      int maxWords) {
    Dataset<Row> partial = texts.mapPartitions(
        (MapPartitionsFunction<String, Tuple3<String, Long, Long>>) it -> splitAndCount(it, splitter),
        Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.LONG())).toDF("word", "n", "b");
    // the partitions already summed their words: the sum needs no partial aggregation before the
    // shuffle, and one task per core, not spark.sql.shuffle.partitions' 200 (mostly task overhead
    // on a small input: its 3 stages of 200 tasks took 33 s of TokenizerTrainBenchmark's 145 s)
    int reducers = Math.max(1, texts.sparkSession().sparkContext().defaultParallelism());
    Dataset<Row> totals = partial.repartition(reducers, col("word")).groupBy("word").agg(sum("n").as("n"), sum("b").as("b"))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      Column isWord = col("word").notEqual(lit(TEXTS));
      Column kept = isWord.and(col("n").geq(minCount));
      Row sums = totals.agg(sum(when(isWord, 1L).otherwise(0L)), sum(when(isWord, col("n")).otherwise(0L)),
          sum(when(isWord, 0L).otherwise(col("n"))), sum(when(isWord, 0L).otherwise(col("b"))),
          sum(when(kept, 1L).otherwise(0L))).first();
      long distinct = sums.isNullAt(0) ? 0L : sums.getLong(0);
      long occurrences = sums.isNullAt(1) ? 0L : sums.getLong(1);
      long nTexts = sums.isNullAt(2) ? 0L : sums.getLong(2);
      long bytes = sums.isNullAt(3) ? 0L : sums.getLong(3);
      long nKept = sums.isNullAt(4) ? 0L : sums.getLong(4);
      List<Row> top;
      if (nKept <= maxWords) {
        top = totals.filter(kept).select("word", "n").collectAsList();
      } else {
        // more words than the driver takes: most frequent first, ties by word, cut in Spark; the
        // driver receives at most maxWords rows
        top = totals.filter(kept).select("word", "n").orderBy(col("n").desc(), col("word").asc())
            .limit(maxWords).collectAsList();
      }
      List<BpeTrainer.WordCount> words = new ArrayList<>(top.size());
      for (Row r : top) words.add(new BpeTrainer.WordCount(r.getString(0), r.getLong(1)));
      words.sort(MOST_FREQUENT_FIRST);
      return new Counted(words, distinct, occurrences, nTexts, bytes);
    } finally {
      totals.unpersist(false);
    }
  }

  /** Count descending, then word ascending by code point (Spark's order of UTF-8 strings). */
  static final Comparator<BpeTrainer.WordCount> MOST_FREQUENT_FIRST = (x, y) -> {
    if (x.count() != y.count()) return x.count() > y.count() ? -1 : 1;
    return compareCodePoints(x.word(), y.word());
  };

  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // UTF-16 puts surrogates (supplementary code points) below U+E000..U+FFFF; move them above
        if (x >= 0xD800 && y >= 0xD800) {
          x = (char) (x >= 0xE000 ? x - 0x800 : x + 0x2000);
          y = (char) (y >= 0xE000 ? y - 0x800 : y + 0x2000);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  static Iterator<Tuple3<String, Long, Long>> splitAndCount(Iterator<String> texts, TrainingSplitter splitter) {
    WordTally local = new WordTally();
    List<Tuple3<String, Long, Long>> out = new ArrayList<>();
    TrainingSplitter.RangeSink count = local::add;
    long nTexts = 0;
    long bytes = 0;
    while (texts.hasNext()) {
      String t = texts.next();
      if (t == null) continue;
      nTexts++;
      bytes += utf8Length(t);
      splitter.splitRanges(t, count);
      if (local.size() >= LOCAL_MAX) drain(local, splitter, out);
    }
    drain(local, splitter, out);
    out.add(new Tuple3<>(TEXTS, nTexts, bytes));
    return out.iterator();
  }

  /** UTF-8 bytes of {@code s} as Spark stores it (a lone surrogate as one byte, '?'). */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return n;
  }

  private static void drain(WordTally local, TrainingSplitter splitter, List<Tuple3<String, Long, Long>> out) {
    local.forEach((c, from, to, n) -> out.add(new Tuple3<>(splitter.word(c, from, to), n, 0L)));
    local.clear();
  }
}
