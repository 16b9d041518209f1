package org.flmdata.tokenize.bpe;

import java.util.Arrays;

/**
 * Binary min-heap of candidate merges ordered by {@code (rank, pos)}, carrying the merge's new id
 * and, for callers that check a pair by both ends, the right symbol's index. Primitive arrays, no
 * boxing: one per word being encoded. Used by the tokenizer.json BPE and by the SentencePiece BPE.
 */
public final class MergeQueue {
  private long[] keys;
  private int[] rights;
  private int[] ids;
  private int size;

  public MergeQueue(int capacity) {
    keys = new long[Math.max(4, capacity)];
    rights = new int[keys.length];
    ids = new int[keys.length];
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The left symbol's index of the best merge. */
  public int topPos() {
    return (int) keys[0];
  }

  /** The right symbol's index of the best merge (-1 when pushed without one). */
  public int topRight() {
    return rights[0];
  }

  public int topNewId() {
    return ids[0];
  }

  public void push(int rank, int pos, int newId) {
    push(rank, pos, -1, newId);
  }

  public void push(int rank, int pos, int right, int newId) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      rights = Arrays.copyOf(rights, size * 2);
      ids = Arrays.copyOf(ids, size * 2);
    }
    long key = ((long) rank << 32) | pos;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      rights[i] = rights[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    keys[i] = key;
    rights[i] = right;
    ids[i] = newId;
  }

  /** Removes the best merge. */
  public void pop() {
    size--;
    if (size == 0) return;
    long key = keys[size];
    int right = rights[size];
    int id = ids[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      rights[i] = rights[child];
      ids[i] = ids[child];
      i = child;
    }
    keys[i] = key;
    rights[i] = right;
    ids[i] = id;
  }
}
