package org.flmdata.extract;

import java.util.List;
import java.util.Locale;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.ModelCache;
import org.flmdata.pipeline.fasttext.ModelCheck;

/**
 * fastText language identification ({@code lid.176.bin} / {@code lid.176.ftz} and models in their
 * format) through the pipeline's checked loader: the driver has accepted the file with {@link
 * ModelCheck} ({@link ExtractStage} does, before any Spark work), and {@link ModelCache} loads it
 * once per JVM and path, shared by the executor's threads. Text is given as fastText's CLI gives
 * it: the first {@value #SAMPLE_CHARS} characters, line breaks as spaces, one trailing newline.
 */
final class FastTextLid {
  static final int SAMPLE_CHARS = 4096;
  private static final String PREFIX = "__label__";

  private final FastTextModel model;

  private FastTextLid(FastTextModel model) {
    this.model = model;
  }

  /** The model at {@code path} (one {@link ModelCheck} has accepted), loaded once per JVM. */
  static FastTextLid of(String path) {
    return new FastTextLid(ModelCache.get(path));
  }

  /** The loaded model (shared by every instance for the same path). */
  FastTextModel model() {
    return model;
  }

  /** A language and the model's probability for it. */
  record Prediction(String lang, double prob) {}

  /** The most probable language of {@code text}, or null for text without letters. */
  Prediction predict(String text) {
    if (text == null) return null;
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    sample = sample.replace('\n', ' ').replace('\r', ' ').strip();
    if (sample.isEmpty()) return null;
    List<org.flmdata.pipeline.fasttext.Prediction> top = model.predict(sample, 1);
    if (top.isEmpty()) return null;
    String label = top.get(0).label();
    label = label.startsWith(PREFIX) ? label.substring(PREFIX.length()) : label;
    return new Prediction(label.toLowerCase(Locale.ROOT), top.get(0).prob());
  }
}
