package org.flmdata.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

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
  /** Two-char sequences typical of UTF-8 decoded as Windows-1252 ("Ã©", "â€™", "Â "). */
  private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂÅÐÑâ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]");

  public static RuleResult apply(String text, boolean nfkc, boolean zh, double maxReplacement) {
    if (text == null || text.isBlank()) return RuleResult.drop(CleanReason.EMPTY, "");
    String t = text;
    if (MOJIBAKE.matcher(t).find()) t = repairMojibake(t);
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
    StringBuilder out = new StringBuilder(t.length());
    StringBuilder line = new StringBuilder();
    int blankRun = 0;
    boolean content = false; // the line has a non-space character: later spaces are inner
    int n = t.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? t.charAt(i) : '\n';
      if (c == '\r') {
        if (i + 1 < n && t.charAt(i + 1) == '\n') continue;
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        line.setLength(end);
        if (end == 0) {
          blankRun++;
          if (blankRun <= 1 && out.length() > 0 && i < n) out.append('\n');
        } else {
          blankRun = 0;
          out.append(line).append('\n');
        }
        line.setLength(0);
        content = false;
        continue;
      }
      if (c == '\t' && line.length() == 0) {
        line.append('\t');
        continue;
      }
      if (isSpace(c)) {
        if (!content || line.charAt(line.length() - 1) != ' ') line.append(' ');
        continue;
      }
      if (isRemoved(c)) continue;
      if (zh && c >= '\uFF01' && c <= '\uFF5E' && Character.isLetterOrDigit(c)) {
        c = (char) (c - 0xFEE0);
      }
      line.append(c);
      content = true;
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') end--;
    out.setLength(end);
    return out.toString();
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
