package org.flmdata.pipeline.config;

/**
 * A configuration problem found before any Spark work: one line naming the file, the key and
 * what to change, e.g. {@code domains/webtext.yaml: clean.min_words must be >= 0, got -3}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error at {@code key} of {@code file}. */
  public static ConfigException at(String file, String key, String problem) {
    return new ConfigException(file + ": " + (key.isEmpty() ? "" : key + " ") + problem);
  }
}
