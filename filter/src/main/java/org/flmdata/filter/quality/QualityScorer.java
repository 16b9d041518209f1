package org.flmdata.filter.quality;

import java.util.Locale;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.fasttext.FastTextModel;

/**
 * Scores documents with a fastText quality classifier: the probability of one label ({@code
 * __label__hq}, say) for the document's text after {@link QualityText#prepare}, written to {@code
 * meta.quality}, and judged against a threshold. Never throws on any text: empty text is scored
 * as fastText scores an empty line.
 */
public final class QualityScorer {
  /** Meta key of the score. */
  public static final String META_KEY = MetaKeys.QUALITY.name();

  private final FastTextModel model;
  private final String label;

  public QualityScorer(FastTextModel model, String label) {
    this.model = model;
    this.label = label;
  }

  /** Probability of the label for {@code text}, in [0, 1]. */
  public double score(String text) {
    return model.probability(QualityText.prepare(text), label);
  }

  /** The document with its score in {@code meta.quality}. */
  public Document scored(Document doc) {
    return doc.withMeta(META_KEY, format(score(doc.getText())));
  }

  /**
   * Keeps {@code doc} (with its score) when the score is at least {@code threshold}, else drops it
   * with {@link QualityReason#BELOW_THRESHOLD}.
   */
  public Verdict judge(Document doc, double threshold) {
    double s = score(doc.getText());
    Document out = doc.withMeta(META_KEY, format(s));
    if (s >= threshold) return Verdict.keep(out);
    return Verdict.drop(QualityReason.BELOW_THRESHOLD,
        String.format(Locale.ROOT, "%s %.4f < %s", label, s, threshold));
  }

  /**
   * The outcome of {@code input} (the document as it entered the stage) when {@code doc} (the same
   * after earlier filter steps) is judged against {@code threshold}: kept as {@code doc} with its
   * score, or rejected with the score in the rejected row's {@code meta.quality} too, so the
   * report shows the scores of what was removed beside those of what was kept.
   */
  public Outcome outcome(Document input, Document doc, double threshold) {
    double s = score(doc.getText());
    String f = format(s);
    if (s >= threshold) return Outcome.of(input, Verdict.keep(doc.withMeta(META_KEY, f)));
    return Outcome.of(input.withMeta(META_KEY, f), Verdict.drop(QualityReason.BELOW_THRESHOLD,
        String.format(Locale.ROOT, "%s %.4f < %s", label, s, threshold)));
  }

  /** fastText computes in float: the score as the float it is. */
  public static String format(double score) {
    return Float.toString((float) score);
  }

  /** The score in {@code meta.quality}, or NaN if absent or not a number. */
  public static double read(Document doc) {
    String v = doc.getMeta() == null ? null : doc.getMeta().get(META_KEY);
    if (v == null) return Double.NaN;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
