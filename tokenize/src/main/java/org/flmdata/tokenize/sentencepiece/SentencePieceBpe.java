package org.flmdata.tokenize.sentencepiece;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flmdata.tokenize.bpe.IntBuffer;
import org.flmdata.tokenize.bpe.MergeQueue;
import org.flmdata.tokenize.bpe.MergeTable;
import org.flmdata.tokenize.bpe.TokenizerFormatException;

/**
 * Encodes text as SentencePiece's BPE model does ({@code spm_encode --output_format=id}, or
 * {@code SentencePieceProcessor.encode} without BOS/EOS): normalize ({@link SpmNormalizer}), split
 * into characters with user-defined pieces as frozen symbols, then repeatedly merge the adjacent
 * pair whose concatenation is the highest-scoring piece (leftmost on ties), re-split UNUSED
 * pieces into the pair they were merged from; an unknown piece becomes its UTF-8 bytes as
 * {@code <0xNN>} pieces when the model has byte_fallback, otherwise the unknown id, with runs of
 * unknown pieces fused into one.
 *
 * <p>When no piece has a {@code ▁} right after another character (models trained with
 * split_by_whitespace, the default), no merge crosses the start of a {@code ▁}-word, so the text is
 * encoded word by word with a bounded cache of frequent words; the ids are the same.
 *
 * <p>Only BPE models are supported: a unigram (or word/char) model is one clear error at load, as
 * is treat_whitespace_as_suffix. Immutable apart from the cache; thread-safe, share one instance.
 */
public final class SentencePieceBpe {
  static final int CACHE_MAX_WORD = 256;
  static final int CACHE_CAPACITY = 200_000;
  private static final char SPACE = '\u2581';

  private final String source;
  private final int size;
  private final String[] pieceText;
  private final Map<String, Integer> pieces = new HashMap<>(); // NORMAL, USER_DEFINED, UNUSED
  private final Map<String, Integer> reserved = new HashMap<>(); // UNKNOWN, CONTROL, BYTE
  private final int[] outputId; // PieceToId of a piece's text (reserved first)
  private final boolean[] unused;
  private final int[] rank; // 0 = highest score
  private final int[] charIds = new int[65536];
  private final Map<Integer, Integer> supplementaryIds = new HashMap<>();
  private final MergeTable pairs;
  private final List<String> userDefined = new ArrayList<>();
  private final boolean anyUserDefined;
  private final boolean anyUnused;
  private final boolean wordwise;
  private final int unkId;
  private final boolean byteFallback;
  private final int[] byteIds = new int[256];
  private final SpmNormalizer normalizer;
  private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();

  private SentencePieceBpe(SentencePieceModel m) {
    this.source = m.source;
    if (m.modelType != SentencePieceModel.BPE) {
      throw new TokenizerFormatException(source + ": SentencePiece model type is "
          + SentencePieceModel.modelTypeName(m.modelType)
          + "; only BPE models are supported (a unigram model needs the Viterbi/lattice encoder, which"
          + " is not implemented)");
    }
    if (m.treatWhitespaceAsSuffix) {
      throw new TokenizerFormatException(source + ": trainer_spec.treat_whitespace_as_suffix is not supported");
    }
    size = m.pieces.size();
    pieceText = new String[size];
    outputId = new int[size];
    unused = new boolean[size];
    float[] score = new float[size];
    int unk = -1;
    Arrays.fill(charIds, -1);
    Arrays.fill(byteIds, -1);
    boolean[] byteFound = new boolean[256];
    for (int i = 0; i < size; i++) {
      SentencePieceModel.Piece p = m.pieces.get(i);
      if (p.piece().isEmpty()) throw new TokenizerFormatException(source + ": piece " + i + " is empty");
      pieceText[i] = p.piece();
      score[i] = p.score();
      boolean normal = p.type() == SentencePieceModel.Type.NORMAL
          || p.type() == SentencePieceModel.Type.USER_DEFINED || p.type() == SentencePieceModel.Type.UNUSED;
      Map<String, Integer> target = normal ? pieces : reserved;
      if (target.putIfAbsent(p.piece(), i) != null) {
        throw new TokenizerFormatException(source + ": piece '" + p.piece() + "' (id " + i + ") is already defined");
      }
      switch (p.type()) {
        case USER_DEFINED -> userDefined.add(p.piece());
        case UNUSED -> unused[i] = true;
        case UNKNOWN -> {
          if (unk >= 0) throw new TokenizerFormatException(source + ": two UNKNOWN pieces (ids " + unk + ", " + i + ")");
          unk = i;
        }
        case BYTE -> {
          if (!m.byteFallback) {
            throw new TokenizerFormatException(source + ": byte piece " + p.piece() + " although byte_fallback is false");
          }
          int b = pieceToByte(p.piece());
          if (b < 0) throw new TokenizerFormatException(source + ": byte piece '" + p.piece() + "' is invalid");
          byteFound[b] = true;
          byteIds[b] = i;
        }
        default -> { }
      }
    }
    if (unk < 0) throw new TokenizerFormatException(source + ": no UNKNOWN piece (<unk>)");
    this.unkId = unk;
    this.byteFallback = m.byteFallback;
    if (byteFallback) {
      for (int b = 0; b < 256; b++) {
        if (!byteFound[b]) {
          throw new TokenizerFormatException(source + ": byte_fallback is on but piece "
              + String.format("<0x%02X>", b) + " is missing");
        }
      }
    }
    for (int i = 0; i < size; i++) {
      Integer r = reserved.get(pieceText[i]);
      outputId[i] = r != null ? r : i;
    }
    // ranks: highest score first; equal scores share a rank (then the leftmost pair wins)
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
    rank = new int[size];
    int r = -1;
    for (int k = 0; k < size; k++) {
      if (k == 0 || Float.compare(score[order[k]], score[order[k - 1]]) != 0) r++;
      rank[order[k]] = r;
    }
    boolean spaceInside = false;
    int pairCount = 0;
    for (Map.Entry<String, Integer> e : pieces.entrySet()) {
      String t = e.getKey();
      int cps = t.codePointCount(0, t.length());
      if (cps == 1) {
        int cp = t.codePointAt(0);
        if (cp < 65536) charIds[cp] = e.getValue();
        else supplementaryIds.put(cp, e.getValue());
      }
      pairCount += cps - 1;
      for (int i = 1; i < t.length(); i++) {
        if (t.charAt(i) == SPACE && t.charAt(i - 1) != SPACE) spaceInside = true;
      }
    }
    pairs = new MergeTable(Math.max(4, pairCount));
    for (Map.Entry<String, Integer> e : pieces.entrySet()) {
      String t = e.getKey();
      for (int i = t.offsetByCodePoints(0, 1); i < t.length(); i = t.offsetByCodePoints(i, 1)) {
        Integer a = pieces.get(t.substring(0, i));
        Integer b = pieces.get(t.substring(i));
        if (a != null && b != null) pairs.put(a, b, rank[e.getValue()], e.getValue());
      }
    }
    this.anyUserDefined = !userDefined.isEmpty();
    this.anyUnused = anyTrue(unused);
    this.wordwise = !spaceInside && !anyUnused;
    this.normalizer = new SpmNormalizer(m, userDefined);
  }

  /** Loads a serialized SentencePiece {@code ModelProto}. */
  public static SentencePieceBpe load(byte[] modelProto, String source) {
    return new SentencePieceBpe(SentencePieceModel.parse(modelProto, source));
  }

  /** True when {@code data} starts like a serialized ModelProto (field 1, length-delimited). */
  public static boolean looksLikeModelProto(byte[] data) {
    return data.length > 2 && data[0] == 0x0A;
  }

  public int vocabSize() {
    return size;
  }

  /** True when the text is encoded word by word (no piece spans a word start); for tests. */
  boolean wordwise() {
    return wordwise;
  }

  public String source() {
    return source;
  }

  /** {@code PieceToId} without the unknown fallback: the id of a piece, or -1. */
  public int pieceId(String piece) {
    Integer r = reserved.get(piece);
    if (r == null) r = pieces.get(piece);
    return r == null ? -1 : r;
  }

  /** Ids of {@code text} (no BOS/EOS). Never throws on any string. */
  public int[] encode(String text) {
    IntBuffer out = new IntBuffer(Math.max(16, text.length() / 3));
    encode(text, out);
    return out.toArray();
  }

  /** Appends the ids of {@code text} to {@code out}. Lone surrogates are encoded as U+FFFD. */
  public void encode(String text, IntBuffer out) {
    byte[] utf8 = withoutLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
    byte[] norm = normalizer.normalize(utf8);
    if (norm.length == 0) return;
    String s = new String(norm, StandardCharsets.UTF_8);
    boolean[] prevUnk = {false};
    if (!wordwise) {
      encodeRun(s, 0, s.length(), out, prevUnk);
      return;
    }
    int start = 0;
    int n = s.length();
    for (int i = 1; i <= n; i++) {
      if (i == n || (s.charAt(i) == SPACE && s.charAt(i - 1) != SPACE)) {
        encodeWord(s, start, i, out, prevUnk);
        start = i;
      }
    }
  }

  private void encodeWord(String s, int from, int to, IntBuffer out, boolean[] prevUnk) {
    if (to - from > CACHE_MAX_WORD) {
      encodeRun(s, from, to, out, prevUnk);
      return;
    }
    String w = s.substring(from, to);
    int[] ids = cache.get(w);
    if (ids == null) {
      IntBuffer b = new IntBuffer(8);
      encodeRun(w, 0, w.length(), b, new boolean[1]);
      ids = b.toArray();
      if (cache.size() < CACHE_CAPACITY) cache.put(w, ids);
    }
    // runs of unknown pieces are fused across words too
    int k = 0;
    if (!byteFallback && prevUnk[0] && ids.length > 0 && ids[0] == unkId) k = 1;
    for (; k < ids.length; k++) out.add(ids[k]);
    if (ids.length > 0) prevUnk[0] = ids[ids.length - 1] == unkId && !byteFallback;
  }

  /** BPE over s[from, to) and the ids out, as bpe::Model::SampleEncode + PopulateSentencePieceText. */
  private void encodeRun(String s, int from, int to, IntBuffer out, boolean[] prevUnk) {
    int cap = to - from;
    int[] start = new int[cap];
    int[] end = new int[cap];
    int[] id = new int[cap]; // id in `pieces`, or -1
    boolean[] frozen = anyUserDefined ? new boolean[cap] : null;
    int n = 0;
    for (int i = from; i < to; ) {
      int len = 0;
      if (anyUserDefined) len = longestUserDefined(s, i, to);
      if (len > 0) {
        frozen[n] = true;
        Integer v = pieces.get(s.substring(i, i + len));
        id[n] = v == null ? -1 : v;
      } else {
        int cp = s.codePointAt(i);
        len = Character.charCount(cp);
        if (i + len > to) len = to - i;
        if (cp < 65536) id[n] = charIds[cp];
        else {
          Integer v = supplementaryIds.get(cp);
          id[n] = v == null ? -1 : v;
        }
      }
      start[n] = i;
      end[n] = i + len;
      n++;
      i += len;
    }
    int[] next = new int[n];
    int[] prev = new int[n];
    boolean[] gone = new boolean[n];
    for (int i = 0; i < n; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < n ? i + 1 : -1;
    }
    Map<String, String[]> revMerge = anyUnused ? new HashMap<>() : null;
    MergeQueue q = new MergeQueue(n);
    for (int i = 0; i + 1 < n; i++) push(q, s, start, end, id, frozen, i, i + 1, revMerge);
    while (!q.isEmpty()) {
      int l = q.topPos();
      int r = q.topRight();
      int newId = q.topNewId();
      q.pop();
      if (gone[l] || gone[r] || next[l] != r) continue;
      if (pairId(s, start, end, id, frozen, l, r) != newId) continue;
      id[l] = newId;
      end[l] = end[r];
      gone[r] = true;
      next[l] = next[r];
      if (next[r] >= 0) prev[next[r]] = l;
      if (prev[l] >= 0) push(q, s, start, end, id, frozen, prev[l], l, revMerge);
      if (next[l] >= 0) push(q, s, start, end, id, frozen, l, next[l], revMerge);
    }
    for (int i = 0; n > 0 && i >= 0; i = next[i]) {
      if (id[i] >= 0 && !unused[id[i]]) {
        emit(outputId[id[i]], null, out, prevUnk);
      } else {
        resegment(s.substring(start[i], end[i]), revMerge, out, prevUnk);
      }
    }
  }

  private void resegment(String w, Map<String, String[]> revMerge, IntBuffer out, boolean[] prevUnk) {
    int pid = pieceId(w);
    if (pid < 0) pid = unkId;
    if (!unused[pid] || revMerge == null) {
      emit(pid, w, out, prevUnk);
      return;
    }
    String[] p = revMerge.get(w);
    if (p == null) {
      emit(pid, w, out, prevUnk);
      return;
    }
    resegment(p[0], revMerge, out, prevUnk);
    resegment(p[1], revMerge, out, prevUnk);
  }

  private void emit(int pid, String w, IntBuffer out, boolean[] prevUnk) {
    boolean isUnk = pid == unkId;
    if (isUnk && byteFallback) {
      String text = w != null ? w : pieceText[pid];
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) out.add(byteIds[b & 0xFF]);
    } else if (!(isUnk && prevUnk[0])) {
      out.add(pid);
    }
    prevUnk[0] = isUnk;
  }

  private int pairId(String s, int[] start, int[] end, int[] id, boolean[] frozen, int l, int r) {
    if (frozen != null && (frozen[l] || frozen[r])) return -1;
    if (id[l] >= 0 && id[r] >= 0) {
      long m = pairs.get(id[l], id[r]);
      return m == MergeTable.ABSENT ? -1 : (int) m;
    }
    Integer v = pieces.get(s.substring(start[l], end[r]));
    return v == null ? -1 : v;
  }

  private void push(MergeQueue q, String s, int[] start, int[] end, int[] id, boolean[] frozen, int l, int r,
      Map<String, String[]> revMerge) {
    int p = pairId(s, start, end, id, frozen, l, r);
    if (p < 0) return;
    q.push(rank[p], l, r, p);
    if (revMerge != null && unused[p]) {
      revMerge.put(pieceText[p], new String[] {s.substring(start[l], end[l]), s.substring(start[r], end[r])});
    }
  }

  private int longestUserDefined(String s, int i, int to) {
    int best = 0;
    for (String u : userDefined) {
      if (u.length() > best && u.length() <= to - i && s.startsWith(u, i)) best = u.length();
    }
    return best;
  }

  static int pieceToByte(String piece) {
    if (piece.length() != 6 || !piece.startsWith("<0x") || piece.charAt(5) != '>') return -1;
    try {
      return Integer.parseInt(piece.substring(3, 5), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean anyTrue(boolean[] a) {
    for (boolean b : a) if (b) return true;
    return false;
  }

  static String withoutLoneSurrogates(String s) {
    int n = s.length();
    StringBuilder b = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        if (b != null) b.append(c).append(s.charAt(i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        if (b == null) b = new StringBuilder(n).append(s, 0, i);
        b.append('\uFFFD');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
