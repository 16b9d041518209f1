package org.flmdata.pipeline;

/**
 * Counts the tokens of a text as the run's tokenizer encodes it (no special tokens added, no EOD).
 * Thread-safe; never throws on any string (null and empty count 0).
 */
public interface TokenCounter {
  int count(String text);
}
