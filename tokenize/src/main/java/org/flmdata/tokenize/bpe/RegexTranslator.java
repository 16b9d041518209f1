package org.flmdata.tokenize.bpe;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a pre-tokenizer regex written for the Rust library (Oniguruma) to a Java pattern with
 * the same meaning. The patterns GPT-2, Llama-3 and Qwen2 use ({@code \p{L}}, {@code \p{N}},
 * {@code (?i:'s|...)}, {@code \s+(?!\S)}) are valid Java syntax; what differs is {@code \s}:
 * Oniguruma's is Unicode White_Space (incl. U+00A0, U+3000, U+2028), Java's only ASCII unless
 * {@link Pattern#UNICODE_CHARACTER_CLASS}, which also gives Unicode case folding for
 * {@code (?i)} as Oniguruma does. Parity with the Rust library is tested on real tokenizers.
 */
final class RegexTranslator {
  private RegexTranslator() {}

  static Pattern compile(String onigPattern, String file) {
    try {
      return Pattern.compile(onigPattern, Pattern.UNICODE_CHARACTER_CLASS);
    } catch (PatternSyntaxException e) {
      throw new TokenizerFormatException(
          file + ": pre-tokenizer regex does not compile in Java: " + e.getDescription()
              + " in " + onigPattern, e);
    }
  }
}
