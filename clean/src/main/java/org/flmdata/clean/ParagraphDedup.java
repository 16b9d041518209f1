package org.flmdata.clean;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.flmdata.pipeline.hash.Hash64;
import scala.Tuple2;

/**
 * Corpus-wide paragraph (line) dedup, CCNet style (Wenzek et al. 2020), scoped per language: every
 * occurrence of a line after its first is removed, the first being the one in the document with
 * the smallest id (ties by partition and position, so the result does not depend on partitioning);
 * a line in more documents than the domain's {@code paragraph_dedup_max_docs} is boilerplate and
 * removed everywhere.
 *
 * <p>Two shuffles, neither carrying documents, and why not one: whether an occurrence stays
 * depends on every other occurrence of its line (the smallest document id, the number of
 * documents), an aggregate keyed by line, while the text to change is keyed by document. Data must
 * go from document partitions to line partitions and back: two all-to-all exchanges. A broadcast
 * could replace the second only if the table of repeated lines fit in one executor's memory, which
 * a corpus-wide table does not. So both exchanges are made small:
 *
 * <ol>
 *   <li>by line, with map-side combining ({@code combineByKey}, which spills): each partition
 *       sends one {@link Line} per distinct (language, line) it holds — its first document (id,
 *       position), how many of its documents hold the line, its partition number — however many
 *       of its documents repeat it. Lines merge into: the global first, the document count, the
 *       partitions holding the line (at most the number of partitions).
 *   <li>back by partition ({@link ExactPartitioner}): for each line held by two documents or more,
 *       one row per partition holding it: (key, the position of the document that keeps it there,
 *       or -1). A line in one document sends nothing back.
 * </ol>
 *
 * A partition then knows, for each of its repeated lines, which of its documents (if any) keeps
 * it: memory per partition is bounded by its own distinct repeated lines, a merged line by the
 * number of partitions.
 */
public final class ParagraphDedup {
  private ParagraphDedup() {}

  /** A line's occurrences merged so far (one partition's, then all). */
  public static final class Line implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The first occurrence: smallest document id, then partition, then position. */
    String docId;
    int part;
    int index;
    /** The boilerplate limit of the first occurrence's document, and the largest seen. */
    int ownLimit;
    int limit;
    /** Documents holding the line. */
    long docs;
    /** Partitions holding the line, sorted, distinct. */
    int[] parts;

    Line(String docId, int part, int index, int limit) {
      this.docId = docId == null ? "" : docId;
      this.part = part;
      this.index = index;
      this.ownLimit = limit;
      this.limit = limit;
      this.docs = 1;
      this.parts = new int[] {part};
    }

    /** {@code this} merged with {@code o} (order-independent); returns this. */
    Line merge(Line o) {
      if (before(o.docId, o.part, o.index)) {
        docId = o.docId;
        part = o.part;
        index = o.index;
        ownLimit = o.ownLimit;
      }
      limit = Math.max(limit, o.limit);
      docs += o.docs;
      parts = union(parts, o.parts);
      return this;
    }

    private boolean before(String id, int p, int i) {
      int c = id.compareTo(docId);
      if (c != 0) return c < 0;
      if (p != part) return p < part;
      return i < index;
    }

    /** Whether the first occurrence keeps the line: not boilerplate for its own domain or any. */
    boolean firstKeeps() {
      return docs <= ownLimit && docs <= limit;
    }
  }

  static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int v;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        v = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        v = b[j++];
      } else {
        v = a[i++];
        j++;
      }
      out[n++] = v;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** Sends a row to the partition its documents live in. */
  static final class ExactPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int n;

    ExactPartitioner(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ExactPartitioner p && p.n == n;
    }

    @Override
    public int hashCode() {
      return n;
    }
  }

  /** What the dedup needs of a document. */
  public interface Keyed extends Serializable {
    String lang(Object doc);

    String id(Object doc);

    String text(Object doc);

    /** The domain's boilerplate limit, or 0 when the document takes no part in dedup. */
    int maxDocs(Object doc);

    /** Whether the domain compares lines exactly instead of in CCNet's normal form. */
    boolean exact(Object doc);
  }

  /** The key of a line hash in a language: lines are compared within a language only. */
  public static long key(long hash, String lang) {
    return Hash64.fmix64Round(hash * Hash64.GOLDEN + (lang == null ? "und" : lang).hashCode());
  }

  /** The hashes of the distinct non-empty lines of {@code text}, in first-occurrence order. */
  static List<Long> distinctHashes(String text, boolean exact) {
    List<Long> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    ParagraphKey.Hasher key = new ParagraphKey.Hasher();
    for (String line : Words.splitLines(text)) {
      if (!key.of(line, exact)) continue;
      long h = key.value;
      if (seen.add(h)) out.add(h);
    }
    return out;
  }

  /**
   * For each partition of {@code docs}: (partition, {line key, position of the document keeping
   * the line there or -1}) for every line held by two documents or more. {@code docs} must give
   * the same partitions each time it is computed (persisted, or deterministic input).
   */
  public static <T> JavaPairRDD<Integer, long[]> dropLists(JavaRDD<T> docs, Keyed k,
      int shufflePartitions) {
    JavaPairRDD<Long, Line> occs = docs.mapPartitionsWithIndex((part, it) -> {
      List<Tuple2<Long, Line>> out = new ArrayList<>();
      int i = 0;
      while (it.hasNext()) {
        Object d = it.next();
        int max = k.maxDocs(d);
        if (max > 0) {
          String lang = Objects.requireNonNullElse(k.lang(d), "und");
          for (long h : distinctHashes(Objects.requireNonNullElse(k.text(d), ""), k.exact(d))) {
            out.add(new Tuple2<>(key(h, lang), new Line(k.id(d), part, i, max)));
          }
        }
        i++;
      }
      return out.iterator();
    }, true).mapToPair(t -> t);
    JavaPairRDD<Long, Line> lines = occs.combineByKey(l -> l, Line::merge, Line::merge,
        new org.apache.spark.HashPartitioner(shufflePartitions));
    JavaPairRDD<Integer, long[]> back = lines.flatMapToPair(t -> {
      Line l = t._2();
      if (l.docs < 2) return java.util.Collections.emptyIterator();
      List<Tuple2<Integer, long[]>> rows = new ArrayList<>(l.parts.length);
      boolean keeps = l.firstKeeps();
      for (int p : l.parts) {
        long keeper = keeps && p == l.part ? l.index : -1;
        rows.add(new Tuple2<>(p, new long[] {t._1(), keeper}));
      }
      return rows.iterator();
    });
    return back.partitionBy(new ExactPartitioner(docs.getNumPartitions()));
  }

  /** One partition's repeated lines: line key -> position of the document keeping it, or -1. */
  static Map<Long, Integer> collect(Iterator<Tuple2<Integer, long[]>> rows) {
    Map<Long, Integer> m = new HashMap<>();
    while (rows.hasNext()) {
      long[] r = rows.next()._2();
      m.put(r[0], (int) r[1]);
    }
    return m;
  }

  /**
   * {@code text} without the lines whose hash is in {@code drop} and without repeats of a line
   * inside the document (its first occurrence stays unless dropped). Blank lines are kept, runs of
   * them squeezed to one.
   */
  public static String apply(String text, Set<Long> drop) {
    return apply(text, drop, false);
  }

  /** As {@link #apply(String, Set)}, with lines compared exactly when {@code exact}. */
  public static String apply(String text, Set<Long> drop, boolean exact) {
    return apply(text, drop::contains, exact);
  }

  /** As {@link #apply(String, Set)}, dropping the lines whose hash {@code drop} accepts. */
  public static String apply(String text, java.util.function.LongPredicate drop, boolean exact) {
    StringBuilder sb = new StringBuilder(text.length());
    Set<Long> seen = new HashSet<>();
    boolean blank = false;
    ParagraphKey.Hasher key = new ParagraphKey.Hasher();
    for (String line : Words.splitLines(text)) {
      if (!key.of(line, exact)) {
        if (line.isBlank()) {
          blank = sb.length() > 0;
          continue;
        }
      } else {
        long h = key.value;
        if (drop.test(h) || !seen.add(h)) continue;
      }
      if (sb.length() > 0) sb.append(blank ? "\n\n" : "\n");
      blank = false;
      sb.append(line);
    }
    return sb.toString();
  }
}
