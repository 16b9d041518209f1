package org.flmdata.jobs.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deals the lines of a pool in a shuffled order and reshuffles only when all were dealt, so two
 * documents drawn one after the other share as few lines as the pool allows: the sample must not
 * hold accidental near-duplicates, only the planned ones.
 */
final class Deck {
  private final List<String> items;
  private final Random rnd;
  private final Deque<Integer> order = new ArrayDeque<>();

  Deck(List<String> items, Random rnd) {
    if (items.isEmpty()) throw new IllegalArgumentException("empty deck");
    this.items = List.copyOf(items);
    this.rnd = rnd;
  }

  String next() {
    if (order.isEmpty()) refill();
    return items.get(order.poll());
  }

  /** {@code n} distinct lines, {@code n} at most the pool size. */
  List<String> next(int n) {
    if (n > items.size()) {
      throw new IllegalArgumentException("asked " + n + " of a pool of " + items.size());
    }
    List<String> out = new ArrayList<>(n);
    Set<Integer> taken = new HashSet<>();
    List<Integer> skipped = new ArrayList<>();
    while (out.size() < n) {
      if (order.isEmpty()) refill();
      int i = order.poll();
      if (taken.add(i)) {
        out.add(items.get(i));
      } else {
        skipped.add(i);
      }
    }
    for (int i = skipped.size() - 1; i >= 0; i--) order.addFirst(skipped.get(i));
    return out;
  }

  private void refill() {
    List<Integer> idx = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) idx.add(i);
    Collections.shuffle(idx, rnd);
    order.addAll(idx);
  }
}
