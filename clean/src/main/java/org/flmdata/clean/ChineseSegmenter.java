package org.flmdata.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese word segmentation for the zh profile's word-based rules (word length, stop words, word
 * n-grams, words per newline): jieba's accurate mode (dictionary DAG, best route by log
 * frequency, HMM for runs no word covers), exactly as com.huaban:jieba-analysis 1.0.2's {@code
 * JiebaSegmenter.process(text, SEARCH)} gives its words. jieba is the segmenter datatrove uses for
 * zh, so FineWeb-2's cmn thresholds (cmn_Hani.yml, fitted on jieba words) apply as published.
 *
 * <p>This is a re-implementation of that library's algorithm on primitive arrays ({@link
 * JiebaDictionary}, {@link JiebaHmm}; its dictionary and emission table are read from its jar):
 * the library builds a {@code HashMap<Integer, List<Integer>>} DAG, boxes every score and looks
 * every candidate word up by substring, which made segmentation most of the clean stage's CPU time
 * for Chinese. The words are the same, token for token (CleanBenchmark and
 * ChineseSegmenterTest compare both on real text); the library stays the reference in tests.
 *
 * <p>The dictionary is loaded once per JVM, i.e. once per executor, on first use; after that the
 * segmenter only reads shared state and is safe to call from several task threads. Tokens are
 * substrings of the input (jieba lower-cases and half-widths internally; the offsets map back to
 * the original text); whitespace is not a token. Never throws: on an internal error the text falls
 * back to one token per character.
 */
public final class ChineseSegmenter {
  private ChineseSegmenter() {}

  /** Loaded on first use of {@link #tokens}: class initialisation is the JVM's once-only lock. */
  private static final class Holder {
    static final JiebaDictionary DICT = JiebaDictionary.load();
    static final JiebaHmm HMM = JiebaHmm.load();
  }

  /** Receives word boundaries {@code [start, end)} in order. */
  interface Sink {
    void word(int start, int end);
  }

  /** The words and punctuation tokens of {@code text}, in order. Never null. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    try {
      new Run(text, Holder.DICT, Holder.HMM, out).all();
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      return perCharacter(text);
    }
  }

  /**
   * One segmentation. The buffers hold one sentence (a run of "cc" characters) at a time, in its
   * own coordinates from {@code base}, and grow to the longest sentence: a huge document costs no
   * more than its longest run.
   */
  private static final class Run implements Sink {
    final String text;
    final JiebaDictionary dict;
    final JiebaHmm hmm;
    final List<String> out;
    char[] s = new char[64];
    double[] score = new double[65];
    int[] end = new int[65];
    int base;

    Run(String text, JiebaDictionary dict, JiebaHmm hmm, List<String> out) {
      this.text = text;
      this.dict = dict;
      this.hmm = hmm;
      this.out = out;
    }

    /** A word of the current sentence, {@code [start, end)} in its coordinates. */
    @Override
    public void word(int start, int end) {
      out.add(text.substring(base + start, base + end)); // never blank: cc characters only
    }

    /**
     * jieba's process(): maximal runs of "cc" characters (Han, ASCII letters and digits, + # &amp;
     * . _ -, after full-width to half-width and A-Z to a-z) are sentences; any other character is
     * a token of its own (whitespace dropped).
     */
    void all() {
      int n = text.length();
      int from = -1;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (isCc(regularize(c))) {
          if (from < 0) from = i;
          continue;
        }
        if (from >= 0) {
          sentence(from, i);
          from = -1;
        }
        if (!Character.isWhitespace(c)) out.add(text.substring(i, i + 1));
      }
      if (from >= 0) sentence(from, n);
    }

    /**
     * jieba's sentenceProcess() on {@code text[start, stop)}: the best route through the dictionary
     * words by summed log frequency (computed from the end; the first, i.e. shortest, candidate
     * wins a tie), then runs of single characters re-cut by {@link #unknown}.
     */
    void sentence(int start, int stop) {
      int to = stop - start;
      if (s.length < to) {
        int cap = Math.max(to, s.length * 2);
        s = new char[cap];
        score = new double[cap + 1];
        end = new int[cap + 1];
      }
      for (int k = 0; k < to; k++) s[k] = regularize(text.charAt(start + k));
      base = start;
      int from = 0;
      double min = dict.minLogFreq();
      score[to] = 0.0;
      for (int i = to - 1; i >= from; i--) {
        int node = 0;
        int best = -1;
        double bestScore = 0;
        for (int j = i; j < to; j++) {
          node = dict.child(node, s[j]);
          if (node == JiebaDictionary.NONE) break;
          double f = dict.logFreq(node);
          if (Double.isNaN(f)) continue;
          double sc = f + score[j + 1];
          if (best < 0 || bestScore < sc) {
            best = j;
            bestScore = sc;
          }
        }
        if (best < 0) { // no word starts here: the character alone, at the unknown-word score
          best = i;
          bestScore = min + score[i + 1];
        }
        score[i] = bestScore;
        end[i] = best + 1;
      }
      int singles = -1; // start of the pending run of one-character words
      int x = from;
      while (x < to) {
        int y = end[x];
        if (y - x == 1) {
          if (singles < 0) singles = x;
        } else {
          if (singles >= 0) unknown(singles, x);
          singles = -1;
          word(x, y);
        }
        x = y;
      }
      if (singles >= 0) unknown(singles, to);
    }

    /** A run of one-character route steps: itself if one char or a word, else jieba's FinalSeg. */
    void unknown(int from, int to) {
      if (to - from == 1 || dict.isWord(s, from, to)) {
        word(from, to);
        return;
      }
      int i = from;
      while (i < to) {
        int j = i;
        if (isHan(s[i])) {
          while (j < to && isHan(s[j])) j++;
          hmm.cut(s, i, j, this);
        } else {
          while (j < to && !isHan(s[j])) j++;
          other(i, j);
        }
        i = j;
      }
    }

    /**
     * Non-Han characters of an unknown run, as FinalSeg's {@code (\d+\.\d+|[a-zA-Z0-9]+)}
     * matches and the text between matches.
     */
    void other(int from, int to) {
      int gap = from;
      int i = from;
      while (i < to) {
        int m = matchAt(i, to);
        if (m < 0) {
          i++;
          continue;
        }
        if (i > gap) word(gap, i);
        word(i, m);
        i = m;
        gap = m;
      }
      if (gap < to) word(gap, to);
    }

    /** End of the regex match starting at {@code i}, or -1. */
    private int matchAt(int i, int to) {
      if (isDigit(s[i])) {
        int j = i;
        while (j < to && isDigit(s[j])) j++;
        if (j + 1 < to && s[j] == '.' && isDigit(s[j + 1])) {
          j += 2;
          while (j < to && isDigit(s[j])) j++;
          return j;
        }
      }
      if (!isAlnum(s[i])) return -1;
      int j = i + 1;
      while (j < to && isAlnum(s[j])) j++;
      return j;
    }
  }

  /** jieba-analysis's CharacterUtil.regularize: full-width to half-width, A-Z to a-z. */
  static char regularize(char c) {
    if (c == 12288) return ' ';
    if (c > 65280 && c < 65375) return (char) (c - 65248);
    if (c >= 'A' && c <= 'Z') return (char) (c + 32);
    return c;
  }

  /** jieba-analysis's CharacterUtil.ccFind: Han, ASCII letter or digit, or + # &amp; . _ -. */
  static boolean isCc(char c) {
    return isHan(c) || isAlnum(c) || c == '+' || c == '#' || c == '&' || c == '.' || c == '_'
        || c == '-';
  }

  private static boolean isHan(char c) {
    return c >= JiebaHmm.FIRST && c <= JiebaHmm.LAST;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static List<String> perCharacter(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (!Character.isWhitespace(cp)) out.add(text.substring(i, i + n));
      i += n;
    }
    return out;
  }
}
