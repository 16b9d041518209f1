package org.flmdata.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Text normalisation, the first step of cleaning: mojibake repair (UTF-8 read as Windows-1252,
 * "CafÃ©" -> "Café", undone when the whole text round-trips strictly), rejection of text with too
 * many U+FFFD, Unicode NFC or NFKC, line endings to '\n', control and zero-width characters
 * removed (ZWJ/ZWNJ kept: emoji and Persian need them), inner whitespace runs to one space,
 * trailing whitespace and runs of blank lines squeezed; leading indentation is kept (code). For
 * Chinese, full-width ASCII letters and digits become half-width while full-width punctuation
 * (，。！？) stays, since it is the terminal punctuation of Chinese text.
 */
public final class Normaliser {
  private Normaliser() {}

  private static final Charset CP1252 = Charset.forName("windows-1252");
  /**
   * Two-char sequences typical of UTF-8 decoded as Windows-1252 ("Ã©", "â€™", "Â "): one of
   * ÃÂÅÐÑâ, then U+0080..U+00BF or one of the Windows-1252 characters below. A scan, not a regex:
   * it runs over every document.
   */
  private static final String MOJIBAKE_LEAD = "ÃÂÅÐÑâ";

  private static final String MOJIBAKE_TRAIL = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

  static boolean mayBeMojibake(String t) {
    for (int i = 0, n = t.length() - 1; i < n; i++) {
      char c = t.charAt(i);
      if (c < 'Â' || MOJIBAKE_LEAD.indexOf(c) < 0) continue;
      char d = t.charAt(i + 1);
      if ((d >= '\u0080' && d <= '\u00BF') || MOJIBAKE_TRAIL.indexOf(d) >= 0) return true;
    }
    return false;
  }

  public static RuleResult apply(String text, boolean nfkc, boolean zh, double maxReplacement) {
    if (text == null || text.isBlank()) return RuleResult.drop(CleanReason.EMPTY, "");
    String t = text;
    if (mayBeMojibake(t)) t = repairMojibake(t);
    int bad = 0;
    for (int i = 0; i < t.length(); i++) if (t.charAt(i) == '\uFFFD') bad++;
    double share = (double) bad / t.length();
    if (bad > 0 && share > maxReplacement) {
      return RuleResult.drop(CleanReason.MOJIBAKE, share, maxReplacement);
    }
    Normalizer.Form form = nfkc ? Normalizer.Form.NFKC : Normalizer.Form.NFC;
    if (!Normalizer.isNormalized(t, form)) t = Normalizer.normalize(t, form);
    t = squeeze(t, zh);
    if (t.isBlank()) return RuleResult.drop(CleanReason.EMPTY, "");
    return RuleResult.modified(text, t);
  }

  /** Windows-1252 as browsers decode it: its five undefined bytes map to U+0081... (Latin-1). */
  private static final char[] SLOPPY_1252 = new char[256];
  private static final java.util.Map<Character, Byte> SLOPPY_BYTES = new java.util.HashMap<>();

  static {
    for (int b = 0; b < 256; b++) {
      String s = new String(new byte[] {(byte) b}, CP1252);
      char c = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) b;
      SLOPPY_1252[b] = c;
      SLOPPY_BYTES.put(c, (byte) b);
    }
  }

  /** {@code text} as a browser shows UTF-8 bytes decoded as Windows-1252 (for tests). */
  static String garble(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) sb.append(SLOPPY_1252[b & 0xff]);
    return sb.toString();
  }

  /** The text re-decoded as UTF-8 from its (sloppy) Windows-1252 bytes, or itself. */
  static String repairMojibake(String t) {
    byte[] bytes = new byte[t.length()];
    for (int i = 0; i < t.length(); i++) {
      Byte b = SLOPPY_BYTES.get(t.charAt(i));
      if (b == null) return t; // a character no single byte gives: not this kind of mojibake
      bytes[i] = b;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return t;
    }
  }

  static String squeeze(String t, boolean zh) {
    int n = t.length();
    // each character gives at most one (a '\r' before '\n' none): lines are written in place, the
    // current one being out[lineStart, len), trimmed or kept when its end is reached
    char[] out = new char[n + 1];
    int len = 0;
    int lineStart = 0;
    int blankRun = 0;
    boolean content = false; // the line has a non-space character: later spaces are inner
    for (int i = 0; i <= n; i++) {
      char c = i < n ? t.charAt(i) : '\n';
      if (c > ' ' && c < 0x7F) { // printable ASCII: the common case
        out[len++] = c;
        content = true;
        continue;
      }
      if (c == '\r') {
        if (i + 1 < n && t.charAt(i + 1) == '\n') continue;
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        while (len > lineStart && out[len - 1] == ' ') len--;
        if (len == lineStart) {
          blankRun++;
          if (blankRun <= 1 && lineStart > 0 && i < n) out[len++] = '\n';
        } else {
          blankRun = 0;
          out[len++] = '\n';
        }
        lineStart = len;
        content = false;
        continue;
      }
      if (c == '\t' && len == lineStart) {
        out[len++] = '\t';
        continue;
      }
      if (isSpace(c)) {
        if (!content || out[len - 1] != ' ') out[len++] = ' ';
        continue;
      }
      if (isRemoved(c)) continue;
      if (zh && c >= '\uFF01' && c <= '\uFF5E' && Character.isLetterOrDigit(c)) {
        c = (char) (c - 0xFEE0);
      }
      out[len++] = c;
      content = true;
    }
    while (len > 0 && out[len - 1] == '\n') len--;
    return new String(out, 0, len);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u2007'
        || c == '\u202F' || (c >= '\u2000' && c <= '\u200A') || c == '\u000B' || c == '\u000C';
  }

  /** Control characters (but '\n', '\t'), zero-width space/no-break, BOM, soft hyphen. */
  private static boolean isRemoved(char c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return true;
    return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c == '\u200E'
        || c == '\u200F';
  }
}
