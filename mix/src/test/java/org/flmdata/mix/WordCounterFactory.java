package org.flmdata.mix;

import org.flmdata.pipeline.TokenCounter;
import org.flmdata.pipeline.TokenCounterFactory;
import org.flmdata.pipeline.io.HadoopConf;

/** A deterministic stand-in tokenizer for planner math: one token per whitespace-separated word. */
final class WordCounterFactory implements TokenCounterFactory {
  private static final long serialVersionUID = 1L;

  @Override
  public TokenCounter open(String tokenizerPath, HadoopConf conf) {
    return WordCounterFactory::words;
  }

  static int words(String text) {
    if (text == null) return 0;
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean ws = Character.isWhitespace(text.charAt(i));
      if (!ws && !in) n++;
      in = !ws;
    }
    return n;
  }
}
