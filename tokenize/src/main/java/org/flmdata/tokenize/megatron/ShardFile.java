package org.flmdata.tokenize.megatron;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One output file that becomes visible under its name only when complete, never half-written.
 *
 * <p>Where the file system's streams can be aborted (s3a: an object appears only when its upload
 * completes on close), the stream writes the target directly and {@link #abort()} cancels the
 * upload. Elsewhere (local, HDFS: rename is atomic) it writes a hidden temporary file next to the
 * target ({@code .<name>.tmp-<uuid>}, skipped by Spark's and Megatron's readers) and {@link
 * #commit()} renames it into place, replacing a file an earlier attempt left; {@link #abort()}
 * deletes it.
 */
final class ShardFile {
  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final FSDataOutputStream out;
  private boolean done;

  private ShardFile(FileSystem fs, Path target, Path temporary) throws IOException {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.out = fs.create(temporary == null ? target : temporary, true);
  }

  static ShardFile create(FileSystem fs, Path target) throws IOException {
    boolean abortable = fs.hasPathCapability(target, CommonPathCapabilities.ABORTABLE_STREAM);
    Path temporary = abortable ? null
        : new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    return new ShardFile(fs, target, temporary);
  }

  /** The stream to write; closed by {@link #commit()} or {@link #abort()}, not by the caller. */
  OutputStream stream() {
    return out;
  }

  /** Closes the stream and publishes the file under its name. */
  void commit() throws IOException {
    if (done) return;
    done = true;
    out.close();
    if (temporary != null) {
      if (fs.exists(target)) fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        fs.delete(temporary, false);
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
    }
  }

  /** Discards what was written; nothing appears under the target name. Never throws. */
  void abort() {
    if (done) return;
    done = true;
    if (temporary == null) {
      try {
        out.abort();
      } catch (RuntimeException e) {
        // the upload stays pending (invisible); the bucket's multipart lifecycle rule removes it
      }
      return;
    }
    try {
      out.close();
    } catch (IOException | RuntimeException ignored) {
      // the file is deleted next
    }
    try {
      fs.delete(temporary, false);
    } catch (IOException ignored) {
      // a hidden leftover; the next attempt writes a new temporary file
    }
  }
}
