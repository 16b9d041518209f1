package org.flmdata.pipeline.fasttext;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;

/**
 * One thread's buffers for {@link FastTextModel#predict}: a text becomes one CLI input line (line
 * breaks and NULs as spaces, a trailing newline, then a NUL for C) encoded as UTF-8 straight into a
 * reused native buffer, with the bytes {@code String.getBytes(UTF_8)} gives (an unpaired surrogate
 * is {@code ?}), so nothing is copied twice and no native memory is allocated per prediction. Label
 * names read back from fastText are interned per thread, since a model has few of them.
 *
 * <p>Buffers grow to the longest line seen, up to {@link #KEEP_BYTES}; a longer line gets a native
 * buffer of its own, freed after its prediction.
 */
final class LineBuffer {
  /** Largest native buffer a thread keeps between predictions. */
  static final int KEEP_BYTES = 1 << 20;

  private static final ThreadLocal<LineBuffer> OF_THREAD = ThreadLocal.withInitial(LineBuffer::new);

  private byte[] bytes = new byte[4096];
  private BytePointer pointer;
  private byte[] labelBytes = new byte[64];
  private final Map<String, String> labels = new HashMap<>();

  private LineBuffer() {}

  static LineBuffer get() {
    return OF_THREAD.get();
  }

  /**
   * {@code text} as one input line in native memory, its limit at the end of the line (the NUL
   * after it is for readers that take the length from it); give it back with {@link #release}.
   */
  BytePointer line(String text) {
    int n = encode(text);
    BytePointer p;
    if (n + 1 > KEEP_BYTES) {
      p = new BytePointer(n + 1);
    } else {
      if (pointer == null || pointer.capacity() < n + 1) {
        if (pointer != null) pointer.close();
        pointer = new BytePointer(Math.min(KEEP_BYTES, Math.max(n + 1, 2L * bytes.length)));
      }
      p = pointer;
    }
    p.position(0).limit(p.capacity());
    p.put(bytes, 0, n + 1);
    return p.limit(n);
  }

  /** Frees {@code p} if it is a one-off buffer of a long line. */
  void release(BytePointer p) {
    if (p != pointer) p.close();
  }

  /** The UTF-8 text of a native string returned by fastText, one String per distinct label. */
  String string(BytePointer p) {
    long len = p.limit() - p.position();
    if (len <= 0) return p.getString(StandardCharsets.UTF_8);
    if (len > labelBytes.length) labelBytes = new byte[(int) Math.max(len, 2L * labelBytes.length)];
    p.get(labelBytes, 0, (int) len);
    String s = new String(labelBytes, 0, (int) len, StandardCharsets.UTF_8);
    String known = labels.putIfAbsent(s, s);
    if (labels.size() > 100_000) labels.clear();
    return known != null ? known : s;
  }

  /**
   * Writes {@code text} as a CLI line into {@link #bytes}: UTF-8, {@code \n}, {@code \r} and NUL
   * as spaces, then {@code \n} and a NUL; returns the length without the NUL.
   */
  int encode(String text) {
    int len = text == null ? 0 : text.length();
    // at most 3 bytes per UTF-16 unit, plus newline and NUL
    if (bytes.length < 3L * len + 2) bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, 3L * len + 2)];
    byte[] b = bytes;
    int n = 0;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        b[n++] = c == '\n' || c == '\r' || c == 0 ? (byte) ' ' : (byte) c;
      } else if (c < 0x800) {
        b[n++] = (byte) (0xC0 | (c >> 6));
        b[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          b[n++] = (byte) (0xF0 | (cp >> 18));
          b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[n++] = '?';
        }
      } else {
        b[n++] = (byte) (0xE0 | (c >> 12));
        b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[n] = '\n';
    b[n + 1] = 0;
    return n + 1;
  }
}
