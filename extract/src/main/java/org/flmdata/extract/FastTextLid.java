package org.flmdata.extract;

import com.github.jfasttext.JFastText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fastText language identification ({@code lid.176.bin} / {@code lid.176.ftz} and models in their
 * format) through the JNI wrapper {@code com.github.vinhkhuc:jfasttext}. A model is loaded once
 * per JVM and path and shared by the executor's threads (the native predict is safe to share,
 * DEPENDENCIES.md). Text is given as fastText's CLI gives it: the first {@value #SAMPLE_CHARS}
 * characters, line breaks as spaces, one trailing newline.
 */
final class FastTextLid {
  static final int SAMPLE_CHARS = 4096;
  private static final String PREFIX = "__label__";
  private static final ConcurrentHashMap<String, FastTextLid> MODELS = new ConcurrentHashMap<>();

  private final JFastText model;

  private FastTextLid(String path) {
    if (!Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException("extract.lid_model: no such file: " + path);
    }
    model = new JFastText();
    model.loadModel(path);
  }

  /** The model at {@code path}, loaded on first use in this JVM. */
  static FastTextLid of(String path) {
    return MODELS.computeIfAbsent(path, FastTextLid::new);
  }

  /** A language and the model's probability for it. */
  record Prediction(String lang, double prob) {}

  /** The most probable language of {@code text}, or null for text without letters. */
  Prediction predict(String text) {
    if (text == null) return null;
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    sample = sample.replace('\n', ' ').replace('\r', ' ').strip();
    if (sample.isEmpty()) return null;
    JFastText.ProbLabel p = model.predictProba(sample + "\n");
    if (p == null || p.label == null) return null;
    String label = p.label.startsWith(PREFIX) ? p.label.substring(PREFIX.length()) : p.label;
    // fastText adds 1e-5 to every probability before the log: clamp to 1
    return new Prediction(label.toLowerCase(Locale.ROOT), Math.min(1.0, Math.exp(p.logProb)));
  }
}
