package org.flmdata.tokenize.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import scala.Tuple2;

/**
 * Counts the words (pre-tokens in the byte-level alphabet) of texts with Spark: each partition
 * splits its texts with the encoder's own pre-tokenizer and pre-aggregates in a bounded map, a
 * Dataset aggregation sums the counts (shuffle partitions as Spark sizes them), and only words
 * occurring at least {@code minCount} times, at most {@code maxWords} of them (the most frequent;
 * ties by word), reach the driver.
 */
public final class WordCounter {
  /** Flush a partition's local counts when they hold this many distinct words. */
  static final int LOCAL_MAX = 500_000;

  private WordCounter() {}

  /**
   * What counting found.
   *
   * @param words the kept words, most frequent first
   * @param distinct distinct words in the texts
   * @param occurrences word occurrences in the texts
   */
  public record Counted(List<BpeTrainer.WordCount> words, long distinct, long occurrences) {}

  public static Counted count(Dataset<String> texts, TrainingSplitter splitter, long minCount,
      int maxWords) {
    Dataset<Row> partial = texts.mapPartitions(
        (MapPartitionsFunction<String, Tuple2<String, Long>>) it -> splitAndCount(it, splitter),
        Encoders.tuple(Encoders.STRING(), Encoders.LONG())).toDF("word", "n");
    Dataset<Row> totals = partial.groupBy("word").agg(sum("n").as("n"))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      Row sums = totals.agg(org.apache.spark.sql.functions.count(lit(1)), sum("n")).first();
      long distinct = sums.getLong(0);
      long occurrences = sums.isNullAt(1) ? 0L : sums.getLong(1);
      // most frequent first, ties by word: the cut at maxWords is deterministic; the driver
      // receives at most maxWords rows
      List<Row> top = totals.filter(col("n").geq(minCount))
          .orderBy(col("n").desc(), col("word").asc()).limit(maxWords).collectAsList();
      List<BpeTrainer.WordCount> words = new ArrayList<>(top.size());
      for (Row r : top) words.add(new BpeTrainer.WordCount(r.getString(0), r.getLong(1)));
      return new Counted(words, distinct, occurrences);
    } finally {
      totals.unpersist(false);
    }
  }

  static Iterator<Tuple2<String, Long>> splitAndCount(Iterator<String> texts, TrainingSplitter splitter) {
    Map<String, long[]> local = new HashMap<>();
    List<Tuple2<String, Long>> out = new ArrayList<>();
    while (texts.hasNext()) {
      String t = texts.next();
      if (t == null) continue;
      splitter.split(t, w -> local.computeIfAbsent(w, k -> new long[1])[0]++);
      if (local.size() >= LOCAL_MAX) drain(local, out);
    }
    drain(local, out);
    return out.iterator();
  }

  private static void drain(Map<String, long[]> local, List<Tuple2<String, Long>> out) {
    for (Map.Entry<String, long[]> e : local.entrySet()) out.add(new Tuple2<>(e.getKey(), e.getValue()[0]));
    local.clear();
  }
}
