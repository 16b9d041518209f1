package org.flmdata.tokenize.bpe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The byte-level vocabulary's tokens as the text they stand for, for {@code ignore_merges}' rule
 * (a pre-token that is itself a token is that one token): looked up by the pre-token's chars and
 * the hash the word cache already computed, so a miss of the cache builds no String to ask the
 * vocabulary (Llama-3's path built one per miss). Tokens whose bytes are not whole UTF-8
 * characters can never be a whole pre-token and are left out.
 *
 * <p>Open addressing; a slot holds the key's hash beside its entry number, so a probe that is not
 * the word reads nothing else (most pre-tokens of a corpus read once are looked up here first, and
 * most are tokens); an entry's start, length and id sit side by side, and the keys' chars end to
 * end in one array. Immutable after construction: safe to share between threads.
 */
final class WholeWords {
  /** {@code hash << 32 | (entry + 1)}, 0 = empty. */
  private final long[] table;
  /** {@code [start, length, id]} per entry: the key of entry e is chars[start, start + length). */
  private final int[] entries;
  private final char[] chars;
  private final int mask;

  /** From a byte-level vocabulary (token in GPT-2's byte alphabet -> id). */
  WholeWords(Map<String, Integer> vocab) {
    int[] byteOf = new int[65536];
    Arrays.fill(byteOf, -1);
    for (int b = 0; b < 256; b++) byteOf[ByteLevelAlphabet.charOf(b)] = b;
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int n = vocab.size();
    int[] h = new int[n];
    int[] st = new int[n + 1];
    int[] id = new int[n];
    StringBuilder all = new StringBuilder();
    int e = 0;
    for (Map.Entry<String, Integer> en : vocab.entrySet()) {
      String k = en.getKey();
      byte[] bytes = new byte[k.length()];
      boolean ok = !k.isEmpty();
      for (int i = 0; i < k.length() && ok; i++) {
        int b = byteOf[k.charAt(i)];
        ok = b >= 0;
        bytes[i] = (byte) b;
      }
      if (!ok) continue;
      String text;
      try {
        text = strict.decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException x) {
        continue;
      }
      char[] c = text.toCharArray();
      st[e] = all.length();
      all.append(c);
      h[e] = WordHash.of(c, 0, c.length);
      id[e] = en.getValue();
      e++;
      st[e] = all.length();
    }
    chars = all.toString().toCharArray();
    entries = new int[3 * e];
    for (int j = 0; j < e; j++) {
      entries[3 * j] = st[j];
      entries[3 * j + 1] = st[j + 1] - st[j];
      entries[3 * j + 2] = id[j];
    }
    int size = Integer.highestOneBit(Math.max(4, e * 2)) << 1;
    table = new long[size];
    mask = size - 1;
    for (int j = 0; j < e; j++) {
      int i = h[j] & mask;
      while (table[i] != 0) i = (i + 1) & mask;
      table[i] = (long) h[j] << 32 | (j + 1);
    }
  }

  /** The id of the token that is exactly the text {@code s[from, to)} ({@code h}: its {@link WordHash#of}), or -1. */
  int get(char[] s, int from, int to, int h) {
    int len = to - from;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == 0) return -1;
      if ((int) (slot >>> 32) == h) {
        int e = 3 * ((int) slot - 1);
        int a = entries[e];
        if (entries[e + 1] == len && Arrays.equals(chars, a, a + len, s, from, to)) return entries[e + 2];
      }
    }
  }
}
