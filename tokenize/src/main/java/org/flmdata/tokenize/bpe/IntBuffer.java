package org.flmdata.tokenize.bpe;

import java.util.Arrays;

/** A growable int array for token ids; one per encode call, never shared. */
public final class IntBuffer {
  private int[] data;
  private int size;

  public IntBuffer() {
    this(64);
  }

  public IntBuffer(int capacity) {
    data = new int[Math.max(1, capacity)];
  }

  public void add(int v) {
    if (size == data.length) data = Arrays.copyOf(data, size * 2);
    data[size++] = v;
  }

  public void addAll(int[] v) {
    if (size + v.length > data.length) data = Arrays.copyOf(data, Math.max(size * 2, size + v.length));
    System.arraycopy(v, 0, data, size, v.length);
    size += v.length;
  }

  /** Appends {@code v[from, from + count)}. */
  public void addAll(int[] v, int from, int count) {
    if (size + count > data.length) data = Arrays.copyOf(data, Math.max(size * 2, size + count));
    System.arraycopy(v, from, data, size, count);
    size += count;
  }

  public int size() {
    return size;
  }

  /** Drops the values from {@code size} on ({@code size <= size()}). */
  void truncate(int size) {
    this.size = size;
  }

  public void clear() {
    size = 0;
  }

  /** The backing array; valid up to {@link #size()}. */
  public int[] array() {
    return data;
  }

  public int[] toArray() {
    return Arrays.copyOf(data, size);
  }
}
