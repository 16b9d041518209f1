package org.flmdata.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.flmdata.pipeline.Outcome;

/**
 * Streams the outcomes of one input file: one per record, computed on demand, so a file's documents
 * are never all in memory. Subclasses open the file on the first call, give back null at the end,
 * and release what they hold in {@link #close()} (called by the end of the stream, and by the task
 * when it stops early).
 */
abstract class OutcomeReader implements Iterator<Outcome>, Closeable {
  private Outcome next;
  private boolean done;

  /** The next outcome, or null when the file is finished. */
  protected abstract Outcome computeNext() throws IOException;

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
