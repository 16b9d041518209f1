package org.flmdata.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * The decoded size of a PDF's streams, measured before PDFBox opens the file: PDFBox decodes a
 * stream whole into memory before reading it (page contents, fonts, and the object streams and
 * cross-reference streams it needs just to find the catalog), so a stream of a few megabytes that
 * inflates to gigabytes exhausts the heap of the executor, not only of the parse.
 *
 * <p>The raw bytes are scanned for the {@code stream} keyword after a dictionary; each stream's
 * data ends where PDFBox ends it ({@code /Length} bytes when {@code endstream} follows them, else at
 * the next {@code endstream}), and its filters are read from the dictionary (a name, an array of
 * names, or a reference to either). The filters that expand (Flate, LZW, run-length, and the ASCII
 * ones feeding them) are run by PDFBox's own decoders into an {@link ExpansionBudget.Meter} that
 * keeps nothing. Image streams ({@code /Subtype /Image}) have a budget of their own, {@value
 * #IMAGE_FACTOR} times {@code max_record_bytes} and no ratio rule: text extraction does not decode
 * images, and a scan of blank pages inflates a thousandfold, yet a page's content stream that
 * claims to be an image is still decoded by PDFBox, so its size stays bounded. The scan is linear
 * in the file's size. Not covered: the streams of an encrypted PDF (their
 * bytes are ciphertext until PDFBox decrypts them); those stay under the parse's time cap ({@link
 * TikaWorker}).
 */
final class PdfStreams {
  private PdfStreams() {}

  private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)(?!\\s+\\d+\\s+R)");
  private static final Pattern FILTER =
      Pattern.compile("/Filter\\s*(?:\\[([^\\]]*)\\]|/([^\\s/\\[\\]<>()]+)|(\\d+)\\s+(\\d+)\\s+R)");
  private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()]+)");
  private static final Pattern OBJECT_NUMBER = Pattern.compile("(\\d+)\\s+(\\d+)\\s+$");
  private static final Pattern IMAGE = Pattern.compile("/Subtype\\s*/Image\\b");

  /** How many times {@code max_record_bytes} a PDF's image streams may decode to in all. */
  static final long IMAGE_FACTOR = 4;

  /** Filters that are decoded here: those that expand, and those that feed them. */
  private static final Set<String> DECODED =
      Set.of(
          "FlateDecode", "Fl", "LZWDecode", "LZW", "RunLengthDecode", "RL",
          "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85");

  /** Throws {@link ExpansionBudget.Exceeded} when the streams of {@code b[0, len)} decode past it. */
  static void check(byte[] b, int len, long maxExpandedBytes) throws ExpansionBudget.Exceeded {
    ExpansionBudget.Meter meter = new ExpansionBudget.Meter(len, maxExpandedBytes);
    ExpansionBudget.Meter images =
        new ExpansionBudget.Meter(
            len, IMAGE_FACTOR * maxExpandedBytes, "images: " + IMAGE_FACTOR + " x max_record_bytes");
    Objects objects = new Objects(b, len);
    int from = 0;
    for (int k; (k = indexOf(b, len, STREAM, from)) >= 0; ) {
      int dictFrom = from;
      from = k + STREAM.length;
      int data = dataStart(b, len, from);
      int close = closingBrackets(b, k);
      if (data < 0 || close < 0) continue;
      int obj = lastIndexOf(b, "obj", close, dictFrom);
      String dict = latin1(b, obj, close);
      int end = dataEnd(b, len, data, dict);
      from = end;
      boolean image = IMAGE.matcher(dict).find();
      List<String> filters = filters(dict, objects);
      if (filters.isEmpty()) continue;
      Matcher number = OBJECT_NUMBER.matcher(latin1(b, Math.max(dictFrom, obj - 24), obj));
      String name = number.find() ? "object " + number.group(1) + " " + number.group(2) : "an object";
      decode(filters, b, data, end, image ? images : meter,
          "the " + String.join(" ", filters) + (image ? " image" : "") + " stream of " + name
              + " at byte " + data);
    }
  }

  /**
   * Where a stream's data ends, as PDFBox finds it: after {@code /Length} bytes when that is a
   * number and {@code endstream} follows there, else at the next {@code endstream} (else the end).
   */
  private static int dataEnd(byte[] b, int len, int data, String dict) {
    Matcher m = LENGTH.matcher(dict);
    if (m.find()) {
      long end = data + Long.parseLong(m.group(1).length() > 12 ? "-1" : m.group(1));
      if (end >= data && end <= len) {
        int i = (int) end;
        while (i < len && isSpace(b[i])) i++;
        if (startsWith(b, len, i, ENDSTREAM)) return (int) end;
      }
    }
    int e = indexOf(b, len, ENDSTREAM, data);
    return e < 0 ? len : e;
  }

  private static boolean startsWith(byte[] b, int len, int at, byte[] what) {
    if (at + what.length > len) return false;
    for (int j = 0; j < what.length; j++) if (b[at + j] != what[j]) return false;
    return true;
  }

  /** Where the data of a stream keyword ending at {@code at} starts (after its EOL), else -1. */
  private static int dataStart(byte[] b, int len, int at) {
    if (at < len && b[at] == '\r') at++;
    if (at < len && b[at] == '\n') return at + 1;
    return at > 0 && b[at - 1] == '\r' ? at : -1;
  }

  /** The index just past the {@code >>} that closes the dictionary before {@code k}, else -1. */
  private static int closingBrackets(byte[] b, int k) {
    int i = k - 1;
    while (i >= 0 && isSpace(b[i])) i--;
    return i >= 1 && b[i] == '>' && b[i - 1] == '>' ? i + 1 : -1;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
  }

  /** The stream's filter names (PDF name escapes undone); a reference is looked up in the file. */
  static List<String> filters(String dict, Objects objects) {
    Matcher m = FILTER.matcher(dict);
    if (!m.find()) return List.of();
    String names = m.group(1) != null ? m.group(1) : m.group(2) != null ? "/" + m.group(2) : null;
    if (names == null) names = objects.text(m.group(3) + " " + m.group(4));
    List<String> out = new ArrayList<>();
    Matcher n = NAME.matcher(names);
    while (n.find()) out.add(unescape(n.group(1)));
    return out;
  }

  /** Where each {@code N G obj} of the file's plain text starts, indexed on first use. */
  static final class Objects {
    private static final Pattern HEADER = Pattern.compile("(?<!\\d)(\\d+)\\s+(\\d+)\\s+obj");
    private final byte[] b;
    private final int len;
    private java.util.Map<String, Integer> at;

    Objects(byte[] b, int len) {
      this.b = b;
      this.len = len;
    }

    /**
     * The text of object {@code "N G"} up to {@code endobj} (at most 512 bytes), or {@code
     * /FlateDecode} when it is not in the plain text (in an object stream): the data is then tried
     * as Flate.
     */
    String text(String numberAndGeneration) {
      if (at == null) {
        at = new java.util.HashMap<>();
        Matcher m = HEADER.matcher(latin1(b, 0, len));
        while (m.find()) at.putIfAbsent(m.group(1) + " " + m.group(2), m.end());
      }
      Integer start = at.get(numberAndGeneration);
      if (start == null) return "/FlateDecode";
      String s = latin1(b, start, Math.min(len, start + 512));
      int end = s.indexOf("endobj");
      return end < 0 ? s : s.substring(0, end);
    }
  }

  private static String unescape(String name) {
    if (name.indexOf('#') < 0) return name;
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '#' && i + 2 < name.length()) {
        try {
          s.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        } catch (NumberFormatException e) {
          // a lone '#' stays as it is
        }
      }
      s.append(c);
    }
    return s.toString();
  }

  /**
   * Runs the leading decodable filters over {@code b[from, len)}: the last one into the meter, the
   * ones before it into buffers that the meter also bounds. A decoder error ends the stream (what
   * it decoded so far is counted).
   */
  private static void decode(
      List<String> filters, byte[] b, int from, int len, ExpansionBudget.Meter meter, String part)
      throws ExpansionBudget.Exceeded {
    int n = 0;
    while (n < filters.size() && DECODED.contains(filters.get(n))) n++;
    if (n == 0) return;
    COSDictionary params = new COSDictionary();
    COSArray names = new COSArray();
    for (String f : filters) names.add(COSName.getPDFName(f));
    params.setItem(COSName.FILTER, names);
    InputStream in = new ByteArrayInputStream(b, from, len - from);
    try {
      for (int i = 0; i < n; i++) {
        Filter f = FilterFactory.INSTANCE.getFilter(COSName.getPDFName(filters.get(i)));
        if (i == n - 1) {
          f.decode(in, meter.sink(part), params, i);
        } else {
          Bounded buf = new Bounded(meter, part);
          f.decode(in, buf, params, i);
          in = new ByteArrayInputStream(buf.toByteArray());
        }
      }
    } catch (ExpansionBudget.Exceeded e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // broken data: PDFBox fails on it too, after decoding no more than was counted
    }
  }

  /** An intermediate buffer of a filter chain, no larger than what is left of the budget. */
  private static final class Bounded extends OutputStream {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final ExpansionBudget.Meter meter;
    private final String part;

    Bounded(ExpansionBudget.Meter meter, String part) {
      this.meter = meter;
      this.part = part;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
      if (buf.size() + (long) n > meter.left()) meter.add(buf.size() + (long) n, part);
      buf.write(b, off, n);
    }

    byte[] toByteArray() {
      return buf.toByteArray();
    }
  }

  private static int indexOf(byte[] b, int len, byte[] what, int from) {
    outer:
    for (int i = Math.max(0, from); i <= len - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** The start of the last {@code what} in {@code b[floor, before)}, else {@code floor}. */
  private static int lastIndexOf(byte[] b, String what, int before, int floor) {
    byte[] w = what.getBytes(StandardCharsets.US_ASCII);
    for (int i = before - w.length; i >= floor; i--) {
      boolean hit = true;
      for (int j = 0; j < w.length && hit; j++) hit = b[i + j] == w[j];
      if (hit) return i;
    }
    return floor;
  }

  private static String latin1(byte[] b, int from, int to) {
    return new String(b, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
  }
}
