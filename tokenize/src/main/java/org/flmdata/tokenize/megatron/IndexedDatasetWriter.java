package org.flmdata.tokenize.megatron;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one Megatron-LM indexed dataset, {@code <prefix>.bin} + {@code <prefix>.idx}, byte for
 * byte as {@code megatron/core/datasets/indexed_dataset.py}'s {@code IndexedDatasetBuilder} does
 * when every document is added as one sequence ({@code add_item} then {@code end_document}, as
 * {@code tools/preprocess_data.py} does without sentence splitting).
 *
 * <p>Layout of the {@code .idx}: {@code MMIDIDX\0\0}, {@code <Q} version 1, {@code <B} dtype
 * code, {@code <Q} sequence count, {@code <Q} document count (documents + 1), int32 sequence
 * lengths, int64 byte pointers into the {@code .bin}, int64 document indices {@code 0..n}.
 *
 * <p>Streaming: tokens go straight to the {@code .bin} on the target file system (any Hadoop
 * path, s3a included); the only per-document state, the int32 lengths, is spilled to a local
 * temporary file, so memory does not depend on shard size. {@link #close()} finishes the
 * {@code .bin} first and writes the {@code .idx} last, so an {@code .idx} is only ever next to a
 * complete {@code .bin}. Not thread-safe: one writer per task.
 *
 * <p>No partial file is ever visible under a shard's name ({@link ShardFile}): on an object store
 * an object appears only when its upload completes, and {@link #abort()} cancels the upload; on a
 * file system with atomic rename each file is written under a hidden temporary name and renamed
 * into place once complete, and {@link #abort()} deletes it.
 */
public final class IndexedDatasetWriter implements Closeable {

  /** {@code _INDEX_HEADER} of Megatron's indexed_dataset.py. */
  static final byte[] INDEX_HEADER = {'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0};
  static final long VERSION = 1;
  /** Header bytes before the lengths: 9 + 8 + 1 + 8 + 8. */
  static final int HEADER_SIZE = 34;

  private final FileSystem fs;
  private final Path binPath;
  private final Path idxPath;
  private final TokenDType dtype;
  private final ShardFile binFile;
  private final DigestOutputStream bin;
  private final File lengthsFile;
  private final OutputStream lengths;
  private final byte[] buf = new byte[64 * 1024];
  private final byte[] four = new byte[4];
  private long documents;
  private long tokens;
  private boolean closed;
  private String binSha256 = "";

  private IndexedDatasetWriter(FileSystem fs, Path prefix, TokenDType dtype, File tmpDir)
      throws IOException {
    if (dtype != TokenDType.UINT16 && dtype != TokenDType.INT32) {
      throw new IllegalArgumentException("token dtype must be UINT16 or INT32, got " + dtype);
    }
    this.fs = fs;
    this.binPath = new Path(prefix.toString() + ".bin");
    this.idxPath = new Path(prefix.toString() + ".idx");
    this.dtype = dtype;
    this.lengthsFile = File.createTempFile("megatron-lengths-", ".i32", tmpDir);
    this.lengthsFile.deleteOnExit();
    this.lengths = new BufferedOutputStream(Files.newOutputStream(lengthsFile.toPath()), 1 << 16);
    this.binFile = ShardFile.create(fs, binPath);
    this.bin = new DigestOutputStream(
        new BufferedOutputStream(binFile.stream(), 1 << 20), sha256());
  }

  /**
   * Opens a writer for {@code prefix.bin}/{@code prefix.idx} (overwriting them); lengths spill
   * to {@code tmpDir} (null: the JVM's temporary folder).
   */
  public static IndexedDatasetWriter open(FileSystem fs, Path prefix, TokenDType dtype, File tmpDir)
      throws IOException {
    return new IndexedDatasetWriter(fs, prefix, dtype, tmpDir);
  }

  /**
   * Appends one document as one sequence: {@code ids[0..length)} (the caller appends the EOD
   * id). An empty document is a sequence of length 0, as Megatron writes it.
   *
   * @throws IllegalArgumentException when an id does not fit the dtype (a bug upstream)
   */
  public void addDocument(int[] ids, int length) throws IOException {
    if (closed) throw new IllegalStateException("writer closed: " + binPath);
    int size = dtype.size();
    int p = 0;
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      if (id < 0 || (size == 2 && id > 0xFFFF)) {
        throw new IllegalArgumentException(
            "token id " + id + " does not fit " + dtype + " in " + binPath);
      }
      if (p + size > buf.length) {
        bin.write(buf, 0, p);
        p = 0;
      }
      buf[p++] = (byte) id;
      buf[p++] = (byte) (id >>> 8);
      if (size == 4) {
        buf[p++] = (byte) (id >>> 16);
        buf[p++] = (byte) (id >>> 24);
      }
    }
    bin.write(buf, 0, p);
    four[0] = (byte) length;
    four[1] = (byte) (length >>> 8);
    four[2] = (byte) (length >>> 16);
    four[3] = (byte) (length >>> 24);
    lengths.write(four);
    documents++;
    tokens += length;
  }

  public long documents() {
    return documents;
  }

  public long tokens() {
    return tokens;
  }

  /** Bytes written to the {@code .bin} so far. */
  public long binBytes() {
    return tokens * dtype.size();
  }

  /** SHA-256 (hex) of the {@code .bin}; available after {@link #close()}. */
  public String binSha256() {
    return binSha256;
  }

  public Path binPath() {
    return binPath;
  }

  public Path idxPath() {
    return idxPath;
  }

  /**
   * Finishes the {@code .bin}, then writes the {@code .idx}; removes the spilled lengths. When
   * this fails, the file that failed is discarded, so a shard is complete or absent (or, failing
   * between the two, a complete {@code .bin} without its {@code .idx}).
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      try {
        lengths.close();
        bin.flush();
        binFile.commit();
      } catch (IOException | RuntimeException e) {
        binFile.abort();
        throw e;
      }
      binSha256 = HexFormat.of().formatHex(bin.getMessageDigest().digest());
      writeIndex();
    } finally {
      Files.deleteIfExists(lengthsFile.toPath());
    }
  }

  /**
   * Gives up a shard that cannot be finished (its task failed): the {@code .bin} written so far is
   * discarded and no {@code .idx} is written, so nothing of it becomes visible under its name.
   * Never throws; a no-op after {@link #close()}.
   */
  public void abort() {
    if (closed) return;
    closed = true;
    binFile.abort();
    try {
      lengths.close();
    } catch (IOException ignored) {
      // the spill is deleted next either way
    }
    try {
      Files.deleteIfExists(lengthsFile.toPath());
    } catch (IOException ignored) {
      // deleteOnExit is registered too
    }
  }

  private void writeIndex() throws IOException {
    ShardFile idxFile = ShardFile.create(fs, idxPath);
    try {
      OutputStream idx = new BufferedOutputStream(idxFile.stream(), 1 << 20);
      idx.write(INDEX_HEADER);
      writeLong(idx, VERSION);
      idx.write(dtype.code());
      writeLong(idx, documents); // sequence count: one sequence per document
      writeLong(idx, documents + 1); // document_indices has a leading 0
      try (InputStream in = Files.newInputStream(lengthsFile.toPath())) {
        in.transferTo(idx); // already little-endian int32
      }
      long pointer = 0;
      try (DataInputStream in = new DataInputStream(
          new BufferedInputStream(Files.newInputStream(lengthsFile.toPath()), 1 << 16))) {
        for (long i = 0; i < documents; i++) {
          writeLong(idx, pointer);
          pointer += (long) Integer.reverseBytes(in.readInt()) * dtype.size();
        }
      }
      for (long i = 0; i <= documents; i++) {
        writeLong(idx, i);
      }
      idx.flush();
      idxFile.commit();
    } catch (IOException | RuntimeException e) {
      idxFile.abort();
      throw e;
    }
  }

  private static void writeLong(OutputStream out, long v) throws IOException {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
