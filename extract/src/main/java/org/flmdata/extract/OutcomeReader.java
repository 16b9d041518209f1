package org.flmdata.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.Outcome;

/**
 * Streams the outcomes of one input file: one per record, computed on demand, so a file's documents
 * are never all in memory. Subclasses open the file on the first {@link #step()}, which reads on
 * until it has put at least one outcome in {@link #ready} or set {@link #finished}, and release
 * what they hold in {@link #close()} (called by the end of the stream, and by the task when it
 * stops early).
 */
abstract class OutcomeReader implements Iterator<Outcome>, Closeable {
  final FileContext ctx;
  final Configuration conf;

  /** Outcomes read and not yet given out (a step may find a record and the one before it). */
  final ArrayDeque<Outcome> ready = new ArrayDeque<>();

  /** Set by {@link #step()} when the file has nothing more to give. */
  boolean finished;

  private Outcome next;
  private boolean done;

  OutcomeReader(FileContext ctx, Configuration conf) {
    this.ctx = ctx;
    this.conf = conf;
  }

  /** Reads on: adds outcomes to {@link #ready}, or sets {@link #finished}. */
  protected abstract void step() throws IOException;

  /** The next outcome, or null when the file is finished. */
  private Outcome computeNext() throws IOException {
    while (ready.isEmpty() && !finished) step();
    return ready.poll();
  }

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      try {
        next = computeNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        done = true;
        try {
          close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return next != null;
  }

  @Override
  public final Outcome next() {
    if (!hasNext()) throw new NoSuchElementException();
    Outcome o = next;
    next = null;
    return o;
  }
}
