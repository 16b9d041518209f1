package org.flmdata.pipeline;

import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One document, the unit every stage reads and writes. The schema is the same after every stage
 * (DESIGN.md "Contracts"): {@code id} is stable (WARC-Record-ID, or source + file + record
 * position), {@code domain} is the Table 1 domain, {@code source} the subset inside it, {@code
 * url} may be null, {@code lang} is an ISO 639-1 code or {@code "und"}, {@code meta} holds string
 * facts (title, fetch date, content type, quality score, ...).
 *
 * <p>A JavaBean, because Spark's bean encoder cannot see record components; use {@link #ENCODER}.
 */
public class Document extends DocumentFields {
  private static final long serialVersionUID = 1L;

  /** Language code of a document whose language is not (yet) known. */
  public static final String UNKNOWN_LANG = "und";

  public static final Encoder<Document> ENCODER = Encoders.bean(Document.class);

  public Document() {}

  public Document(
      String id, String domain, String source, String url, String lang, String text,
      Map<String, String> meta) {
    super(id, domain, source, url, lang, text, meta);
  }

  /** A copy with other text; every other field, meta included, is copied. */
  public Document withText(String newText) {
    Document copy = new Document(this);
    copy.setText(newText);
    return copy;
  }

  /** A copy with another language code. */
  public Document withLang(String newLang) {
    Document copy = new Document(this);
    copy.setLang(newLang);
    return copy;
  }

  /** A copy with one more (or replaced) meta entry. */
  public Document withMeta(String key, String value) {
    Document copy = new Document(this);
    copy.getMeta().put(key, value);
    return copy;
  }

  private Document(Document d) {
    super(d);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Document d)) return false;
    return Objects.equals(getId(), d.getId()) && Objects.equals(getDomain(), d.getDomain())
        && Objects.equals(getSource(), d.getSource()) && Objects.equals(getUrl(), d.getUrl())
        && Objects.equals(getLang(), d.getLang()) && Objects.equals(getText(), d.getText())
        && Objects.equals(getMeta(), d.getMeta());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getId(), getDomain(), getSource(), getUrl(), getLang(), getText(),
        getMeta());
  }

  @Override
  public String toString() {
    String text = getText();
    String t = text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return "Document{id=" + getId() + ", domain=" + getDomain() + ", source=" + getSource()
        + ", lang=" + getLang() + ", text=" + t + "}";
  }
}
