package org.flmdata.extract;

import org.flmdata.pipeline.MetaKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.DropReason;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.io.InputFiles.InputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input file being read on an executor: builds ids and draft documents, applies the checks
 * every extracted document goes through ({@code min_text_chars}, then language), and logs failures.
 * Ids: {@code <source>/<relative path>#<n>} for the n-th record of a file (1-based: the line number
 * for line formats, 1 for one-document files, the row for Parquet), {@code <source>/<relative
 * path>@<byte>} for a WARC record without WARC-Record-ID and for a failure at a byte offset; an
 * input's {@code id_field} value wins when present.
 */
final class FileContext {
  private static final Logger LOG = LoggerFactory.getLogger(FileContext.class);

  final InputContext in;
  final InputFile file;
  private final TikaWorker tika;
  private final Map<DropReason, Integer> warnings = new HashMap<>();

  FileContext(InputContext in, InputFile file) {
    this(in, file, new TikaWorker(in.tikaTimeoutMs()));
  }

  /** With the task's Tika worker, shared by the files of one task. */
  FileContext(InputContext in, InputFile file, TikaWorker tika) {
    this.in = in;
    this.file = file;
    this.tika = tika;
  }

  String recordId(long n) {
    return in.input().source() + "/" + file.relative() + "#" + n;
  }

  String offsetId(long offset) {
    return in.input().source() + "/" + file.relative() + "@" + offset;
  }

  /** A document of this file without text yet; meta holds the file (and offset when >= 0). */
  Document draft(String id, String url, long offset) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(MetaKeys.FILE.name(), file.path());
    if (offset >= 0) meta.put(MetaKeys.OFFSET.name(), Long.toString(offset));
    return new Document(
        id, in.domain(), in.input().source(), url, Document.UNKNOWN_LANG, null, meta);
  }

  /**
   * The outcome of a document whose text is extracted: rejected as {@code extract/empty-text} when
   * shorter than {@code min_text_chars}, as {@code lang/not-in-domain} when its language is not the
   * domain's, else kept.
   *
   * @param givenLang the input's language for it ({@code lang_field}), or null
   */
  /**
   * {@link #finish} for an extracted HTML page: rejected as {@code extract/undecodable} when its
   * text is more than {@code max_undecodable_share} replacement characters.
   */
  Outcome finishPage(Document doc, HtmlExtractor.Page page, long bytesIn) {
    double bad = HtmlExtractor.undecodableShare(page.text());
    if (bad > in.maxUndecodableShare()) {
      return Outcome.rejected(
          doc.withText(page.text()),
          ExtractReason.UNDECODABLE,
          String.format(
              java.util.Locale.ROOT, "%.1f%% U+FFFD as %s", 100 * bad, page.charset()),
          bytesIn);
    }
    return finish(doc, page.text(), null, bytesIn);
  }

  /**
   * The outcome of a plain-text payload: decoded as an HTML page's bytes are (declared charset,
   * BOM, strict UTF-8, detection; {@link PageDecoder}), then as {@link #finishPage}.
   */
  Outcome finishText(Document doc, byte[] bytes, int len, String contentType, long bytesIn) {
    PageDecoder.Decoded dec = PageDecoder.decode(bytes, len, contentType);
    Document d =
        doc.withMeta(MetaKeys.CHARSET.name(), dec.charset()).withMeta(MetaKeys.CHARSET_SOURCE.name(), dec.source().key());
    return finishPage(d, new HtmlExtractor.Page("", dec.text(), dec.charset(), dec.source()), bytesIn);
  }

  /**
   * The outcome of a PDF/Office/RTF/XML payload of base type {@code type} ({@link TikaText}):
   * {@code tika/too-large} over {@code max_tika_bytes}, {@code tika/timeout} past {@code
   * tika_timeout_ms}, {@code tika/decompression-bomb} when its parts expand past {@link
   * ExpansionBudget} ({@code max_record_bytes} at most), {@code tika/entity-expansion}, {@code
   * tika/parse-error}, {@code tika/empty} without text, else as {@link
   * #finish}. Text cut at {@code max_record_bytes} characters is kept with meta {@code truncated}.
   */
  Outcome finishDocument(Document doc, byte[] bytes, int len, String type, long bytesIn) {
    if (len > in.maxTikaBytes()) {
      return reject(
          doc, TikaReason.TOO_LARGE, len + " bytes > max_tika_bytes " + in.maxTikaBytes(), bytesIn);
    }
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, in.maxRecordBytes());
    TikaWorker.Attempt a = tika.parse(bytes, len, type, limit, in.maxRecordBytes());
    if (a.status() != TikaWorker.Status.PARSED) return reject(doc, a.reason(), a.detail(), bytesIn);
    TikaText.Result r = a.result();
    Document d = doc;
    if (!r.title().isEmpty()) d = d.withMeta(MetaKeys.TITLE.name(), r.title());
    if (r.truncated()) d = d.withMeta(MetaKeys.TRUNCATED.name(), "text");
    if (r.text().isBlank()) return reject(d.withText(""), TikaReason.EMPTY, type, bytesIn);
    return finish(d, r.text(), null, bytesIn);
  }

  Outcome finish(Document doc, String text, String givenLang, long bytesIn) {
    Document d = doc.withText(text);
    String trimmed = text == null ? "" : text.strip();
    int chars = trimmed.codePointCount(0, trimmed.length());
    if (chars < in.minTextChars()) {
      String g = DomainLanguages.normalize(givenLang);
      if (g != null) d = d.withLang(g);
      return Outcome.rejected(
          d,
          ExtractReason.EMPTY_TEXT,
          chars + " chars < min_text_chars " + in.minTextChars(),
          bytesIn);
    }
    DomainLanguages.Decision lang = in.languages().decide(givenLang, text);
    d = d.withLang(lang.lang());
    if (!Double.isNaN(lang.score())) {
      d = d.withMeta(MetaKeys.LANG_SCORE.name(), threeDecimals(lang.score()));
    }
    String g = DomainLanguages.normalize(givenLang);
    if (g != null && !g.equals(lang.lang())) d = d.withMeta(MetaKeys.LANG_GIVEN.name(), givenLang);
    if (!lang.inDomain()) {
      return Outcome.rejected(d, LangReason.NOT_IN_DOMAIN, lang.lang(), bytesIn);
    }
    return Outcome.kept(d, bytesIn);
  }

  /**
   * The document rejected for {@code reason}. Damage (every {@link ReadReason}, and WARC records
   * that are broken rather than merely not pages) is also logged as one WARN line naming the file
   * and offset, at most {@value #MAX_WARNINGS} per file and reason, so a file of a million bad
   * lines does not flood the log; the ledger counts them all.
   */
  Outcome reject(Document doc, DropReason reason, String detail, long bytesIn) {
    if (isDamage(reason)) warn(reason, doc.getMeta().get(MetaKeys.OFFSET.name()), detail);
    return Outcome.rejected(doc, reason, detail, bytesIn);
  }

  static final int MAX_WARNINGS = 3;

  static boolean isDamage(DropReason r) {
    return r instanceof ReadReason
        || r == WarcReason.BAD_RECORD
        || r == WarcReason.TRUNCATED_RECORD
        || r == WarcReason.BAD_HTTP
        || r == WarcReason.BAD_CHUNKED
        || r == TikaReason.TIMEOUT
        || r == TikaReason.PARSE_ERROR
        || r == TikaReason.DECOMPRESSION_BOMB
        || r == TikaReason.ENTITY_EXPANSION;
  }

  private void warn(DropReason reason, String offset, String detail) {
    int n = warnings.merge(reason, 1, Integer::sum);
    if (n <= MAX_WARNINGS) {
      String at = offset == null ? "" : " at byte " + offset;
      LOG.warn("extract: {}{}: {}: {}", file.path(), at, reason.key(), detail);
    } else if (n == MAX_WARNINGS + 1) {
      LOG.warn(
          "extract: {}: more {} in this file are counted, not logged", file.path(), reason.key());
    }
  }

  /**
   * {@code String.format(Locale.ROOT, "%.3f", x)} without the Formatter (2% of extract's CPU, one
   * call per document): a value in [0, 1000) whose thousandths are not within 1e-6 of a half
   * rounds the same way from its binary value as from its decimal digits, so {@link Math#round}
   * gives the formatter's digits; any other value (a near tie, negative, NaN) goes to the
   * formatter.
   */
  static String threeDecimals(double x) {
    double scaled = x * 1000;
    if (!(x >= 0 && x < 1000) || Math.copySign(1.0, x) < 0
        || Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) {
      return String.format(java.util.Locale.ROOT, "%.3f", x);
    }
    long m = Math.round(scaled);
    long frac = m % 1000;
    return (m / 1000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
  }
}
