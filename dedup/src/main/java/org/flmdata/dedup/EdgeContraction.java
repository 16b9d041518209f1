package org.flmdata.dedup;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The steps of {@link ConnectedComponents}' distributed rounds, on edge blocks: {@code long[]
 * {u0, v0, u1, v1, ...}} (edges {@code u > v}; a block of odd length is a marker: {@code {count}}
 * of nodes not yet in a star forest, or {@code {0, 0, 1}} from a partition contracted in more than
 * one chunk).
 * Blocks are routed to partitions by a hash of an end ({@link Route}, {@link Direct}), and a
 * partition's edges are contracted by a union-find over primitive arrays in chunks of at most
 * {@link #CHUNK} edges ({@link Contract}): every node of a chunk that is not its
 * chunk-component's smallest id comes out as one edge {@code (node, smallest)}. A chunk's
 * connectivity is kept exactly (each of its components becomes a star around its minimum), and
 * memory is bounded by the chunk, never by a component or a partition: a star of a million
 * leaves is contracted a chunk at a time.
 */
final class EdgeContraction {
  private EdgeContraction() {}

  /** Edges per union-find: about 60 MB of arrays per task at most. */
  static final int CHUNK = 1 << 20;

  /** Longs per block (4,096 edges). */
  static final int BLOCK = 8192;

  /** The partition of node {@code x} among {@code parts}. */
  static int partition(long x, int parts) {
    long h = x * 0x9E3779B97F4A7C15L;
    return (int) Long.remainderUnsigned(h ^ (h >>> 29), parts);
  }

  /** Partition keys are partition numbers. */
  static final class Direct extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int parts;

    Direct(int parts) {
      this.parts = parts;
    }

    @Override
    public int numPartitions() {
      return parts;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }
  }

  /**
   * Each edge to the partition of its larger end, and also to its smaller end's when {@code both}
   * (once when the two are the same); markers to partition 0.
   */
  static final class Route implements PairFlatMapFunction<Iterator<long[]>, Integer, long[]> {
    private static final long serialVersionUID = 1L;
    private final int parts;
    private final boolean both;

    Route(int parts, boolean both) {
      this.parts = parts;
      this.both = both;
    }

    @Override
    public Iterator<Tuple2<Integer, long[]>> call(Iterator<long[]> blocks) {
      long[][] buf = new long[parts][];
      int[] len = new int[parts];
      ArrayDeque<Tuple2<Integer, long[]>> ready = new ArrayDeque<>();
      return new Iterator<>() {
        boolean flushed;

        private void add(int p, long u, long v) {
          if (buf[p] == null) buf[p] = new long[BLOCK];
          buf[p][len[p]++] = u;
          buf[p][len[p]++] = v;
          if (len[p] == BLOCK) {
            ready.add(new Tuple2<>(p, buf[p]));
            buf[p] = null;
            len[p] = 0;
          }
        }

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && blocks.hasNext()) {
            long[] b = blocks.next();
            if (b.length % 2 == 1) {
              ready.add(new Tuple2<>(0, b));
              continue;
            }
            for (int i = 0; i + 1 < b.length; i += 2) {
              int pu = partition(b[i], parts);
              add(pu, b[i], b[i + 1]);
              if (both) {
                int pv = partition(b[i + 1], parts);
                if (pv != pu) add(pv, b[i], b[i + 1]);
              }
            }
          }
          if (ready.isEmpty() && !flushed) {
            flushed = true;
            for (int p = 0; p < parts; p++) {
              if (len[p] > 0) ready.add(new Tuple2<>(p, Arrays.copyOf(buf[p], len[p])));
            }
          }
          return !ready.isEmpty();
        }

        @Override
        public Tuple2<Integer, long[]> next() {
          if (!hasNext()) throw new NoSuchElementException();
          return ready.poll();
        }
      };
    }
  }

  /**
   * Contracts partition {@code pid}'s edges; markers pass through. When checking (the partition
   * holds every edge of each node it owns, {@link Route} with {@code both}), it also counts the
   * owned nodes whose edges are not yet those of a star forest (edges to two different smaller
   * nodes, or an edge to a smaller node and one from a larger one), and ends with a marker of that
   * count when it is not zero: a round whose check counts nothing anywhere started from a star
   * forest, where every edge links a node to its component's smallest id. A partition contracted
   * in more than one chunk ends with a split marker (its output may repeat an edge).
   */
  static final class Contract
      implements Function2<Integer, Iterator<long[]>, Iterator<long[]>> {
    private static final long serialVersionUID = 1L;
    private final int parts;
    private final boolean check;
    private final int chunk;

    Contract(int parts, boolean check) {
      this(parts, check, CHUNK);
    }

    /** With chunks of {@code chunk} edges (tests use small ones). */
    Contract(int parts, boolean check, int chunk) {
      this.parts = parts;
      this.check = check;
      this.chunk = chunk;
    }

    @Override
    public Iterator<long[]> call(Integer pid, Iterator<long[]> blocks) {
      UnionFind uf = new UnionFind(chunk);
      NodeStates states = check ? new NodeStates() : null;
      ArrayDeque<long[]> ready = new ArrayDeque<>();
      return new Iterator<>() {
        boolean done;
        boolean split;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && !done) {
            if (!blocks.hasNext()) {
              uf.drain(ready);
              if (check && states.bad() > 0) ready.add(new long[] {states.bad()});
              if (split) ready.add(new long[] {0, 0, 1});
              done = true;
              break;
            }
            long[] b = blocks.next();
            if (b.length % 2 == 1) {
              ready.add(b);
              continue;
            }
            for (int i = 0; i + 1 < b.length; i += 2) {
              long u = b[i];
              long v = b[i + 1];
              if (check) {
                if (partition(u, parts) == pid) states.out(u, v);
                if (partition(v, parts) == pid) states.in(v);
              }
              if (!uf.add(u, v)) {
                uf.drain(ready);
                split = true;
              }
            }
          }
          return !ready.isEmpty();
        }

        @Override
        public long[] next() {
          if (!hasNext()) throw new NoSuchElementException();
          return ready.poll();
        }
      };
    }
  }

  /** Per owned node: its first smaller neighbour and whether it has another or a larger one. */
  static final class NodeStates {
    private static final byte OUT = 1;
    private static final byte IN = 2;
    private static final byte TWO = 4;
    private long[] keys = new long[1024];
    private long[] targets = new long[1024];
    private byte[] flags = new byte[1024];
    private int size;

    void out(long u, long v) {
      int s = slot(u);
      if ((flags[s] & OUT) != 0 && targets[s] != v) flags[s] |= TWO;
      targets[s] = v;
      flags[s] |= OUT;
    }

    void in(long v) {
      int s = slot(v); // first: it may grow the arrays
      flags[s] |= IN;
    }

    long bad() {
      long n = 0;
      for (byte f : flags) if ((f & TWO) != 0 || ((f & OUT) != 0 && (f & IN) != 0)) n++;
      return n;
    }

    /** The slot of {@code x}, claimed (flag bit 8 marks a used slot) when new. */
    private int slot(long x) {
      int mask = keys.length - 1;
      int s = (int) ((x * 0x9E3779B97F4A7C15L) >>> 33) & mask;
      while ((flags[s] & 8) != 0) {
        if (keys[s] == x) return s;
        s = (s + 1) & mask;
      }
      if (2 * (size + 1) > keys.length) {
        grow();
        return slot(x);
      }
      keys[s] = x;
      flags[s] = 8;
      size++;
      return s;
    }

    private void grow() {
      long[] k = keys;
      long[] t = targets;
      byte[] f = flags;
      keys = new long[k.length * 2];
      targets = new long[k.length * 2];
      flags = new byte[k.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < k.length; i++) {
        if ((f[i] & 8) == 0) continue;
        int s = (int) ((k[i] * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        while ((flags[s] & 8) != 0) s = (s + 1) & mask;
        keys[s] = k[i];
        targets[s] = t[i];
        flags[s] = f[i];
      }
    }
  }

  /**
   * Union-find over the nodes of at most {@code capacity} edges; its arrays grow with the nodes
   * it meets (a small partition stays small).
   */
  static final class UnionFind {
    private final int capacity;
    private long[] slots = new long[1024];
    private int[] slotIndex = filled(1024);
    private long[] ids = new long[512];
    private int[] parent = new int[512];
    private int nodes;
    private int edges;

    UnionFind(int capacity) {
      this.capacity = capacity;
    }

    /** Joins {@code u} and {@code v}; false when the chunk is full (drain it, then go on). */
    boolean add(long u, long v) {
      int a = find(index(u));
      int b = find(index(v));
      if (ids[a] < ids[b]) parent[b] = a;
      else if (ids[b] < ids[a]) parent[a] = b;
      return ++edges < capacity;
    }

    /** Adds the chunk's edges {@code (node, smallest)} as blocks to {@code out}; empties it. */
    void drain(ArrayDeque<long[]> out) {
      long[] b = new long[BLOCK];
      int n = 0;
      for (int i = 0; i < nodes; i++) {
        int r = find(i);
        if (r == i) continue;
        b[n++] = ids[i];
        b[n++] = ids[r];
        if (n == BLOCK) {
          out.add(b);
          b = new long[BLOCK];
          n = 0;
        }
      }
      if (n > 0) out.add(Arrays.copyOf(b, n));
      if (nodes > 0) Arrays.fill(slotIndex, -1);
      nodes = 0;
      edges = 0;
    }

    private int index(long id) {
      int mask = slots.length - 1;
      int s = slot(id, mask);
      while (true) {
        int i = slotIndex[s];
        if (i < 0) break;
        if (slots[s] == id) return i;
        s = (s + 1) & mask;
      }
      if (nodes == ids.length) {
        ids = Arrays.copyOf(ids, nodes * 2);
        parent = Arrays.copyOf(parent, nodes * 2);
      }
      ids[nodes] = id;
      parent[nodes] = nodes;
      if (2 * (nodes + 1) > slots.length) {
        grow();
        mask = slots.length - 1;
        s = slot(id, mask);
        while (slotIndex[s] >= 0) s = (s + 1) & mask;
      }
      slots[s] = id;
      slotIndex[s] = nodes;
      return nodes++;
    }

    private void grow() {
      int size = slots.length * 2;
      int mask = size - 1;
      long[] ns = new long[size];
      int[] ni = filled(size);
      for (int i = 0; i < nodes; i++) {
        int s = slot(ids[i], mask);
        while (ni[s] >= 0) s = (s + 1) & mask;
        ns[s] = ids[i];
        ni[s] = i;
      }
      slots = ns;
      slotIndex = ni;
    }

    private static int slot(long id, int mask) {
      return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    private static int[] filled(int size) {
      int[] a = new int[size];
      Arrays.fill(a, -1);
      return a;
    }

    private int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }
  }
}
