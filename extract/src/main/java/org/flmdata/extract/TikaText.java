package org.flmdata.extract;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.ooxml.extractor.POIXMLExtractorFactory;
import org.apache.poi.ooxml.extractor.POIXMLTextExtractor;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.xml.XMLParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Text of a PDF, Word/Excel/PowerPoint (OLE2 and OOXML), RTF or XML (RSS, Atom) payload through
 * Apache Tika's parsers, chosen by media type from a fixed table: no auto-detection over every
 * parser on the classpath, no OCR, no parser that runs an external program. Bytes are given as a
 * plain in-memory stream, so PDFBox and POI read them in memory and write no temporary file (OOXML
 * goes to POI's extractor directly, since Tika's OOXMLParser spools to a file);
 * embedded documents (attachments, images in a PDF) are not parsed. The text is cut at {@code
 * writeLimit} characters ({@link Result#truncated()}).
 *
 * <p>Hostile documents: an OOXML package or a PDF whose compressed parts expand past {@link
 * ExpansionBudget} is refused before its parser runs ({@link ExpansionBudget.Exceeded}: a zip bomb,
 * a PDF stream or object stream bomb); XML is parsed by Tika's SAX setup, which resolves no external
 * entity and stops after 20 entity expansions (billion laughs), failing with the JDK's {@code
 * JAXP00010001} message ({@link TikaReason#of} tells these failures apart).
 *
 * <p>{@link #parse} runs the parser on the calling thread and may throw anything a parser throws, or
 * run long: {@link TikaWorker} runs it with a time cap.
 */
public final class TikaText {
  private TikaText() {}

  /** Text and title of a parsed document; truncated when the write limit cut it. */
  public record Result(String text, String title, boolean truncated) {}

  /** {@code max_record_bytes}' default: how far a document's parts may expand at most. */
  static final long DEFAULT_MAX_EXPANDED_BYTES = 50L << 20;

  private static final Parser PDF = new PDFParser();
  private static final Parser OLE2 = new OfficeParser();
  /**
   * Marks the OOXML types, which POI reads directly (see {@link #parseOoxml}). Not Tika's
   * OOXMLParser: loading that class turns POI's zip-bomb ratio check off for the whole JVM.
   */
  private static final Parser OOXML = new EmptyParser();
  private static final Parser RTF = new RTFParser();
  private static final Parser XML = new XMLParser();

  private static final Map<String, Parser> PARSERS =
      Map.ofEntries(
          Map.entry("application/pdf", PDF),
          Map.entry("application/x-pdf", PDF),
          Map.entry("application/msword", OLE2),
          Map.entry("application/vnd.ms-word", OLE2),
          Map.entry("application/vnd.ms-excel", OLE2),
          Map.entry("application/vnd.ms-powerpoint", OLE2),
          Map.entry("application/x-tika-msoffice", OLE2),
          Map.entry("application/x-tika-ooxml", OOXML),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", OOXML),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OOXML),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", OOXML),
          Map.entry("application/rtf", RTF),
          Map.entry("text/rtf", RTF),
          Map.entry("application/xml", XML),
          Map.entry("text/xml", XML),
          Map.entry("application/rss+xml", XML),
          Map.entry("application/atom+xml", XML),
          Map.entry("application/rdf+xml", XML));

  /** Whether a parser is configured for this base media type. */
  static boolean supports(String baseType) {
    return PARSERS.containsKey(baseType);
  }

  /**
   * Parses {@code bytes[0, len)} as {@code baseType} (one {@link #supports} accepts), its parts
   * expanding to at most {@link #DEFAULT_MAX_EXPANDED_BYTES}.
   *
   * @throws Exception whatever the parser throws on a broken document
   */
  public static Result parse(byte[] bytes, int len, String baseType, int writeLimit)
      throws Exception {
    return parse(bytes, len, baseType, writeLimit, DEFAULT_MAX_EXPANDED_BYTES);
  }

  /**
   * Parses {@code bytes[0, len)} as {@code baseType}, refusing a package or PDF whose compressed
   * parts expand past {@link ExpansionBudget#of}{@code (len, maxExpandedBytes)}.
   *
   * @throws ExpansionBudget.Exceeded for a decompression bomb, before the parser runs
   * @throws Exception whatever the parser throws on a broken document
   */
  public static Result parse(
      byte[] bytes, int len, String baseType, int writeLimit, long maxExpandedBytes)
      throws Exception {
    Parser parser = PARSERS.get(baseType);
    if (parser == null) throw new IllegalArgumentException("no parser for " + baseType);
    if (parser == OOXML) {
      ExpansionBudget.checkZip(bytes, len, maxExpandedBytes);
      return parseOoxml(bytes, len, writeLimit);
    }
    if (parser == PDF) PdfStreams.check(bytes, len, maxExpandedBytes);
    BodyContentHandler handler = new BodyContentHandler(writeLimit);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, baseType);
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setExtractInlineImages(false);
    pdf.setExtractAnnotationText(true);
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    // incremental-update scanning makes PDFParser spool the stream to a temporary file
    pdf.setExtractIncrementalUpdateInfo(false);
    pdf.setParseIncrementalUpdates(false);
    context.set(PDFParserConfig.class, pdf);
    boolean truncated = false;
    // a plain stream, not a TikaInputStream: parsers then read in memory, never via a temp file
    try (ByteArrayInputStream in = new ByteArrayInputStream(bytes, 0, len)) {
      parser.parse(in, handler, metadata, context);
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) throw e;
      truncated = true;
    }
    String title = metadata.get(TikaCoreProperties.TITLE);
    return new Result(tidy(handler.toString()), title == null ? "" : title.strip(), truncated);
  }

  /**
   * Word, Excel and PowerPoint OOXML through POI's own extractor on an in-memory package: Tika
   * 3.3's OOXMLParser always spools the stream to a temporary file first.
   */
  private static Result parseOoxml(byte[] bytes, int len, int writeLimit) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes, 0, len));
        POIXMLTextExtractor ex = new POIXMLExtractorFactory().create(pkg)) {
      if (ex == null) throw new IllegalArgumentException("not a Word, Excel or PowerPoint package");
      ex.setCloseFilesystem(false);
      String text = ex.getText();
      boolean truncated = text.length() > writeLimit;
      if (truncated) text = text.substring(0, writeLimit);
      String title = pkg.getPackageProperties().getTitleProperty().orElse("");
      return new Result(tidy(text), title.strip(), truncated);
    }
  }

  /**
   * Parser text as paragraphs: trailing spaces off every line, form feeds and runs of blank lines
   * as one blank line, no leading or trailing blank lines.
   */
  static String tidy(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int blank = 0;
    for (String line : s.replace('\f', '\n').replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.isBlank()) {
        blank++;
        continue;
      }
      if (out.length() > 0) out.append(blank > 0 ? "\n\n" : "\n");
      blank = 0;
      out.append(l);
    }
    return out.toString();
  }
}
