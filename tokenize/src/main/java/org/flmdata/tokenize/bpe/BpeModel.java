package org.flmdata.tokenize.bpe;

import java.util.Arrays;
import java.util.Map;

/**
 * Ranked-merge BPE over the characters of one pre-token, as the Hugging Face {@code tokenizers}
 * BPE model does it ({@code Word::merge_all}): start from one symbol per character (unknown
 * characters become byte-fallback tokens {@code <0xXX>}, else the unknown token, fused when
 * {@code fuse_unk}, else are dropped), then repeatedly apply the lowest-ranked merge, leftmost
 * first. With {@code ignore_merges} a pre-token that is itself in the vocabulary is one token.
 *
 * <p>Speed: pre-tokens are looked up in a small {@link WordCache} first; on a miss, a short word is
 * merged by scanning its pairs (no heap, a few primitive arrays), a long one through a
 * {@link MergeQueue}. A merge makes a token of the vocabulary, so no merge ever joins two
 * neighbouring characters that no token holds side by side (for byte-level models: the last UTF-8
 * byte of one character and the first of the next). A word longer than a few characters is cut at
 * such points and its pieces merged (and cached) one by one: the same merges happen, as they never
 * cross a cut, and the lowest-rank-leftmost order within each piece is unchanged. That is what
 * keeps a SentencePiece-converted file with no pre-tokenizer (the whole text is one "word", cut at
 * every {@code ▁} that follows another character) and long runs of CJK letters from being merged
 * as one long word each time. The bigrams are kept in a 128 KB bit set of their hashes: a
 * collision only forgoes a cut. With {@code ignore_merges} the whole word is looked up first
 * (byte-level: by its chars in {@link WholeWords}, no String built); words that are no token are
 * cut into pieces that have their own cache (they are merged without the whole-word rule).
 * Immutable apart from the cache: share one instance.
 */
final class BpeModel {
  /** Slots of the word cache: 4 MB, allocated once. */
  static final int CACHE_SLOTS = 1 << 16;
  /** Words up to this many symbols are merged by scanning, longer ones through a heap. */
  private static final int SCAN_MAX = 48;
  private static final int BIGRAM_BITS = 1 << 20;
  /** Pre-tokens of more chars than this are cut where no token can span (see the class comment). */
  private static final int CUT_MIN = 4;
  private static final int[] EMPTY = new int[0];

  private final Map<String, Integer> vocab;
  private final int[] charIds = new int[65536];
  private final int[] byteIds = new int[256];
  private final MergeTable merges;
  private final int unkId;
  private final boolean fuseUnk;
  private final boolean byteFallback;
  private final boolean ignoreMerges;
  /** Bits over hashed char bigrams found inside some token: a clear bit means no token spans it. */
  private final long[] bigrams = new long[BIGRAM_BITS >>> 6];
  private final int[] fallbackIds = new int[256];
  /** The merge rank of two byte-level symbols, by {@code byte1 << 8 | byte2}: most first lookups. */
  private final int[] bytePairs = new int[65536];
  private final WordCache cache = new WordCache(CACHE_SLOTS);
  /** Each thread's cache of merge-table answers (see {@link PairCache}). */
  private final ThreadLocal<PairCache> pairCache = ThreadLocal.withInitial(PairCache::new);
  /** Pieces of cut words (merged without ignore_merges' whole-word rule). */
  private final WordCache pieceCache;
  /** With ignore_merges: the tokens by the text they stand for (byte-level vocabularies). */
  private final WholeWords wholeWords;

  BpeModel(Map<String, Integer> vocab, MergeTable merges, int unkId, boolean fuseUnk,
      boolean byteFallback, boolean ignoreMerges) {
    this.vocab = vocab;
    this.merges = merges;
    this.unkId = unkId;
    this.fuseUnk = fuseUnk;
    this.byteFallback = byteFallback;
    this.ignoreMerges = ignoreMerges;
    this.pieceCache = ignoreMerges ? new WordCache(CACHE_SLOTS) : cache;
    this.wholeWords = ignoreMerges ? new WholeWords(vocab) : null;
    Arrays.fill(charIds, -1);
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      String k = e.getKey();
      if (k.length() == 1) charIds[k.charAt(0)] = e.getValue();
      for (int i = 1; i < k.length(); i++) {
        int h = bigram(k.charAt(i - 1), k.charAt(i));
        bigrams[h >>> 6] |= 1L << h;
      }
    }
    for (int b = 0; b < 256; b++) {
      Integer id = vocab.get(String.format("<0x%02X>", b));
      fallbackIds[b] = id == null ? -1 : id;
      byteIds[b] = charIds[ByteLevelAlphabet.charOf(b)];
    }
    for (int i = 0; i < 65536; i++) {
      int l = byteIds[i >>> 8];
      int r = byteIds[i & 0xFF];
      bytePairs[i] = l < 0 || r < 0 ? -1 : merges.rank(l, r);
    }
  }

  int vocabSize() {
    return vocab.size();
  }

  private static int bigram(char a, char b) {
    return ((a * 0x9E3779B1) ^ b) * 0x85EBCA6B >>> 12;
  }

  /** False when no token holds {@code a} followed by {@code b}: no merge ever joins them. */
  private boolean mayJoin(char a, char b) {
    int h = bigram(a, b);
    return (bigrams[h >>> 6] & (1L << h)) != 0;
  }

  Integer id(String token) {
    return vocab.get(token);
  }

  /** Appends the ids of one byte-level pre-token given as its text. */
  void encodeByteLevel(String piece, IntBuffer out) {
    encodeByteLevel(piece.toCharArray(), 0, piece.length(), out);
  }

  /**
   * Appends the ids of the byte-level pre-token {@code text[from, to)}: cached by its text, so a
   * frequent pre-token costs one lookup; its UTF-8 bytes are merged only on a miss.
   */
  void encodeByteLevel(char[] text, int from, int to, IntBuffer out) {
    if (from >= to) return;
    int h = WordHash.of(text, from, to);
    if (wholeWords != null) {
      // ignore_merges: a pre-token that is a token is looked up by its chars before the cache (most
      // pre-tokens are tokens: two in three of Llama-3's on the speed benchmark's text), and not
      // cached, so the cache's slots stay with words that need merges
      int whole = wholeWords.get(text, from, to, h);
      if (whole >= 0) {
        out.add(whole);
        return;
      }
    }
    if (cache.appendTo(text, from, to, h, out)) return;
    int[] ids = to - from > CUT_MIN ? byteLevelPieces(text, from, to) : null;
    if (ids == null) ids = mergeBytes(text, from, to);
    cache.put(text, from, to, h, ids);
    out.addAll(ids);
  }

  /**
   * The ids of a long pre-token merged piece by piece between the chars whose UTF-8 bytes no token
   * joins (the last byte of one char, the first of the next), or null when there is no such cut.
   */
  private int[] byteLevelPieces(char[] text, int from, int to) {
    IntBuffer ids = null;
    int start = from;
    for (int i = from + 1; i < to; i++) {
      char p = text[i - 1];
      char c = text[i];
      if (Character.isLowSurrogate(c) && Character.isHighSurrogate(p)) continue;
      int last = p < 0x80 ? p : 0x80 | (p & 0x3F);
      int first;
      if (c < 0x80) first = c;
      else if (c < 0x800) first = 0xC0 | (c >> 6);
      else if (Character.isHighSurrogate(c) && i + 1 < to) first = 0xF0 | (Character.toCodePoint(c, text[i + 1]) >> 18);
      else first = 0xE0 | (c >> 12);
      if (byteIds[last] < 0 || byteIds[first] < 0) continue; // unknown bytes: unk/fallback rules
      if (mayJoin(ByteLevelAlphabet.charOf(last), ByteLevelAlphabet.charOf(first))) continue;
      if (ids == null) ids = new IntBuffer(2 * (to - from));
      piece(text, start, i, ids, true);
      start = i;
    }
    if (ids == null) return null;
    piece(text, start, to, ids, true);
    return ids.toArray();
  }

  /** A piece of a cut word, through the piece cache, merged without the whole-word rule. */
  private void piece(char[] text, int from, int to, IntBuffer out, boolean byteLevel) {
    if (!byteLevel && to - from == 1 && charIds[text[from]] >= 0) {
      // one char with a token of its own: that token (mergeWord's answer, without the cache; most
      // CJK characters of a SentencePiece-converted file are pieces of one char)
      out.add(charIds[text[from]]);
      return;
    }
    int h = WordHash.of(text, from, to);
    if (pieceCache.appendTo(text, from, to, h, out)) return;
    int[] ids = byteLevel ? mergeBytes(text, from, to) : mergeWord(new String(text, from, to - from));
    pieceCache.put(text, from, to, h, ids);
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
    // cut where no token spans: between two known chars no token holds side by side (an unknown
    // char becomes byte-fallback or unknown tokens, which the bigrams do not describe); never
    // inside a surrogate pair
    char[] w = word.toCharArray();
    int n = w.length;
    int start = 0;
    for (int i = 1; i < n; i++) {
      char p = w[i - 1];
      char c = w[i];
      if (mayJoin(p, c) || Character.isLowSurrogate(c) && Character.isHighSurrogate(p)) continue;
      if (unknown(w, i - 1) || unknown(w, i)) continue;
      piece(w, start, i, out, false);
      start = i;
    }
    piece(w, start, n, out, false);
  }

  /** The char at {@code i} (or the pair it belongs to) has no token of its own. */
  private boolean unknown(char[] w, int i) {
    char c = w[i];
    if (!Character.isSurrogate(c)) return charIds[c] < 0;
    return true; // a supplementary character: treated as unknown, which only forgoes a cut
  }

  /** The ids of the UTF-8 bytes of {@code text[from, to)} (lone surrogates are U+FFFD by now). */
  private int[] mergeBytes(char[] text, int from, int to) {
    byte[] utf8 = new byte[3 * (to - from)];
    int len = 0;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < 0x80) {
        utf8[len++] = (byte) c;
      } else if (c < 0x800) {
        utf8[len++] = (byte) (0xC0 | (c >> 6));
        utf8[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
        int cp = Character.toCodePoint(c, text[++i]);
        utf8[len++] = (byte) (0xF0 | (cp >> 18));
        utf8[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        utf8[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        utf8[len++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        if (Character.isSurrogate(c)) c = '\uFFFD';
        utf8[len++] = (byte) (0xE0 | (c >> 12));
        utf8[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        utf8[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    int[] sym = new int[len];
    for (int i = 0; i < len; i++) {
      if ((sym[i] = byteIds[utf8[i] & 0xFF]) < 0) {
        // a vocabulary without this byte's character: the general path (unknown, fallback)
        return mergeWord(ByteLevelAlphabet.map(utf8, 0, len));
      }
    }
    if (len <= 1) return len == 0 ? EMPTY : new int[] {sym[0]};
    int[] pairs = new int[len - 1];
    for (int i = 0; i + 1 < len; i++) pairs[i] = bytePairs[((utf8[i] & 0xFF) << 8) | (utf8[i + 1] & 0xFF)];
    return len <= SCAN_MAX ? mergeByScan(sym, pairs, len) : mergeAll(sym, pairs, len);
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
    return merge(sym, count);
  }

  private int[] merge(int[] sym, int count) {
    if (count <= 1) return count == 0 ? EMPTY : new int[] {sym[0]};
    int[] pairs = new int[count - 1];
    for (int i = 0; i + 1 < count; i++) pairs[i] = merges.rank(sym[i], sym[i + 1]);
    return count <= SCAN_MAX ? mergeByScan(sym, pairs, count) : mergeAll(sym, pairs, count);
  }

  /**
   * The same merges as {@link #mergeAll} for a short word: each step scans the pairs for the
   * lowest rank (the leftmost among equals), merges it and looks up its two new neighbours through
   * the thread's {@link PairCache}, which also gives their new ids.
   */
  private int[] mergeByScan(int[] c, int[] m, int n) {
    PairCache pc = pairCache.get();
    int[] nid = new int[n];
    Arrays.fill(nid, -1);
    while (n > 1) {
      int best = -1;
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < n; i++) {
        int r = m[i];
        if (r >= 0 && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      c[best] = nid[best] >= 0 ? nid[best] : merges.newId(bestRank);
      int tail = n - best - 2;
      System.arraycopy(c, best + 2, c, best + 1, tail);
      if (tail > 0) {
        System.arraycopy(m, best + 2, m, best + 1, tail - 1);
        System.arraycopy(nid, best + 2, nid, best + 1, tail - 1);
      }
      n--;
      if (best > 0) {
        long v = pc.get(merges, c[best - 1], c[best]);
        m[best - 1] = v == MergeTable.ABSENT ? -1 : (int) (v >>> 32);
        nid[best - 1] = (int) v;
      }
      if (best + 1 < n) {
        long v = pc.get(merges, c[best], c[best + 1]);
        m[best] = v == MergeTable.ABSENT ? -1 : (int) (v >>> 32);
        nid[best] = (int) v;
      }
    }
    return Arrays.copyOf(c, n);
  }

  /**
   * The lowest-ranked merge first, then the leftmost; stale queue entries are skipped.
   * {@code ranks[i]}: the rank of the merge of symbols i and i + 1, or -1.
   */
  private int[] mergeAll(int[] c, int[] ranks, int n) {
    int[] prev = new int[n];
    int[] next = new int[n];
    boolean[] removed = new boolean[n];
    for (int i = 0; i < n; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < n ? i + 1 : -1;
    }
    PairCache pc = pairCache.get();
    MergeQueue queue = new MergeQueue(n);
    for (int i = 0; i + 1 < n; i++) {
      if (ranks[i] >= 0) queue.push(ranks[i], i, merges.newId(ranks[i]));
    }
    while (!queue.isEmpty()) {
      int pos = queue.topPos();
      int newId = queue.topNewId();
      queue.pop();
      if (removed[pos]) continue;
      int right = next[pos];
      if (right < 0) continue;
      long current = pc.get(merges, c[pos], c[right]);
      if (current == MergeTable.ABSENT || (int) current != newId) continue;
      c[pos] = newId;
      removed[right] = true;
      int after = next[right];
      next[pos] = after;
      if (after >= 0) prev[after] = pos;
      int before = prev[pos];
      if (before >= 0) {
        long m = pc.get(merges, c[before], c[pos]);
        if (m != MergeTable.ABSENT) queue.push((int) (m >>> 32), before, (int) m);
      }
      if (after >= 0) {
        long m = pc.get(merges, c[pos], c[after]);
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
