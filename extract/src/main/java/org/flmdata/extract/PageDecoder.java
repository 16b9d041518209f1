package org.flmdata.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a web page to a String, choosing the charset from, in order:
 *
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16 LE/BE);
 *   <li>the charset of the HTTP Content-Type header;
 *   <li>a charset declared in the first 4 KB: {@code <meta charset>}, {@code <meta
 *       http-equiv="content-type">}, or an XML declaration;
 *   <li>strict UTF-8, when the bytes are valid UTF-8 (ASCII included);
 *   <li>a guess: ICU4J's statistical detector ({@link #detect}: GB18030, Big5, Shift-JIS, EUC-JP,
 *       EUC-KR, and Cyrillic, Greek, Arabic, Hebrew single-byte charsets) when its charset
 *       decodes the page strictly; else GB18030 when the bytes decode strictly as GB18030 into mostly CJK
 *       characters; else windows-1252.
 * </ol>
 *
 * <p>A declared charset (HTTP or meta) that does not decode the bytes strictly loses to strict
 * UTF-8, then to a strict guess; when nothing decodes strictly, the declared charset is used with
 * replacement characters, which {@link HtmlExtractor#undecodableShare} measures so that the stage
 * can count the page as {@code extract/undecodable}.
 *
 * <p>Labels are mapped as browsers map them (WHATWG Encoding): {@code gb2312}/{@code gbk} decode as
 * GB18030 (their superset), {@code iso-8859-1}/{@code us-ascii} as windows-1252, {@code shift_jis}
 * as windows-31j, {@code euc-kr} as windows-949; a {@code utf-16} label in a meta tag means UTF-8.
 * One exception to "declared wins": a declared Western single-byte charset (iso-8859-1, ascii,
 * windows-1252) loses to a strict UTF-8 decode that succeeds on non-ASCII bytes, because servers
 * default to ISO-8859-1 for pages that are UTF-8, and valid multi-byte UTF-8 is vanishingly rare in
 * real Latin-1 text (DEPENDENCIES.md "Charset trap": try strict UTF-8 before any guess).
 *
 * <p>Pure and total: never throws; invalid sequences in a declared charset become U+FFFD.
 */
public final class PageDecoder {
  private PageDecoder() {}

  /** How far into a page a charset declaration is looked for (HTML's prescan reads 1024). */
  static final int PRESCAN_BYTES = 4096;

  /** The decoded text, the charset used (Java name) and where it came from. */
  public record Decoded(String text, String charset, Source source) {}

  /** Where the charset came from; the lower-case name is written to meta {@code charset_source}. */
  public enum Source {
    BOM,
    HTTP,
    META,
    UTF8,
    GUESS;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset GB18030 = Charset.forName("GB18030");

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("utf8", "UTF-8"),
          Map.entry("unicode-1-1-utf-8", "UTF-8"),
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("iso8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("l1", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("cp1252", "windows-1252"),
          Map.entry("x-cp1252", "windows-1252"),
          Map.entry("gb2312", "GB18030"),
          Map.entry("gbk", "GB18030"),
          Map.entry("x-gbk", "GB18030"),
          Map.entry("gb_2312-80", "GB18030"),
          Map.entry("csgb2312", "GB18030"),
          Map.entry("chinese", "GB18030"),
          Map.entry("euc-cn", "GB18030"),
          Map.entry("cp936", "GB18030"),
          Map.entry("big5", "Big5-HKSCS"),
          Map.entry("gb18030", "GB18030"),
          Map.entry("cn-big5", "Big5-HKSCS"),
          Map.entry("x-x-big5", "Big5-HKSCS"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("ms932", "windows-31j"),
          Map.entry("ms_kanji", "windows-31j"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("korean", "x-windows-949"),
          Map.entry("windows-949", "x-windows-949"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("latin5", "windows-1254"),
          Map.entry("tis-620", "x-windows-874"),
          Map.entry("iso-8859-11", "x-windows-874"));

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:+-]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml\\b[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9_.:+-]+)");
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i)\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:+-]+)");

  /**
   * Decodes {@code bytes[0, length)}.
   *
   * @param httpContentType the HTTP Content-Type header value, or null when there is none
   */
  public static Decoded decode(byte[] bytes, int length, String httpContentType) {
    int len = Math.max(0, Math.min(length, bytes.length));
    if (len >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(lenient(bytes, 3, len - 3, StandardCharsets.UTF_8), "UTF-8", Source.BOM);
    }
    if (len >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new Decoded(
          lenient(bytes, 2, len - 2, StandardCharsets.UTF_16BE), "UTF-16BE", Source.BOM);
    }
    if (len >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new Decoded(
          lenient(bytes, 2, len - 2, StandardCharsets.UTF_16LE), "UTF-16LE", Source.BOM);
    }
    String strictUtf8 = null;
    boolean triedUtf8 = false;
    Charset declared = httpContentType == null ? null : fromHeader(httpContentType);
    Source source = Source.HTTP;
    if (declared == null) {
      declared = fromPrescan(bytes, len);
      source = Source.META;
    }
    if (declared != null) {
      if (declared.equals(WINDOWS_1252)) {
        strictUtf8 = strict(bytes, len, StandardCharsets.UTF_8);
        triedUtf8 = true;
        if (strictUtf8 != null && hasNonAscii(bytes, len)) {
          return new Decoded(strictUtf8, "UTF-8", Source.UTF8);
        }
        return new Decoded(lenient(bytes, 0, len, declared), declared.name(), source);
      }
      String asDeclared = strict(bytes, len, declared);
      if (asDeclared != null) return new Decoded(asDeclared, declared.name(), source);
      // the declaration is wrong (a GBK label on a UTF-8 page, a Big5 page labelled GB2312):
      // a charset that decodes every byte beats one that does not
      strictUtf8 = strict(bytes, len, StandardCharsets.UTF_8);
      if (strictUtf8 != null) return new Decoded(strictUtf8, "UTF-8", Source.UTF8);
      Decoded detected = detect(bytes, len);
      if (detected != null) return detected;
      return new Decoded(lenient(bytes, 0, len, declared), declared.name(), source);
    }
    if (!triedUtf8) strictUtf8 = strict(bytes, len, StandardCharsets.UTF_8);
    if (strictUtf8 != null) return new Decoded(strictUtf8, "UTF-8", Source.UTF8);
    Decoded detected = detect(bytes, len);
    if (detected != null) return detected;
    String gb = strict(bytes, len, GB18030);
    if (gb != null && mostlyCjk(gb)) return new Decoded(gb, GB18030.name(), Source.GUESS);
    return new Decoded(lenient(bytes, 0, len, WINDOWS_1252), WINDOWS_1252.name(), Source.GUESS);
  }

  /** The least confidence (0-100) of ICU's detector that is taken as a guess. */
  static final int MIN_CONFIDENCE = 10;

  /** The least confidence for a non-Latin single-byte guess (Cyrillic, Greek, Arabic, Hebrew). */
  static final int MIN_SINGLE_BYTE_CONFIDENCE = 30;

  private static final java.util.Set<String> LATIN_FAMILY =
      java.util.Set.of(
          "windows-1252", "windows-1250", "windows-1254", "ISO-8859-1", "ISO-8859-2",
          "ISO-8859-9");

  private static final java.util.Set<String> SINGLE_BYTE =
      java.util.Set.of(
          "windows-1251", "KOI8-R", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
          "windows-1253", "windows-1255", "windows-1256", "IBM420", "IBM424");

  /** At most this many bytes are given to the detector (its statistics settle long before). */
  static final int DETECT_BYTES = 64 * 1024;

  /**
   * ICU4J's statistical detector (byte n-grams per charset, markup filtered out) over the first
   * {@value #DETECT_BYTES} bytes: its most confident charset, mapped as browsers map labels, when
   * that decodes the whole page strictly; a Latin guess gives windows-1252 (browsers' default). UTF-16/32
   * guesses are not taken (HTML without a BOM is not UTF-16 in practice). Null when nothing fits.
   * ICU4J comes with Spark (its collations), so the stage adds no jar for it.
   */
  static Decoded detect(byte[] bytes, int len) {
    com.ibm.icu.text.CharsetMatch[] matches;
    try {
      com.ibm.icu.text.CharsetDetector det = new com.ibm.icu.text.CharsetDetector();
      det.enableInputFilter(true);
      det.setText(java.util.Arrays.copyOf(bytes, Math.min(len, DETECT_BYTES)));
      matches = det.detectAll();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
    if (matches == null) return null;
    for (com.ibm.icu.text.CharsetMatch m : matches) {
      if (m.getConfidence() < MIN_CONFIDENCE) break;
      String name = m.getName();
      if (name == null || name.startsWith("UTF-16") || name.startsWith("UTF-32")) continue;
      Charset cs = forLabel(name);
      if (cs == null || cs.equals(StandardCharsets.UTF_8)) continue;
      // among Latin single-byte charsets short texts differ in a few letters and the detector
      // guesses poorly (é as ě): those fall through to windows-1252, as browsers default
      // only the detector's best guess counts: a lesser CJK guess that happens to decode German
      // bytes strictly is still wrong
      if (LATIN_FAMILY.contains(cs.name())) {
        return new Decoded(
            lenient(bytes, 0, len, WINDOWS_1252), WINDOWS_1252.name(), Source.GUESS);
      }
      if (SINGLE_BYTE.contains(cs.name()) && m.getConfidence() < MIN_SINGLE_BYTE_CONFIDENCE) {
        return null;
      }
      String text = strict(bytes, len, cs);
      return text == null ? null : new Decoded(text, cs.name(), Source.GUESS);
    }
    return null;
  }

  /** The charset named by a label as browsers resolve it, or null when unknown. */
  static Charset forLabel(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    if (l.isEmpty()) return null;
    String name = LABELS.getOrDefault(l, l);
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalArgumentException e) {
      return null; // an illegal charset name in a page is data, not a bug
    }
  }

  private static Charset fromHeader(String contentType) {
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? forLabel(m.group(1)) : null;
  }

  /** A declaration in the first {@link #PRESCAN_BYTES}; UTF-16 there means UTF-8 (WHATWG). */
  static Charset fromPrescan(byte[] bytes, int len) {
    String head = new String(bytes, 0, Math.min(len, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    Charset cs = null;
    if (m.find()) cs = forLabel(m.group(1));
    if (cs == null) {
      Matcher meta = META_CHARSET.matcher(head);
      if (meta.find()) cs = forLabel(meta.group(1));
    }
    if (cs != null && cs.name().startsWith("UTF-16")) return StandardCharsets.UTF_8;
    return cs;
  }

  /** {@code bytes} decoded with {@code cs}, or null at the first malformed sequence. */
  static String strict(byte[] bytes, int len, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      // the fast lenient decode replaces each malformed sequence with U+FFFD: without one in its
      // result nothing was malformed and it equals the strict decode (a real U+FFFD on the page
      // takes the strict path)
      String s = new String(bytes, 0, Math.max(0, len), StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') < 0) return s;
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, len))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lenient(byte[] bytes, int off, int len, Charset cs) {
    return new String(bytes, off, Math.max(0, len), cs);
  }

  private static boolean hasNonAscii(byte[] bytes, int len) {
    for (int i = 0; i < len; i++) {
      if (bytes[i] < 0) return true;
    }
    return false;
  }

  /**
   * True when most non-ASCII characters are CJK ideographs or CJK punctuation: GB18030 accepts many
   * byte sequences, so a strict decode alone does not make a page Chinese.
   */
  static boolean mostlyCjk(String s) {
    int nonAscii = 0;
    int cjk = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) continue;
      nonAscii++;
      if ((c >= 0x4E00 && c <= 0x9FFF)
          || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF00 && c <= 0xFFEF)) {
        cjk++;
      }
    }
    return nonAscii > 0 && cjk >= 0.8 * nonAscii;
  }
}
