package org.flmdata.dedup;

/** What a shingle is made of. */
public enum ShingleUnit {
  /**
   * Words: runs of letters and digits, lower-cased; every CJK character (Han, kana, Hangul) is a
   * word of its own, so CJK text is shingled by characters while Latin text is shingled by words.
   */
  WORD,
  /** Characters: every code point of the lower-cased text, whitespace runs as one space. */
  CHAR
}
