package org.flmdata.pipeline;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Helpers for the per-partition functions of stages ({@code mapPartitions} bodies), which do their
 * per-partition setup once and then map documents one by one.
 */
public final class Partitions {
  private Partitions() {}

  /**
   * {@code in} with {@code fn} applied to each element as it is read: lazy, nothing of the
   * partition is buffered, so a partition larger than memory streams through.
   */
  public static <A, B> Iterator<B> map(Iterator<A> in, Function<? super A, ? extends B> fn) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return fn.apply(in.next());
      }
    };
  }
}
