package org.flmdata.filter.quality;

import static org.flmdata.pipeline.text.Scripts.isCjk;

/**
 * The one text preprocessing of the quality classifier, used both to write training lines and to
 * score documents, so the model sees at scoring time exactly the kind of text it was trained on.
 *
 * <p>Lower-cases (root locale), separates every CJK ideograph, kana and hangul syllable into its own
 * token (fastText splits on whitespace only, and Chinese/Japanese text has none; one character a
 * token is what the ChineseWebText classifier sees after segmentation, without a segmenter),
 * separates punctuation from words, turns every run of whitespace or control characters into one
 * space, defuses words that start like a fastText label, and keeps at most {@link #MAX_CHARS} characters (the head of a long document decides its
 * quality as well as the whole, at bounded cost). Never throws; null gives "".
 */
public final class QualityText {
  /** Characters of a document that are scored (and trained on). */
  public static final int MAX_CHARS = 100_000;

  private QualityText() {}

  public static String prepare(String text) {
    if (text == null || text.isEmpty()) return "";
    int len = Math.min(text.length(), MAX_CHARS);
    StringBuilder sb = new StringBuilder(len + len / 4);
    boolean space = true;
    for (int i = 0; i < len; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
        if (!space) {
          sb.append(' ');
          space = true;
        }
      } else if (isCjk(cp) || isPunctuation(cp) && !inWord(text, i, len, cp)) {
        if (!space) sb.append(' ');
        appendLower(sb, cp);
        sb.append(' ');
        space = true;
      } else {
        appendLower(sb, cp);
        space = false;
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') end--;
    sb.setLength(end);
    // a word that looks like a fastText label would be read as one when training
    return sb.indexOf("__label__") < 0 ? sb.toString() : sb.toString().replace("__label__", "_label_");
  }

  private static void appendLower(StringBuilder sb, int cp) {
    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      sb.append('\uFFFD');
    } else {
      sb.appendCodePoint(Character.toLowerCase(cp));
    }
  }

  /** An apostrophe or hyphen between two letters stays in its word ({@code it's}, {@code e-mail}). */
  private static boolean inWord(String text, int next, int len, int cp) {
    if (cp != '\'' && cp != '\u2019' && cp != '-') return false;
    int prev = next - 2;
    return prev >= 0 && next < len && Character.isLetter(text.charAt(prev))
        && Character.isLetter(text.charAt(next));
  }

  private static boolean isPunctuation(int cp) {
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION && cp != '_' || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }
}
