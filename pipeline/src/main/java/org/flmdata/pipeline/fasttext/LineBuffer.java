package org.flmdata.pipeline.fasttext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;

/**
 * One thread's buffers for {@link FastTextModel#predict}: a text becomes one CLI input line (line
 * breaks and NULs as spaces, a trailing newline, then a NUL for C) encoded as UTF-8 straight into a
 * reused native buffer, with the bytes {@code String.getBytes(UTF_8)} gives (an unpaired surrogate
 * is {@code ?}), so nothing is copied twice and no native memory is allocated per prediction. Label
 * names read back from fastText are interned per thread, since a model has few of them, and found
 * again by their bytes without allocating.
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
  /** Most label slots a thread keeps (a model has few labels; the table is cleared past this). */
  private static final int MAX_LABEL_SLOTS = 1 << 18;

  private byte[] labelBytes = new byte[64];
  /** Open addressing, by the hash of a label's bytes: its bytes and its String. */
  private byte[][] labelKeys = new byte[512][];
  private String[] labelNames = new String[512];
  private int labelCount;

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

  /**
   * The UTF-8 text of a native string returned by fastText, one String per distinct label: the
   * bytes are copied into a reused array and looked up by their hash, so a label seen before costs
   * no allocation.
   */
  String string(BytePointer p) {
    long len = p.limit() - p.position();
    if (len <= 0 || len > KEEP_BYTES) return p.getString(StandardCharsets.UTF_8);
    int n = (int) len;
    if (n > labelBytes.length) labelBytes = new byte[Math.max(n, 2 * labelBytes.length)];
    p.get(labelBytes, 0, n);
    int h = 1;
    for (int i = 0; i < n; i++) h = 31 * h + labelBytes[i];
    h ^= h >>> 16;
    int mask = labelKeys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = labelKeys[i];
      if (k == null) break;
      if (Arrays.equals(k, 0, k.length, labelBytes, 0, n)) return labelNames[i];
    }
    String s = new String(labelBytes, 0, n, StandardCharsets.UTF_8);
    if (2 * (labelCount + 1) > labelKeys.length) {
      if (labelKeys.length >= MAX_LABEL_SLOTS) {
        Arrays.fill(labelKeys, null);
        Arrays.fill(labelNames, null);
        labelCount = 0;
      } else {
        growLabels();
      }
      mask = labelKeys.length - 1;
    }
    int i = h & mask;
    while (labelKeys[i] != null) i = (i + 1) & mask;
    labelKeys[i] = Arrays.copyOf(labelBytes, n);
    labelNames[i] = s;
    labelCount++;
    return s;
  }

  private void growLabels() {
    byte[][] keys = labelKeys;
    String[] names = labelNames;
    labelKeys = new byte[2 * keys.length][];
    labelNames = new String[2 * keys.length];
    int mask = labelKeys.length - 1;
    for (int j = 0; j < keys.length; j++) {
      byte[] k = keys[j];
      if (k == null) continue;
      int h = 1;
      for (byte x : k) h = 31 * h + x;
      h ^= h >>> 16;
      int i = h & mask;
      while (labelKeys[i] != null) i = (i + 1) & mask;
      labelKeys[i] = k;
      labelNames[i] = names[j];
    }
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
