package org.flmdata.pipeline.fasttext;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Walks the structure of a fastText model file (format version 11/12: header, arguments,
 * dictionary, input and output matrices, dense or product-quantized) without loading it, and says
 * whether the file has exactly the bytes its headers promise. fastText itself trusts those
 * headers: on a truncated or damaged file it may allocate gigabytes, run for minutes or abort the
 * process, so this check runs first, in Java, in milliseconds.
 */
final class ModelFileFormat {
  static final int MAGIC = 793712314;
  private static final int KSUB = 256;

  private ModelFileFormat() {}

  /** Null if {@code file} is structurally a fastText model, else what is wrong with it. */
  static String problem(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
    try (InputStream raw = Files.newInputStream(file);
        CountingInput in = new CountingInput(new BufferedInputStream(raw, 1 << 16))) {
      if (in.int32() != MAGIC) return "is not a fastText model (wrong magic number)";
      int version = in.int32();
      if (version != 11 && version != 12) return "has unsupported fastText format version " + version;
      in.skip(12 * 4 + 8); // 12 int32 arguments and the double sampling threshold
      int dictSize = in.int32();
      int nwords = in.int32();
      int nlabels = in.int32();
      long ntokens = in.int64();
      long pruneSize = in.int64();
      if (dictSize < 0 || nwords < 0 || nlabels < 0 || dictSize != nwords + nlabels
          || ntokens < 0 || pruneSize < -1) {
        return "has a damaged dictionary header (size " + dictSize + ", words " + nwords
            + ", labels " + nlabels + ")";
      }
      if ((long) dictSize * 10 > size || pruneSize > size / 8) {
        return "is truncated or damaged (a dictionary of " + dictSize + " entries and " + pruneSize
            + " pruned ids cannot fit in " + size + " bytes)";
      }
      for (int i = 0; i < dictSize; i++) {
        while (in.int8() != 0) {
          // entry text up to its NUL
        }
        in.skip(8 + 1); // count, type
      }
      if (pruneSize > 0) in.skip(pruneSize * 8);
      boolean quantInput = in.int8() != 0;
      String p = matrix(in, quantInput, size);
      if (p != null) return p;
      boolean quantOutput = in.int8() != 0;
      p = matrix(in, quantOutput, size);
      if (p != null) return p;
      long end = in.position();
      if (end != size) {
        return "has " + size + " bytes but its headers describe " + end + " (damaged or not a"
            + " fastText model)";
      }
      return null;
    } catch (EOFException e) {
      return "is truncated (" + size + " bytes; its headers describe more)";
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
  }

  private static String matrix(CountingInput in, boolean quant, long fileSize) throws IOException {
    if (!quant) {
      long m = in.int64();
      long n = in.int64();
      if (m < 0 || n < 0 || (n > 0 && m > fileSize / 4 / n)) return "has a damaged matrix header";
      in.skip(m * n * 4);
      return null;
    }
    boolean qnorm = in.int8() != 0;
    long m = in.int64();
    long n = in.int64();
    int codesize = in.int32();
    if (m < 0 || n < 0 || codesize < 0 || codesize > fileSize) {
      return "has a damaged quantized matrix header";
    }
    in.skip(codesize);
    String p = quantizer(in, fileSize);
    if (p != null) return p;
    if (qnorm) {
      if (m > fileSize) return "has a damaged quantized matrix header";
      in.skip(m);
      return quantizer(in, fileSize);
    }
    return null;
  }

  private static String quantizer(CountingInput in, long fileSize) throws IOException {
    int dim = in.int32();
    in.skip(3 * 4); // nsubq, dsub, lastdsub
    if (dim < 0 || (long) dim * KSUB * 4 > fileSize) return "has a damaged quantizer header";
    in.skip((long) dim * KSUB * 4);
    return null;
  }

  /** Little-endian reads with a byte position; EOF past the end. */
  private static final class CountingInput implements AutoCloseable {
    private final DataInputStream in;
    private long pos;

    CountingInput(InputStream in) {
      this.in = new DataInputStream(in);
    }

    long position() {
      return pos;
    }

    int int8() throws IOException {
      int b = in.read();
      if (b < 0) throw new EOFException();
      pos++;
      return b;
    }

    int int32() throws IOException {
      int v = Integer.reverseBytes(in.readInt());
      pos += 4;
      return v;
    }

    long int64() throws IOException {
      long v = Long.reverseBytes(in.readLong());
      pos += 8;
      return v;
    }

    void skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        long s = in.skip(left);
        if (s <= 0) {
          if (in.read() < 0) throw new EOFException();
          s = 1;
        }
        left -= s;
      }
      pos += n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
