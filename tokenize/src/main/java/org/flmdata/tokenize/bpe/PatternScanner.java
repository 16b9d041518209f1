package org.flmdata.tokenize.bpe;

/**
 * Hand-written matchers for the pre-tokenizer regexes of GPT-2 (also ByteLevel's
 * {@code use_regex}), Llama-3 and Qwen2, giving the same matches as {@code java.util.regex} with
 * {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} (which {@link RegexTranslator} uses and
 * the parity tests hold to the Rust library) except that the character classes are the Rust
 * library's ({@link UnicodeClasses}: a JVM older than its Unicode version misses newer letters and
 * digits, which changed words and so trained merges), several times faster: one pass over code points,
 * no backtracking machinery, no allocation. Every position of a text starts a match of these
 * patterns (each alternative consumes at least one character and together they cover letters,
 * numbers, whitespace and everything else), so a text is the concatenation of its matches.
 * {@code PatternScannerTest} checks the equality against the regexes on real and random text.
 */
enum PatternScanner {
  /** {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}. */
  GPT2(PreTokenizer.GPT2_PATTERN, false, 0),
  /** Llama-3: contractions in any case, numbers in groups of up to three, newlines kept apart. */
  LLAMA3("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", true, 3),
  /** Qwen2 (and Qwen3): as Llama-3 with one digit per pre-token. */
  QWEN2("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", true, 1);

  final String pattern;
  private final boolean llamaStyle;
  private final int maxDigits;

  PatternScanner(String pattern, boolean llamaStyle, int maxDigits) {
    this.pattern = pattern;
    this.llamaStyle = llamaStyle;
    this.maxDigits = maxDigits;
  }

  /** The scanner for this exact regex source, or null. */
  static PatternScanner of(String regex) {
    for (PatternScanner p : values()) if (p.pattern.equals(regex)) return p;
    return null;
  }

  private static final int LETTER = UnicodeClasses.LETTER;
  private static final int NUMBER = UnicodeClasses.NUMBER;
  private static final int SPACE = UnicodeClasses.SPACE;
  private static final int OTHER = UnicodeClasses.OTHER;
  /** Classes of the chars below U+0100, where most text is. */
  private static final byte[] LATIN1 = new byte[256];

  static {
    for (int c = 0; c < 256; c++) LATIN1[c] = (byte) slowClass(c);
  }

  /**
   * {@code \p{L}}, {@code \p{N}}, Unicode {@code \s}, else other: as the Rust library's regex
   * engine has them ({@link UnicodeClasses}), not as this JVM's Unicode version has them.
   */
  private static int slowClass(int cp) {
    return UnicodeClasses.of(cp);
  }

  private static int classOf(int cp) {
    return cp < 256 ? LATIN1[cp] : slowClass(cp);
  }

  /**
   * The end (exclusive) of the match that starts at {@code i} in {@code s[0, n)} ({@code i < n});
   * always greater than {@code i}.
   */
  int matchEnd(char[] s, int i, int n) {
    int c0 = Character.codePointAt(s, i, n);
    int w0 = Character.charCount(c0);
    int k0 = classOf(c0);
    if (c0 == '\'' && i + 1 < n) {
      int e = contraction(s, i + 1, n);
      if (e > 0) return e;
    }
    if (llamaStyle) {
      // [^\r\n\p{L}\p{N}]?\p{L}+
      if (k0 == LETTER) return run(s, i + w0, n, LETTER);
      if (c0 != '\r' && c0 != '\n' && k0 != NUMBER && i + w0 < n
          && classOf(Character.codePointAt(s, i + w0, n)) == LETTER) {
        return run(s, i + w0, n, LETTER);
      }
      // \p{N}{1,maxDigits}
      if (k0 == NUMBER) {
        int e = i + w0;
        for (int d = 1; d < maxDigits && e < n; d++) {
          int c = Character.codePointAt(s, e, n);
          if (classOf(c) != NUMBER) break;
          e += Character.charCount(c);
        }
        return e;
      }
      // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
      int p = k0 == OTHER ? i : (c0 == ' ' && i + 1 < n && classOf(Character.codePointAt(s, i + 1, n)) == OTHER ? i + 1 : -1);
      if (p >= 0) {
        int e = run(s, p, n, OTHER);
        while (e < n && (s[e] == '\r' || s[e] == '\n')) e++;
        return e;
      }
      // k0 == SPACE from here: \s*[\r\n]+
      int w = run(s, i, n, SPACE);
      for (int j = w - 1; j >= i; j--) {
        char c = s[j];
        if (c == '\r' || c == '\n') return j + 1;
      }
      return spaces(i, w, n);
    }
    // GPT-2: ' ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+'
    if (k0 != SPACE) return run(s, i + w0, n, k0);
    if (c0 == ' ' && i + 1 < n) {
      int c1 = Character.codePointAt(s, i + 1, n);
      int k1 = classOf(c1);
      if (k1 != SPACE) return run(s, i + 1 + Character.charCount(c1), n, k1);
    }
    return spaces(i, run(s, i, n, SPACE), n);
  }

  /** {@code \s+(?!\S)|\s+} for the whitespace run {@code [i, w)}. */
  private static int spaces(int i, int w, int n) {
    if (w == n || w - i < 2) return w;
    return w - 1;
  }

  /** The end of the run of code points of class {@code k} from {@code j}. */
  private static int run(char[] s, int j, int n, int k) {
    while (j < n) {
      char c = s[j];
      if (c < 256) {
        if (LATIN1[c] != k) return j;
        j++;
      } else {
        int cp = Character.codePointAt(s, j, n);
        if (slowClass(cp) != k) return j;
        j += Character.charCount(cp);
      }
    }
    return j;
  }

  /** After an apostrophe at {@code j - 1}: the end of {@code 's|'t|'re|'ve|'m|'ll|'d}, or -1. */
  private int contraction(char[] s, int j, int n) {
    int c1 = Character.codePointAt(s, j, n);
    int e1 = j + Character.charCount(c1);
    if (is(c1, 's') || is(c1, 't') || is(c1, 'm') || is(c1, 'd')) return e1;
    if (e1 < n) {
      int c2 = Character.codePointAt(s, e1, n);
      int e2 = e1 + Character.charCount(c2);
      if ((is(c1, 'r') || is(c1, 'v')) && is(c2, 'e')) return e2;
      if (is(c1, 'l') && is(c2, 'l')) return e2;
    }
    return -1;
  }

  /** {@code c} matches the lower-case letter {@code lower}: exactly, or as (?i) with Unicode case does. */
  private boolean is(int c, char lower) {
    if (c == lower) return true;
    return llamaStyle && Character.toLowerCase(Character.toUpperCase(c)) == lower;
  }
}
