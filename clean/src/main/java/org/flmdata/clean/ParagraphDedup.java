package org.flmdata.clean;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
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
import scala.Tuple2;

/**
 * Corpus-wide paragraph (line) dedup, CCNet style (Wenzek et al. 2020), scoped per language: every
 * occurrence of a line after its first is removed, the first being the one in the document with
 * the smallest id (ties by position, so the result does not depend on partitioning); a line in
 * more documents than the domain's {@code paragraph_dedup_max_docs} is boilerplate and removed
 * everywhere. Documents are never shuffled: each partition emits one small row per distinct line
 * (language, hash, doc id, partition, index), one shuffle groups them by (language, hash), sorted,
 * and the resulting drop list (partition, index, hash) goes back to the documents' own partitions,
 * where it is zipped with them. Memory: a group holds at most max_docs+1 rows; a partition holds
 * the drop list of its own documents.
 */
public final class ParagraphDedup {
  private ParagraphDedup() {}

  /** One document's distinct line, as shuffled. */
  public static final class Occ implements Serializable {
    private static final long serialVersionUID = 1L;
    final String lang;
    final long hash;
    final String docId;
    final int part;
    final int index;
    final int maxDocs;

    Occ(String lang, long hash, String docId, int part, int index, int maxDocs) {
      this.lang = lang;
      this.hash = hash;
      this.docId = docId == null ? "" : docId;
      this.part = part;
      this.index = index;
      this.maxDocs = maxDocs;
    }

    boolean sameLine(Occ o) {
      return hash == o.hash && lang.equals(o.lang);
    }
  }

  /** Orders occurrences by line, then by document id, partition and index. */
  static final class OccOrder implements Comparator<Occ>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Occ a, Occ b) {
      int c = a.lang.compareTo(b.lang);
      if (c != 0) return c;
      c = Long.compare(a.hash, b.hash);
      if (c != 0) return c;
      c = a.docId.compareTo(b.docId);
      if (c != 0) return c;
      c = Integer.compare(a.part, b.part);
      return c != 0 ? c : Integer.compare(a.index, b.index);
    }
  }

  /** Partitions occurrences by line only, so a line's group is in one partition. */
  static final class LinePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int n;

    LinePartitioner(int n) {
      this.n = n;
    }

    @Override
    public int numPartitions() {
      return n;
    }

    @Override
    public int getPartition(Object key) {
      Occ o = (Occ) key;
      int h = Long.hashCode(o.hash * 31 + o.lang.hashCode());
      return Math.floorMod(h, n);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LinePartitioner p && p.n == n;
    }

    @Override
    public int hashCode() {
      return n;
    }
  }

  /** Sends a drop row to the partition its document lives in. */
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

  /** The (language, hash) of each distinct non-empty line of {@code text}, first occurrence. */
  static List<Long> distinctHashes(String text, boolean exact) {
    List<Long> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (String line : Words.splitLines(text)) {
      String n = ParagraphKey.key(line, exact);
      if (n.isEmpty()) continue;
      long h = ParagraphKey.hash(n);
      if (seen.add(h)) out.add(h);
    }
    return out;
  }

  /**
   * For each partition of {@code docs}: the hashes to remove, per document index. {@code docs}
   * must give the same partitions each time it is computed (persisted, or deterministic input).
   */
  public static <T> JavaPairRDD<Integer, long[]> dropLists(JavaRDD<T> docs, Keyed k,
      int shufflePartitions) {
    JavaPairRDD<Occ, Boolean> occs = docs.mapPartitionsWithIndex((part, it) -> {
      List<Tuple2<Occ, Boolean>> out = new ArrayList<>();
      int i = 0;
      while (it.hasNext()) {
        Object d = it.next();
        int max = k.maxDocs(d);
        if (max > 0) {
          String lang = Objects.requireNonNullElse(k.lang(d), "und");
          for (long h : distinctHashes(Objects.requireNonNullElse(k.text(d), ""), k.exact(d))) {
            out.add(new Tuple2<>(new Occ(lang, h, k.id(d), part, i, max), Boolean.TRUE));
          }
        }
        i++;
      }
      return out.iterator();
    }, true).mapToPair(t -> t);
    JavaPairRDD<Occ, Boolean> grouped = occs.repartitionAndSortWithinPartitions(
        new LinePartitioner(shufflePartitions), new OccOrder());
    JavaPairRDD<Integer, long[]> drops = grouped.mapPartitionsToPair(
        it -> new GroupDecider(it));
    return drops.partitionBy(new ExactPartitioner(docs.getNumPartitions()));
  }

  /**
   * Walks the sorted occurrences group by group and emits (partition, {index, hash}) for every
   * occurrence to remove; buffers at most the largest boilerplate limit of a group.
   */
  static final class GroupDecider implements Iterator<Tuple2<Integer, long[]>> {
    private final Iterator<Tuple2<Occ, Boolean>> in;
    private final List<Tuple2<Integer, long[]>> ready = new ArrayList<>();
    private int readyAt = 0;
    private Occ pending;

    GroupDecider(Iterator<Tuple2<Occ, Boolean>> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      while (readyAt >= ready.size()) {
        ready.clear();
        readyAt = 0;
        if (!fill()) return false;
      }
      return true;
    }

    @Override
    public Tuple2<Integer, long[]> next() {
      if (!hasNext()) throw new java.util.NoSuchElementException();
      return ready.get(readyAt++);
    }

    /** Decides the next group; false when the input is exhausted. */
    private boolean fill() {
      Occ first = pending != null ? pending : (in.hasNext() ? in.next()._1() : null);
      pending = null;
      if (first == null) return false;
      List<Occ> group = new ArrayList<>();
      group.add(first);
      int limit = first.maxDocs;
      boolean overflow = false;
      while (in.hasNext()) {
        Occ o = in.next()._1();
        if (!o.sameLine(first)) {
          pending = o;
          break;
        }
        limit = Math.max(limit, o.maxDocs);
        if (overflow) {
          ready.add(drop(o));
        } else {
          group.add(o);
          if (group.size() > limit) {
            overflow = true; // more documents than any limit seen: boilerplate everywhere
            for (Occ g : group) ready.add(drop(g));
            group.clear();
          }
        }
      }
      int size = group.size();
      for (int j = 0; j < size; j++) {
        Occ o = group.get(j);
        if (j > 0 || size > o.maxDocs) ready.add(drop(o));
      }
      return true;
    }

    private static Tuple2<Integer, long[]> drop(Occ o) {
      return new Tuple2<>(o.part, new long[] {o.index, o.hash});
    }
  }

  /** The drop set of one partition: document index -> hashes to remove. */
  static Map<Integer, Set<Long>> collect(Iterator<Tuple2<Integer, long[]>> drops) {
    Map<Integer, Set<Long>> m = new HashMap<>();
    while (drops.hasNext()) {
      long[] d = drops.next()._2();
      m.computeIfAbsent((int) d[0], x -> new HashSet<>()).add(d[1]);
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
    StringBuilder sb = new StringBuilder(text.length());
    Set<Long> seen = new HashSet<>();
    boolean blank = false;
    for (String line : Words.splitLines(text)) {
      String n = ParagraphKey.key(line, exact);
      if (n.isEmpty()) {
        if (line.isBlank()) {
          blank = sb.length() > 0;
          continue;
        }
      } else {
        long h = ParagraphKey.hash(n);
        if (drop.contains(h) || !seen.add(h)) continue;
      }
      if (sb.length() > 0) sb.append(blank ? "\n\n" : "\n");
      blank = false;
      sb.append(line);
    }
    return sb.toString();
  }
}
