package org.flmdata.filter.decontam;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Verdict;

/**
 * Removes benchmark test data from one document: finds the n-grams it shares with a {@link
 * BenchmarkIndex} (ignoring common phrases: n-grams found in too many training documents), then
 * either drops it (remove mode) or cuts the matches out with the GPT-3 recipe. Pure; never
 * throws on any text. Counts of matching n-grams per benchmark go to {@code meta.decontam} of a
 * document that is kept after cutting; a dropped one is {@code decontam/<benchmark>} with the
 * benchmark that matched most (first declared on ties).
 */
public final class Decontaminator {
  /** Meta key of the per-benchmark match counts of a cut document. */
  public static final String META_KEY = MetaKeys.DECONTAM.name();
  private static final String JOIN = "\n";

  private final BenchmarkIndex index;
  private final long[] common;
  private final DecontamParams params;
  private final long domainMask;

  /**
   * @param common sorted hashes of n-grams to ignore (found in too many training documents)
   */
  public Decontaminator(BenchmarkIndex index, long[] common, DecontamParams params) {
    this.index = index;
    this.common = common;
    this.params = params;
    this.domainMask = index.maskOf(params.benchmarks());
  }

  /** Sorted distinct hashes of the n-grams of {@code text} found in any benchmark. */
  public static long[] matching(BenchmarkIndex index, String text) {
    // the few n-grams in the index first, then sorted and distinct (sorting all was 5% of filter)
    long[] h = Ngrams.hashes(Ngrams.tokenize(text), index.n());
    int k = 0;
    for (long x : h) if (index.mask(x) != 0) h[k++] = x;
    Arrays.sort(h, 0, k);
    int u = 0;
    for (int i = 0; i < k; i++) {
      if (u == 0 || h[i] != h[u - 1]) h[u++] = h[i];
    }
    return Arrays.copyOf(h, u);
  }

  public Verdict apply(Document doc) {
    String text = doc.getText();
    if (domainMask == 0 || text == null || text.isEmpty()) return Verdict.keep(doc);
    Ngrams.Tokens t = Ngrams.tokenize(text);
    int n = index.n();
    long[] h = Ngrams.hashes(t, n);
    int[] perBench = new int[index.names().size()];
    int matches = 0;
    // merged character intervals to cut
    int[] cutStart = new int[8];
    int[] cutEnd = new int[8];
    int cuts = 0;
    for (int i = 0; i < h.length; i++) {
      long mask = index.mask(h[i]) & domainMask;
      if (mask == 0 || Arrays.binarySearch(common, h[i]) >= 0) continue;
      matches++;
      for (int b = 0; b < perBench.length; b++) if ((mask & (1L << b)) != 0) perBench[b]++;
      int s = Math.max(0, t.start()[i] - params.cutChars());
      int e = (int) Math.min(text.length(), (long) t.end()[i + n - 1] + params.cutChars());
      if (cuts > 0 && s <= cutEnd[cuts - 1]) {
        cutEnd[cuts - 1] = Math.max(cutEnd[cuts - 1], e);
      } else {
        if (cuts == cutStart.length) {
          cutStart = Arrays.copyOf(cutStart, cuts * 2);
          cutEnd = Arrays.copyOf(cutEnd, cuts * 2);
        }
        cutStart[cuts] = s;
        cutEnd[cuts] = e;
        cuts++;
      }
    }
    if (matches == 0) return Verdict.keep(doc);
    DecontamReason reason = new DecontamReason(top(perBench));
    String counts = counts(perBench);
    if (params.remove()) {
      return Verdict.drop(reason, matches + " matching " + n + "-grams (" + counts + ")");
    }
    if (cuts > params.maxSplits()) {
      return Verdict.drop(reason, String.format(Locale.ROOT,
          "split %d times > max %d (%s)", cuts, params.maxSplits(), counts));
    }
    StringBuilder kept = new StringBuilder();
    int from = 0;
    for (int c = 0; c <= cuts; c++) {
      int to = c < cuts ? cutStart[c] : text.length();
      if (to - from >= params.minPieceChars()) {
        if (kept.length() > 0) kept.append(JOIN);
        kept.append(text, from, to);
      }
      if (c < cuts) from = cutEnd[c];
    }
    if (kept.length() == 0) {
      return Verdict.drop(reason, "no piece of " + params.minPieceChars()
          + " characters left after cutting " + cuts + " matches (" + counts + ")");
    }
    return Verdict.keep(doc.withText(kept.toString()).withMeta(META_KEY, counts));
  }

  private String top(int[] perBench) {
    int best = -1;
    for (int b = 0; b < perBench.length; b++) {
      if (perBench[b] > 0 && (best < 0 || perBench[b] > perBench[best])) best = b;
    }
    return index.names().get(best);
  }

  private String counts(int[] perBench) {
    StringBuilder sb = new StringBuilder();
    List<String> names = index.names();
    for (int b = 0; b < perBench.length; b++) {
      if (perBench[b] == 0) continue;
      if (sb.length() > 0) sb.append(',');
      sb.append(names.get(b)).append(':').append(perBench[b]);
    }
    return sb.toString();
  }
}
