package org.flmdata.pipeline;

import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One row of a stage's output: a document that entered the stage and what became of it. Every
 * document that enters a stage leaves as exactly one Outcome, kept or rejected, so the ledger
 * (docs and bytes per stage, domain, language and rule) is computed from written output and
 * reconciles exactly.
 *
 * <p>{@code bytesIn} is the size of what entered the stage for this document (UTF-8 text, or the
 * raw record payload for extraction); {@code bytesOut} is the UTF-8 size of the text it leaves
 * with (0 when rejected). Rejected rows may carry no text (see {@code rejected_text_fraction}),
 * which is why sizes are columns of their own.
 */
public class Outcome extends DocumentFields {
  private static final long serialVersionUID = 1L;

  public static final String KEPT = "kept";
  public static final String REJECTED = "rejected";

  public static final Encoder<Outcome> ENCODER = Encoders.bean(Outcome.class);

  /** Column order of the written Parquet files (partition columns status, domain excluded). */
  public static final String[] DATA_COLUMNS = {
    "id", "source", "url", "lang", "text", "meta", "rule", "reason", "detail", "bytesIn", "bytesOut"
  };

  private String status;
  private String rule;
  private String reason;
  private String detail;
  private long bytesIn;
  private long bytesOut;

  public Outcome() {}

  /** The document leaves the stage kept; {@code bytesIn} is what it weighed when it entered. */
  public static Outcome kept(Document doc, long bytesIn) {
    Outcome o = of(doc, KEPT, bytesIn);
    o.bytesOut = utf8Length(doc.getText());
    return o;
  }

  /** The document leaves the stage rejected for {@code reason}. */
  public static Outcome rejected(Document doc, DropReason reason, String detail, long bytesIn) {
    Outcome o = of(doc, REJECTED, bytesIn);
    o.rule = reason.rule();
    o.reason = reason.reason();
    o.detail = detail == null ? "" : detail;
    o.bytesOut = 0;
    return o;
  }

  /** The outcome of applying {@code verdict} to {@code input}. */
  public static Outcome of(Document input, Verdict verdict) {
    long in = utf8Length(input.getText());
    if (verdict instanceof Verdict.Keep k) {
      return kept(k.doc(), in);
    }
    Verdict.Drop d = (Verdict.Drop) verdict;
    return rejected(input, d.reason(), d.detail(), in);
  }

  private static Outcome of(Document doc, String status, long bytesIn) {
    Outcome o = new Outcome(doc);
    if (o.getLang() == null) o.setLang(Document.UNKNOWN_LANG);
    o.status = status;
    o.bytesIn = bytesIn;
    return o;
  }

  private Outcome(Document doc) {
    super(doc);
  }

  public boolean isKept() {
    return KEPT.equals(status);
  }

  /** UTF-8 length of {@code s} without encoding it; unpaired surrogates count as '?' (1 byte). */
  public static long utf8Length(String s) {
    if (s == null) return 0;
    long n = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static long utf8LengthSlow(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public long getBytesIn() {
    return bytesIn;
  }

  public void setBytesIn(long bytesIn) {
    this.bytesIn = bytesIn;
  }

  public long getBytesOut() {
    return bytesOut;
  }

  public void setBytesOut(long bytesOut) {
    this.bytesOut = bytesOut;
  }

  @Override
  public String toString() {
    return "Outcome{" + status + (rule == null ? "" : " " + rule + "/" + reason) + ", id="
        + getId() + ", domain=" + getDomain() + ", lang=" + getLang() + "}";
  }
}
