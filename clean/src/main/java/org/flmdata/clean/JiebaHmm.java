package org.flmdata.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * jieba's hidden Markov model for runs of Han characters no dictionary word covers: states B, M,
 * E, S (begin, middle, end of a word, single-character word), jieba's start and transition log
 * probabilities and the emission table of com.huaban:jieba-analysis's {@code /prob_emit.txt}.
 * {@link #cut} is jieba-analysis's {@code FinalSeg.viterbi} with the same arithmetic in the same
 * order (so ties resolve the same way: a later predecessor wins an equal score, E wins over S at
 * the end), on primitive arrays instead of maps of boxed doubles and linked path nodes.
 *
 * <p>Only the Han range U+4E00..U+9FA5 reaches the model (jieba-analysis's {@code
 * isChineseLetter}), so emissions are a table over that range. Immutable, thread-safe.
 */
final class JiebaHmm {
  private static final int B = 0;
  private static final int M = 1;
  private static final int E = 2;
  private static final int S = 3;
  private static final String STATES = "BMES";
  static final char FIRST = '\u4e00';
  static final char LAST = '\u9fa5';
  private static final double MIN = -3.14e100;
  private static final double[] START = {-0.26268660809250016, MIN, MIN, -1.4652633398537678};
  /** PREV[y] = the states that may precede y, in jieba-analysis's order. */
  private static final int[][] PREV = {{E, S}, {M, B}, {B, M}, {S, E}};
  /** TRANS[from][to]. */
  private static final double[][] TRANS = new double[4][4];

  static {
    for (double[] row : TRANS) Arrays.fill(row, MIN);
    TRANS[B][E] = -0.510825623765990;
    TRANS[B][M] = -0.916290731874155;
    TRANS[E][B] = -0.5897149736854513;
    TRANS[E][S] = -0.8085250474669937;
    TRANS[M][E] = -0.33344856811948514;
    TRANS[M][M] = -1.2603623820268226;
    TRANS[S][B] = -0.7211965654669841;
    TRANS[S][S] = -0.6658631448798212;
  }

  /** emit[state][c - FIRST]; MIN where the table has no entry. */
  private final double[][] emit;

  private JiebaHmm(double[][] emit) {
    this.emit = emit;
  }

  static JiebaHmm load() {
    try (InputStream in = JiebaHmm.class.getResourceAsStream("/prob_emit.txt")) {
      if (in == null) {
        throw new IllegalStateException("jieba's /prob_emit.txt is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      double[][] emit = new double[4][LAST - FIRST + 1];
      for (double[] row : emit) Arrays.fill(row, MIN);
      double[] row = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length == 1) {
          int s = f[0].isEmpty() ? -1 : STATES.indexOf(f[0].charAt(0));
          row = s < 0 ? null : emit[s];
        } else if (row != null && !f[0].isEmpty()) {
          char c = f[0].charAt(0);
          if (c >= FIRST && c <= LAST) row[c - FIRST] = Double.parseDouble(f[1]);
        }
      }
      return new JiebaHmm(emit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jieba's /prob_emit.txt", e);
    }
  }

  /**
   * Word boundaries of the Han run {@code s[from, to)} (every char in U+4E00..U+9FA5): calls
   * {@code out.word(start, end)} per word, in order, with absolute offsets.
   */
  void cut(char[] s, int from, int to, ChineseSegmenter.Sink out) {
    int n = to - from;
    if (n <= 0) return;
    double[] v = new double[4];
    double[] next = new double[4];
    byte[] back = new byte[n * 4];
    int c0 = s[from] - FIRST;
    for (int y = 0; y < 4; y++) v[y] = START[y] + emit[y][c0];
    for (int i = 1; i < n; i++) {
      int c = s[from + i] - FIRST;
      for (int y = 0; y < 4; y++) {
        double emp = emit[y][c];
        int[] prev = PREV[y];
        int best = prev[0];
        double bestP = TRANS[best][y] + (emp + v[best]);
        int y0 = prev[1];
        double p = TRANS[y0][y] + (emp + v[y0]);
        if (bestP <= p) {
          bestP = p;
          best = y0;
        }
        next[y] = bestP;
        back[i * 4 + y] = (byte) best;
      }
      double[] t = v;
      v = next;
      next = t;
    }
    byte[] pos = new byte[n];
    int state = v[E] < v[S] ? S : E;
    for (int i = n - 1; i >= 0; i--) {
      pos[i] = (byte) state;
      state = back[i * 4 + state];
    }
    int begin = 0;
    int nextStart = 0;
    for (int i = 0; i < n; i++) {
      int p = pos[i];
      if (p == B) {
        begin = i;
      } else if (p == E) {
        out.word(from + begin, from + i + 1);
        nextStart = i + 1;
      } else if (p == S) {
        out.word(from + i, from + i + 1);
        nextStart = i + 1;
      }
    }
    if (nextStart < n) out.word(from + nextStart, to);
  }
}
