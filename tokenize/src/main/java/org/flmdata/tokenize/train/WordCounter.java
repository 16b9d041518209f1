package org.flmdata.tokenize.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.flmdata.tokenize.bpe.TrainingSplitter;
import scala.Tuple2;

/**
 * Counts the words (pre-tokens in the byte-level alphabet) of texts with Spark: each partition
 * splits its texts with the encoder's own pre-tokenizer and pre-aggregates in a bounded map, a
 * {@code reduceByKey} sums the counts, and only words occurring at least {@code minCount} times,
 * at most {@code maxWords} of them (the most frequent; ties by word), reach the driver.
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
    JavaRDD<String> rdd = texts.javaRDD();
    JavaPairRDD<String, Long> partial = rdd.mapPartitionsToPair(it -> splitAndCount(it, splitter));
    int partitions = Math.max(1, rdd.getNumPartitions());
    JavaPairRDD<String, Long> totals = partial.reduceByKey(Long::sum, partitions)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      long[] sums = totals.values().map(v -> new long[] {1L, v})
          .fold(new long[2], (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
      long distinct = sums[0];
      long occurrences = sums[1];
      List<Tuple2<String, Long>> top = totals.filter(t -> t._2() >= minCount)
          .takeOrdered(maxWords, new ByCountThenWord());
      List<BpeTrainer.WordCount> words = new ArrayList<>(top.size());
      for (Tuple2<String, Long> t : top) words.add(new BpeTrainer.WordCount(t._1(), t._2()));
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

  /** Most frequent first, then by word, so the cut at {@code maxWords} is deterministic. */
  static final class ByCountThenWord implements Comparator<Tuple2<String, Long>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<String, Long> x, Tuple2<String, Long> y) {
      int c = Long.compare(y._2(), x._2());
      return c != 0 ? c : x._1().compareTo(y._1());
    }
  }
}
