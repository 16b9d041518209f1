package org.flmdata.pipeline.fasttext;

import com.github.jfasttext.FastTextWrapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;

/**
 * A fastText model ({@code .bin} or quantized {@code .ftz}) loaded in this JVM through JNI
 * (jfasttext 0.5, whose linux-x86_64 native library comes inside its jar).
 *
 * <p>Predictions match fastText's command line ({@code fasttext predict-prob model - k}) on one
 * line of text: newlines inside the text become spaces (the CLI reads one text per line) and a
 * trailing newline is appended, which makes fastText add the end-of-sentence token {@code </s>}
 * as the CLI and the official Python binding do. Text crosses JNI as UTF-8 bytes whatever the
 * JVM's default charset; unpaired surrogates become {@code ?}.
 *
 * <p>Thread-safe: fastText's {@code predict} is a const method that uses only per-call buffers,
 * so one instance serves every task thread of an executor (see {@link ModelCache}).
 *
 * <p>Never construct one from a file that {@link ModelCheck} has not accepted: fastText aborts the
 * whole process (a native {@code assert} or {@code exit()}) on some damaged files.
 */
public final class FastTextModel {
  static {
    // JavaCPP checks the process's physical memory (reading /proc) on every native allocation,
    // which here is one per prediction and made JNI 0.7x of the fastText CLI per core; every
    // pointer of this class is closed explicitly, so that safety net is not needed. Set before
    // JavaCPP's Pointer class initialises, and only if the user has not chosen a value.
    if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
      System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
    }
  }

  private final String path;
  private final FastTextWrapper.FastTextApi api;
  private final int nLabels;

  private FastTextModel(String path, FastTextWrapper.FastTextApi api) {
    this.path = path;
    this.api = api;
    this.nLabels = api.getNLabels();
  }

  /**
   * Loads a model file in this process. Only for files already accepted by {@link
   * ModelCheck#verify}: damaged files can kill the JVM here.
   */
  public static FastTextModel loadVerified(String localPath) {
    FastTextWrapper.FastTextApi api = new FastTextWrapper.FastTextApi();
    try (BytePointer p = utf8(localPath)) {
      api.loadModel(p);
    }
    return new FastTextModel(localPath, api);
  }

  private static BytePointer utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[b.length + 1];
    System.arraycopy(b, 0, z, 0, b.length);
    return new BytePointer(z);
  }

  /** The file this model was loaded from. */
  public String path() {
    return path;
  }

  /** Number of labels the model predicts. */
  public int labelCount() {
    return nLabels;
  }

  /** Every label of the model, as it names them (e.g. {@code __label__en}), in its order. */
  public List<String> labels() {
    List<String> out = new ArrayList<>(nLabels);
    for (int i = 0; i < nLabels; i++) {
      BytePointer b = api.getLabel(i);
      out.add(b.getString(StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * The {@code k} most probable labels of {@code text} (all labels if {@code k <= 0} or larger
   * than the model's, less those whose probability underflows to 0 in fastText's float
   * arithmetic), most probable first. Never throws on any string: null and empty text are
   * predicted as an empty line (the end-of-sentence token alone), as the CLI does.
   *
   * <p>The text is encoded straight into a native buffer of the calling thread ({@link LineBuffer}),
   * and every native object the call gets back is freed before it returns, so a prediction
   * allocates no native memory of its own and leaves nothing for the garbage collector to free.
   */
  public List<Prediction> predict(String text, int k) {
    int kk = k <= 0 || k > nLabels ? nLabels : k;
    LineBuffer buf = LineBuffer.get();
    BytePointer in = buf.line(text);
    try (FastTextWrapper.FloatStringPairVector v = api.predictProba(in, kk)) {
      int n = (int) v.size();
      List<Prediction> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        double prob = Math.exp(v.first(i));
        try (BytePointer label = v.second(i)) {
          out.add(new Prediction(buf.string(label), Math.min(1.0, prob)));
        }
      }
      return out;
    } finally {
      buf.release(in);
    }
  }

  /**
   * Probability of {@code label} for {@code text}: fastText's softmax over all labels, or 0 when
   * the model does not know the label or fastText drops it as underflowing.
   */
  public double probability(String text, String label) {
    for (Prediction p : predict(text, nLabels)) {
      if (p.label().equals(label)) return p.prob();
    }
    return 0.0;
  }
}
