package org.flmdata.tokenize.bpe;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranked-merge BPE over the characters of one pre-token, as the Hugging Face {@code tokenizers}
 * BPE model does it ({@code Word::merge_all}): start from one symbol per character (unknown
 * characters become byte-fallback tokens {@code <0xXX>}, else the unknown token, fused when
 * {@code fuse_unk}, else are dropped), then repeatedly apply the lowest-ranked merge, leftmost
 * first. With {@code ignore_merges} a pre-token that is itself in the vocabulary is one token.
 * Immutable apart from a bounded concurrent cache of short pre-tokens: share one instance.
 */
final class BpeModel {
  /** Pre-tokens up to this many chars are cached (the Hugging Face library's MAX_LENGTH). */
  static final int CACHE_MAX_WORD = 256;
  static final int CACHE_CAPACITY = 200_000;
  private static final int[] EMPTY = new int[0];

  private final Map<String, Integer> vocab;
  private final int[] charIds = new int[65536];
  private final MergeTable merges;
  private final int unkId;
  private final boolean fuseUnk;
  private final boolean byteFallback;
  private final boolean ignoreMerges;
  private final int[] fallbackIds = new int[256];
  private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, int[]> byteLevelCache = new ConcurrentHashMap<>();

  BpeModel(Map<String, Integer> vocab, MergeTable merges, int unkId, boolean fuseUnk,
      boolean byteFallback, boolean ignoreMerges) {
    this.vocab = vocab;
    this.merges = merges;
    this.unkId = unkId;
    this.fuseUnk = fuseUnk;
    this.byteFallback = byteFallback;
    this.ignoreMerges = ignoreMerges;
    Arrays.fill(charIds, -1);
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      String k = e.getKey();
      if (k.length() == 1) charIds[k.charAt(0)] = e.getValue();
    }
    for (int b = 0; b < 256; b++) {
      Integer id = vocab.get(String.format("<0x%02X>", b));
      fallbackIds[b] = id == null ? -1 : id;
    }
  }

  int vocabSize() {
    return vocab.size();
  }

  Integer id(String token) {
    return vocab.get(token);
  }

  /**
   * Appends the ids of one byte-level pre-token given as its text: cached by the text itself, so
   * a frequent pre-token costs one lookup; its byte-level spelling is built only on a miss.
   */
  void encodeByteLevel(String piece, IntBuffer out) {
    if (piece.isEmpty()) return;
    boolean cacheable = piece.length() <= CACHE_MAX_WORD;
    if (cacheable) {
      int[] hit = byteLevelCache.get(piece);
      if (hit != null) {
        out.addAll(hit);
        return;
      }
    }
    byte[] utf8 = piece.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String word = ByteLevelAlphabet.map(utf8, 0, utf8.length);
    int[] ids = null;
    if (ignoreMerges) {
      Integer whole = vocab.get(word);
      if (whole != null) ids = new int[] {whole};
    }
    if (ids == null) ids = mergeWord(word);
    if (cacheable && byteLevelCache.size() < CACHE_CAPACITY) byteLevelCache.put(piece, ids);
    out.addAll(ids);
  }

  /** Appends the ids of one pre-token {@code word} (already in the vocabulary's alphabet). */
  void encode(String word, IntBuffer out) {
    if (word.isEmpty()) return;
    if (ignoreMerges) {
      Integer whole = vocab.get(word);
      if (whole != null) {
        out.add(whole);
        return;
      }
    }
    boolean cacheable = word.length() <= CACHE_MAX_WORD;
    if (cacheable) {
      int[] hit = cache.get(word);
      if (hit != null) {
        out.addAll(hit);
        return;
      }
    }
    int[] ids = mergeWord(word);
    if (cacheable && cache.size() < CACHE_CAPACITY) cache.put(word, ids);
    out.addAll(ids);
  }

  private int[] mergeWord(String word) {
    int n = word.length();
    int[] sym = new int[n + 4];
    int count = 0;
    boolean lastUnk = false;
    for (int i = 0; i < n; ) {
      char ch = word.charAt(i);
      int id;
      int width = 1;
      if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(word.charAt(i + 1))) {
        width = 2;
        Integer v = vocab.get(word.substring(i, i + 2));
        id = v == null ? -1 : v;
      } else {
        id = charIds[ch];
      }
      if (id < 0 && byteFallback) {
        byte[] utf8 = word.substring(i, i + width).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean all = true;
        for (byte b : utf8) all &= fallbackIds[b & 0xFF] >= 0;
        if (all) {
          if (count + utf8.length > sym.length) sym = Arrays.copyOf(sym, (count + utf8.length) * 2);
          for (byte b : utf8) sym[count++] = fallbackIds[b & 0xFF];
          lastUnk = false;
          i += width;
          continue;
        }
      }
      if (id < 0) {
        if (unkId >= 0) {
          if (!(fuseUnk && lastUnk)) {
            if (count == sym.length) sym = Arrays.copyOf(sym, count * 2);
            sym[count++] = unkId;
          }
          lastUnk = true;
        }
        i += width;
        continue;
      }
      if (count == sym.length) sym = Arrays.copyOf(sym, count * 2);
      sym[count++] = id;
      lastUnk = false;
      i += width;
    }
    if (count <= 1) return count == 0 ? EMPTY : new int[] {sym[0]};
    return mergeAll(sym, count);
  }

  /** The lowest-ranked merge first, then the leftmost; stale queue entries are skipped. */
  private int[] mergeAll(int[] c, int n) {
    int[] prev = new int[n];
    int[] next = new int[n];
    boolean[] removed = new boolean[n];
    for (int i = 0; i < n; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < n ? i + 1 : -1;
    }
    MergeQueue queue = new MergeQueue(n);
    for (int i = 0; i + 1 < n; i++) {
      long m = merges.get(c[i], c[i + 1]);
      if (m != MergeTable.ABSENT) queue.push((int) (m >>> 32), i, (int) m);
    }
    while (!queue.isEmpty()) {
      int pos = queue.topPos();
      int newId = queue.topNewId();
      queue.pop();
      if (removed[pos]) continue;
      int right = next[pos];
      if (right < 0) continue;
      long current = merges.get(c[pos], c[right]);
      if (current == MergeTable.ABSENT || (int) current != newId) continue;
      c[pos] = newId;
      removed[right] = true;
      int after = next[right];
      next[pos] = after;
      if (after >= 0) prev[after] = pos;
      int before = prev[pos];
      if (before >= 0) {
        long m = merges.get(c[before], c[pos]);
        if (m != MergeTable.ABSENT) queue.push((int) (m >>> 32), before, (int) m);
      }
      if (after >= 0) {
        long m = merges.get(c[pos], c[after]);
        if (m != MergeTable.ABSENT) queue.push((int) (m >>> 32), pos, (int) m);
      }
    }
    int k = 0;
    for (int i = 0; i >= 0; i = next[i]) k++;
    int[] out = new int[k];
    k = 0;
    for (int i = 0; i >= 0; i = next[i]) out[k++] = c[i];
    return out;
  }
}
