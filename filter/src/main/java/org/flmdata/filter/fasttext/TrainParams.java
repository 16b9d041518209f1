package org.flmdata.filter.fasttext;

import java.io.Serializable;
import java.util.List;

/**
 * Hyper-parameters of supervised fastText training. Defaults follow fastText's text
 * classification tutorial settings for quality classifiers (CCNet/DCLM style: word bigrams,
 * a few epochs), with one thread so that the same file gives the same model (fastText seeds
 * each thread's generator with its thread id; the 0.5 binding has no {@code -seed}).
 */
public record TrainParams(int epoch, double lr, int dim, int wordNgrams, int minCount,
    String loss, int bucket, int thread) implements Serializable {

  public static final TrainParams DEFAULTS =
      new TrainParams(5, 0.1, 64, 2, 1, "softmax", 2_000_000, 1);

  public TrainParams {
    if (epoch < 1) throw new IllegalArgumentException("epoch must be >= 1, got " + epoch);
    if (!(lr > 0 && lr <= 10)) throw new IllegalArgumentException("lr must be in (0, 10], got " + lr);
    if (dim < 1 || dim > 1000) throw new IllegalArgumentException("dim must be in 1..1000, got " + dim);
    if (wordNgrams < 1 || wordNgrams > 5) {
      throw new IllegalArgumentException("word_ngrams must be in 1..5, got " + wordNgrams);
    }
    if (minCount < 1) throw new IllegalArgumentException("min_count must be >= 1, got " + minCount);
    if (!List.of("softmax", "hs", "ns").contains(loss)) {
      throw new IllegalArgumentException("loss must be softmax, hs or ns, got " + loss);
    }
    if (bucket < 0) throw new IllegalArgumentException("bucket must be >= 0, got " + bucket);
    if (thread < 1 || thread > 256) {
      throw new IllegalArgumentException("thread must be in 1..256, got " + thread);
    }
  }

  public TrainParams withEpoch(int e) {
    return new TrainParams(e, lr, dim, wordNgrams, minCount, loss, bucket, thread);
  }

  public TrainParams withDim(int d) {
    return new TrainParams(epoch, lr, d, wordNgrams, minCount, loss, bucket, thread);
  }

  public TrainParams withBucket(int b) {
    return new TrainParams(epoch, lr, dim, wordNgrams, minCount, loss, b, thread);
  }

  /** fastText's command-line arguments after {@code supervised -input F -output P}. */
  List<String> args() {
    return List.of("-epoch", Integer.toString(epoch), "-lr", Double.toString(lr),
        "-dim", Integer.toString(dim), "-wordNgrams", Integer.toString(wordNgrams),
        "-minCount", Integer.toString(minCount), "-loss", loss,
        "-bucket", Integer.toString(bucket), "-thread", Integer.toString(thread),
        "-verbose", "0");
  }
}
