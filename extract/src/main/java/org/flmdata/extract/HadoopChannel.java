package org.flmdata.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * A read-only seekable channel over a Hadoop file (local, hdfs://, s3a://), so jwarc can skip
 * unread record bodies by seeking and the WARC reader can jump to the next record after damage.
 */
final class HadoopChannel implements SeekableByteChannel {
  private final FSDataInputStream in;
  private final long size;
  private final byte[] chunk = new byte[64 * 1024];
  private boolean open = true;

  private HadoopChannel(FSDataInputStream in, long size) {
    this.in = in;
    this.size = size;
  }

  /** Opens {@code path}, whose length was found when listing. */
  static HadoopChannel open(String path, long length, Configuration conf) throws IOException {
    Path p = new Path(path);
    return new HadoopChannel(p.getFileSystem(conf).open(p), length);
  }

  /** Opens {@code path} as a plain stream. */
  static InputStream openStream(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf).open(p);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) throw new ClosedChannelException();
    if (!dst.hasRemaining()) return 0;
    if (dst.hasArray()) {
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) dst.position(dst.position() + n);
      return n;
    }
    int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
    if (n > 0) dst.put(chunk, 0, n);
    return n;
  }

  @Override
  public long position() throws IOException {
    return in.getPos();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    // Seeking past the end is legal for a SeekableByteChannel: reads then return -1.
    in.seek(Math.min(newPosition, size));
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long s) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }
}
