package org.flmdata.tokenize.bpe;

/** A tokenizer file this encoder cannot load: says the file, the field and what is wrong. */
public final class TokenizerFormatException extends RuntimeException {
  public TokenizerFormatException(String message) {
    super(message);
  }

  public TokenizerFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
