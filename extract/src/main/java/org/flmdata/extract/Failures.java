package org.flmdata.extract;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.zip.ZipException;
import org.flmdata.pipeline.DropReason;

/**
 * Sorts exceptions met while reading input bytes into counted bad data and everything else. Bad
 * data (a cut or damaged gzip stream, a file gone or forbidden since listing) becomes a {@link
 * ReadReason}; any other I/O error is the storage's, not the data's, and is rethrown so Spark
 * retries the task rather than silently losing a file to a passing network failure.
 */
final class Failures {
  private Failures() {}

  /** A counted failure: its reason and a message for the detail and the log. */
  record Failure(DropReason reason, String message) {}

  /** The failure {@code e} stands for, or null when it is not about the data. */
  static Failure classify(Throwable e) {
    if (e instanceof GzipStream.TruncatedGzipException) {
      return new Failure(ReadReason.TRUNCATED_GZIP, message(e));
    }
    if (e instanceof ZipException) return new Failure(ReadReason.CORRUPT_GZIP, message(e));
    if (e instanceof FileNotFoundException || e instanceof AccessDeniedException) {
      return new Failure(ReadReason.IO_ERROR, message(e));
    }
    return null;
  }

  /** {@code e} as an unchecked exception to end the task with. */
  static RuntimeException rethrow(Throwable e) {
    if (e instanceof RuntimeException r) return r;
    if (e instanceof Error err) throw err;
    if (e instanceof IOException io) return new UncheckedIOException(io);
    return new IllegalStateException(e);
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
  }
}
