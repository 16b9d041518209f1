package org.flmdata.tokenize.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.flmdata.tokenize.bpe.HfTokenizer;

/**
 * One {@link HfTokenizer} per executor JVM, built from the broadcast tokenizer.json bytes the
 * first time a task asks for it and shared by every task after (the encoder is thread-safe).
 * Keyed by the file's SHA-256, so two runs with different tokenizers in one JVM do not mix.
 */
final class TokenizerHolder {
  private static final ConcurrentHashMap<String, HfTokenizer> BY_SHA = new ConcurrentHashMap<>();

  private TokenizerHolder() {}

  static HfTokenizer get(String sha256, byte[] json, String name) {
    return BY_SHA.computeIfAbsent(sha256, k -> {
      try {
        return HfTokenizer.load(new ByteArrayInputStream(json), name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
