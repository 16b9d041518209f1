package org.flmdata.clean;

import static org.flmdata.pipeline.text.Scripts.isCjk;

import java.util.ArrayList;
import java.util.List;

/**
 * Word tokens for the word-based rules. Latin-script and other spaced languages: whitespace
 * separated, with leading and trailing punctuation split off as tokens of their own (as NLTK's
 * word_tokenize does for the common cases, which datatrove's filters count with). CJK scripts
 * (Han, Kana, Hangul syllables are not split): every Han or Kana character is one token, so counts
 * for Chinese are in characters, never in whitespace tokens; runs of letters or digits inside CJK
 * text stay one token.
 */
public final class Words {
  private Words() {}

  /**
   * The tokens the word-based rules of profile {@code p} count: {@link ChineseSegmenter} words for
   * the Chinese profile, {@link #tokens(String)} otherwise. Unmodifiable.
   */
  public static List<String> tokens(String text, Profile p) {
    Memo m = LAST.get();
    if (m.text == text && m.zh == p.zh() && text != null) return m.tokens;
    List<String> t = java.util.Collections.unmodifiableList(
        p.zh() ? ChineseSegmenter.tokens(text) : tokens(text));
    m.text = text;
    m.zh = p.zh();
    m.tokens = t;
    return t;
  }

  /**
   * The last tokenisation of this thread: the word-based rules of one document (Gopher repetition,
   * Gopher quality, FineWeb) ask for the tokens of the same String in turn, and segmenting Chinese
   * is the costliest step of the clean path. Keyed by identity, so a changed text never hits.
   */
  private static final class Memo {
    String text;
    boolean zh;
    List<String> tokens;
  }

  private static final ThreadLocal<Memo> LAST = ThreadLocal.withInitial(Memo::new);

  /** All tokens of {@code text}: words and punctuation tokens. Never null. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (isSpace(cp)) {
        i += len;
        continue;
      }
      if (isCjk(cp)) {
        out.add(text.substring(i, i + len));
        i += len;
        continue;
      }
      if (isPunct(cp)) {
        // runs of the same punctuation stay one token ("..." , "--")
        int j = i + len;
        while (j < n && text.codePointAt(j) == cp) j += len;
        out.add(text.substring(i, j));
        i = j;
        continue;
      }
      int j = i;
      while (j < n) {
        int c = text.codePointAt(j);
        if (isSpace(c) || isCjk(c)) break;
        if (isPunct(c)) {
          // inner punctuation (don't, e-mail, 3.14) stays in the word when a letter/digit follows
          int k = j + Character.charCount(c);
          if (k < n && isWordChar(text.codePointAt(k)) && c != '"' && c != '('
              && c != ')' && c != ',') {
            j = k;
            continue;
          }
          break;
        }
        j += Character.charCount(c);
      }
      if (j == i) j = i + len; // never stall
      out.add(text.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean isSpace(int c) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isWordChar(int c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Character.isLetterOrDigit(c);
  }

  /** Tokens that are not punctuation only: the "words" of the Gopher rules. */
  public static List<String> words(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) if (!isPunctOnly(t)) out.add(t);
    return out;
  }

  public static boolean isPunctOnly(String t) {
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (!isPunct(cp)) return false;
      i += Character.charCount(cp);
    }
    return !t.isEmpty();
  }

  private static final boolean[] ASCII_PUNCT = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_PUNCT[c] = isPunctSlow(c);
  }

  /** Punctuation or symbol (Unicode P* and S* categories). */
  public static boolean isPunct(int cp) {
    return cp >= 0 && cp < 128 ? ASCII_PUNCT[cp] : isPunctSlow(cp);
  }

  private static boolean isPunctSlow(int cp) {
    int t = Character.getType(cp);
    return switch (t) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** A CJK Unified Ideograph of the basic block U+4E00..U+9FA5 (ChineseWebText's Han range). */
  public static boolean isHanBasic(char c) {
    return c >= '\u4e00' && c <= '\u9fa5';
  }

  /** Lines of {@code text} split on '\n' (a trailing empty line kept, as Python's split). */
  public static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** Lines as Python's str.splitlines(): no trailing empty line; empty text has none. */
  public static List<String> lines(String text) {
    List<String> out = splitLines(text);
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
    return out;
  }
}
