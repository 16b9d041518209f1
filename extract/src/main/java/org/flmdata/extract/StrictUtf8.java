package org.flmdata.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for inputs that must be UTF-8 (JSONL, text, WET). Invalid input is reported
 * with the byte offset of the first bad sequence, never replaced: the stage counts it as {@code
 * read/invalid-utf8} instead of passing U+FFFD into the corpus. One instance per reader (decoders
 * are not thread-safe), reused for every record.
 */
final class StrictUtf8 {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long errorOffset = -1;

  /** The text of {@code bytes[off, off+len)} (a leading BOM dropped), or null when invalid. */
  String decode(byte[] bytes, int off, int len) {
    errorOffset = -1;
    if (len >= 3
        && bytes[off] == (byte) 0xEF
        && bytes[off + 1] == (byte) 0xBB
        && bytes[off + 2] == (byte) 0xBF) {
      off += 3;
      len -= 3;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(len);
    decoder.reset();
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      errorOffset = in.position() - off;
      return null;
    }
    r = decoder.flush(out);
    if (r.isError()) {
      errorOffset = in.position() - off;
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** Offset of the first invalid byte in the last failed {@link #decode}, from its start. */
  long errorOffset() {
    return errorOffset;
  }
}
