package org.flmdata.tokenize.sentencepiece;

import java.nio.charset.StandardCharsets;
import org.flmdata.tokenize.bpe.TokenizerFormatException;

/**
 * Reads protobuf wire format (varint, 64-bit, length-delimited, 32-bit fields) from a byte range:
 * just enough to read SentencePiece's {@code ModelProto}. Unknown fields are skipped; a truncated
 * or malformed message is a {@link TokenizerFormatException} naming the file and offset.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private final int end;
  private final String source;
  private int pos;

  ProtoReader(byte[] buf, int from, int to, String source) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
    this.source = source;
  }

  boolean hasMore() {
    return pos < end;
  }

  /** The next field's tag: {@code field << 3 | wireType}. */
  int tag() {
    long t = varint();
    if (t <= 0 || t > Integer.MAX_VALUE) throw error("invalid field tag " + t);
    return (int) t;
  }

  long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) throw error("truncated varint");
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) return v;
    }
    throw error("varint longer than 10 bytes");
  }

  int fixed32() {
    if (end - pos < 4) throw error("truncated 32-bit field");
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** A length-delimited field's payload as a reader over it; this reader moves past it. */
  ProtoReader message() {
    int len = length();
    ProtoReader r = new ProtoReader(buf, pos, pos + len, source);
    pos += len;
    return r;
  }

  byte[] bytes() {
    int len = length();
    byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + len);
    pos += len;
    return b;
  }

  String string() {
    int len = length();
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  private int length() {
    long len = varint();
    if (len < 0 || len > end - pos) throw error("length " + len + " runs past the end of its message");
    return (int) len;
  }

  /** Skips a field of the given wire type. */
  void skip(int wireType) {
    switch (wireType) {
      case VARINT -> varint();
      case FIXED64 -> {
        if (end - pos < 8) throw error("truncated 64-bit field");
        pos += 8;
      }
      case LEN -> {
        int len = length(); // before reading pos: `pos += length()` would add to the old pos
        pos += len;
      }
      case FIXED32 -> fixed32();
      default -> throw error("unsupported wire type " + wireType);
    }
  }

  /** Checks the wire type of a known field. */
  void expect(int tag, int wireType, String field) {
    if ((tag & 7) != wireType) {
      throw error(field + " has wire type " + (tag & 7) + ", expected " + wireType);
    }
  }

  TokenizerFormatException error(String what) {
    return new TokenizerFormatException(source + ": not a valid SentencePiece model (protobuf " + what
        + " at byte " + pos + ")");
  }
}
