package org.flmdata.clean;

import org.flmdata.pipeline.DropReason;

/**
 * Why the clean stage rejected a document, as {@code clean/<rule>/<reason>}. One closed set for
 * every rule family of the stage; the rule part names the family (gopher-quality, c4, zh, ...).
 */
public enum CleanReason implements DropReason {
  // normalisation
  EMPTY("normalise", "empty"),
  MOJIBAKE("normalise", "mojibake"),
  // Gopher quality (Rae et al. 2021, Table A1; datatrove GopherQualityFilter)
  FEW_WORDS("gopher-quality", "min-words"),
  MANY_WORDS("gopher-quality", "max-words"),
  SHORT_WORDS("gopher-quality", "min-avg-word-length"),
  LONG_WORDS("gopher-quality", "max-avg-word-length"),
  HASHES("gopher-quality", "max-hash-word-ratio"),
  ELLIPSES("gopher-quality", "max-ellipsis-word-ratio"),
  BULLET_LINES("gopher-quality", "max-bullet-lines"),
  ELLIPSIS_LINES("gopher-quality", "max-ellipsis-lines"),
  NON_ALPHA_WORDS("gopher-quality", "min-alpha-words"),
  STOP_WORDS("gopher-quality", "min-stop-words"),
  // Gopher repetition
  DUP_PARA_FRAC("gopher-repetition", "dup-para-frac"),
  DUP_PARA_CHAR_FRAC("gopher-repetition", "dup-para-char-frac"),
  DUP_LINE_FRAC("gopher-repetition", "dup-line-frac"),
  DUP_LINE_CHAR_FRAC("gopher-repetition", "dup-line-char-frac"),
  TOP_NGRAM("gopher-repetition", "top-ngram-char-frac"),
  DUP_NGRAM("gopher-repetition", "dup-ngram-char-frac"),
  // C4 document rules (its line rules modify text)
  LOREM_IPSUM("c4", "lorem-ipsum"),
  CURLY_BRACKET("c4", "curly-bracket"),
  FEW_SENTENCES("c4", "min-sentences"),
  // FineWeb
  LINE_PUNCT("fineweb", "line-punct-ratio"),
  SHORT_LINES("fineweb", "short-line-ratio"),
  DUP_LINE_CHARS("fineweb", "char-dup-ratio"),
  LIST_RATIO("fineweb", "new-line-ratio"),
  // Chinese profile (ChineseWebText preprocess.py)
  ZH_SHORT("zh", "min-chars"),
  ZH_SHORT_LINES("zh", "min-avg-line-chars"),
  ZH_HAN_SHARE("zh", "min-han-share"),
  ZH_REPEAT("zh", "max-repeated-13gram-share"),
  ZH_SENSITIVE("zh", "max-sensitive-words-per-line"),
  // domain cleaners
  CODE_MAX_LINE("code", "max-line-length"),
  CODE_MEAN_LINE("code", "mean-line-length"),
  CODE_ALNUM("code", "min-alnum-fraction"),
  CODE_GENERATED("code", "auto-generated"),
  CODE_DATA_FILE("code", "data-file"),
  QA_SHORT_ANSWER("qa", "short-answer"),
  QA_LINK_ONLY("qa", "link-only-answer"),
  CLEANED_EMPTY("cleaner", "empty-after-cleaning"),
  // corpus-wide
  PARAGRAPH_DEDUP("paragraph-dedup", "too-short");

  private final String rule;
  private final String reason;

  CleanReason(String rule, String reason) {
    this.rule = rule;
    this.reason = reason;
  }

  @Override
  public String rule() {
    return rule;
  }

  @Override
  public String reason() {
    return reason;
  }
}
