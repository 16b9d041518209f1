package org.flmdata.pipeline.fasttext;

import java.util.concurrent.ConcurrentHashMap;

/**
 * fastText models loaded in this JVM, one per file path, kept for the life of the JVM.
 *
 * <p>Why a static cache: a model must be loaded once per executor, not per record or per task
 * (lid.176.bin is 126 MB, a quality model several hundred), and Spark gives executors no hook to
 * own per-JVM state other than a static. The cache holds immutable, thread-safe models keyed by
 * path, is filled only after the driver has checked each file ({@link ModelCheck}), and is never
 * changed by tests; a run uses a handful of models, so nothing is ever evicted.
 */
public final class ModelCache {
  private static final ConcurrentHashMap<String, FastTextModel> MODELS = new ConcurrentHashMap<>();

  private ModelCache() {}

  /** The model at {@code localPath}, loaded on first use in this JVM. */
  public static FastTextModel get(String localPath) {
    return MODELS.computeIfAbsent(localPath, FastTextModel::loadVerified);
  }
}
