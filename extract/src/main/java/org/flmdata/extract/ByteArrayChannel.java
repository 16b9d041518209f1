package org.flmdata.extract;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A WARC record block held in memory, as a seekable channel: jwarc then bounds an HTTP body by the
 * bytes actually present rather than by a Content-Length header that may be stale.
 */
final class ByteArrayChannel implements SeekableByteChannel {
  private final byte[] bytes;
  private final int offset;
  private final int length;
  private int pos;
  private boolean open = true;

  ByteArrayChannel(byte[] bytes, int length) {
    this(bytes, 0, length);
  }

  /** The bytes {@code bytes[from, to)}; positions count from {@code from}. */
  ByteArrayChannel(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.offset = from;
    this.length = to - from;
  }

  @Override
  public int read(ByteBuffer dst) {
    if (pos >= length) return -1;
    int n = Math.min(dst.remaining(), length - pos);
    dst.put(bytes, offset + pos, n);
    pos += n;
    return n;
  }

  @Override
  public long position() {
    return pos;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    pos = (int) Math.min(Math.max(0, newPosition), length);
    return this;
  }

  @Override
  public long size() {
    return length;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
