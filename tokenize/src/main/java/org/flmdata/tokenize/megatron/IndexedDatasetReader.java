package org.flmdata.tokenize.megatron;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a Megatron-LM indexed dataset the way {@code megatron/core/datasets/indexed_dataset.py}
 * does ({@code _IndexReader}, then {@code IndexedDataset.__getitem__}): check the header and
 * version, take the dtype from its code, read sequence and document counts, then the int32
 * lengths, int64 pointers and int64 document indices; a sequence is {@code length} items of the
 * dtype at byte {@code pointer} of the {@code .bin}. Used to verify what we write and to debug
 * shards; not a training data loader.
 */
public final class IndexedDatasetReader implements Closeable {

  private final TokenDType dtype;
  private final int[] sequenceLengths;
  private final long[] sequencePointers;
  private final long[] documentIndices;
  private final FSDataInputStream bin;
  private final Path binPath;

  private IndexedDatasetReader(FileSystem fs, Path prefix) throws IOException {
    Path idxPath = new Path(prefix.toString() + ".idx");
    this.binPath = new Path(prefix.toString() + ".bin");
    try (DataInputStream in = new DataInputStream(fs.open(idxPath))) {
      byte[] header = new byte[IndexedDatasetWriter.INDEX_HEADER.length];
      in.readFully(header);
      if (!Arrays.equals(header, IndexedDatasetWriter.INDEX_HEADER)) {
        throw new IOException("bad header, cannot read: " + idxPath);
      }
      long version = Long.reverseBytes(in.readLong());
      if (version != IndexedDatasetWriter.VERSION) {
        throw new IOException("bad version " + version + ", cannot read: " + idxPath);
      }
      dtype = TokenDType.fromCode(in.readUnsignedByte());
      int sequenceCount = toIntCount(Long.reverseBytes(in.readLong()), idxPath);
      int documentCount = toIntCount(Long.reverseBytes(in.readLong()), idxPath);
      sequenceLengths = new int[sequenceCount];
      for (int i = 0; i < sequenceCount; i++) sequenceLengths[i] = Integer.reverseBytes(in.readInt());
      sequencePointers = new long[sequenceCount];
      for (int i = 0; i < sequenceCount; i++) sequencePointers[i] = Long.reverseBytes(in.readLong());
      documentIndices = new long[documentCount];
      for (int i = 0; i < documentCount; i++) documentIndices[i] = Long.reverseBytes(in.readLong());
      if (in.read() != -1) throw new IOException("trailing bytes after the document indices: " + idxPath);
    }
    bin = fs.open(binPath);
  }

  public static IndexedDatasetReader open(FileSystem fs, Path prefix) throws IOException {
    return new IndexedDatasetReader(fs, prefix);
  }

  public TokenDType dtype() {
    return dtype;
  }

  /** Number of sequences ({@code len(IndexedDataset)}). */
  public int sequenceCount() {
    return sequenceLengths.length;
  }

  public int[] sequenceLengths() {
    return sequenceLengths.clone();
  }

  public long[] sequencePointers() {
    return sequencePointers.clone();
  }

  public long[] documentIndices() {
    return documentIndices.clone();
  }

  /** Sequence {@code i}: {@code length} tokens of the dtype at its pointer in the {@code .bin}. */
  public int[] sequence(int i) throws IOException {
    int length = sequenceLengths[i];
    byte[] raw = new byte[Math.multiplyExact(length, dtype.size())];
    bin.readFully(sequencePointers[i], raw);
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int[] ids = new int[length];
    for (int k = 0; k < length; k++) {
      ids[k] = switch (dtype) {
        case UINT16 -> Short.toUnsignedInt(b.getShort());
        case INT32 -> b.getInt();
        case UINT8 -> Byte.toUnsignedInt(b.get());
        case INT8 -> b.get();
        case INT16 -> b.getShort();
        default -> throw new IOException("dtype " + dtype + " holds no int token ids: " + binPath);
      };
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    bin.close();
  }

  private static int toIntCount(long n, Path p) throws IOException {
    if (n < 0 || n > Integer.MAX_VALUE - 8) throw new IOException("count " + n + " out of range: " + p);
    return (int) n;
  }
}
