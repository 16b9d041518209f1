package org.flmdata.pipeline;

import java.io.Serializable;
import java.util.LinkedHashMap;
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
public class Document implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Language code of a document whose language is not (yet) known. */
  public static final String UNKNOWN_LANG = "und";

  public static final Encoder<Document> ENCODER = Encoders.bean(Document.class);

  private String id;
  private String domain;
  private String source;
  private String url;
  private String lang;
  private String text;
  private Map<String, String> meta;

  public Document() {
    this.meta = new LinkedHashMap<>();
  }

  public Document(
      String id, String domain, String source, String url, String lang, String text,
      Map<String, String> meta) {
    this.id = id;
    this.domain = domain;
    this.source = source;
    this.url = url;
    this.lang = lang;
    this.text = text;
    this.meta = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
  }

  /** A copy with other text; every other field, meta included, is copied. */
  public Document withText(String newText) {
    return new Document(id, domain, source, url, lang, newText, meta);
  }

  /** A copy with another language code. */
  public Document withLang(String newLang) {
    return new Document(id, domain, source, url, newLang, text, meta);
  }

  /** A copy with one more (or replaced) meta entry. */
  public Document withMeta(String key, String value) {
    Document copy = new Document(id, domain, source, url, lang, text, meta);
    copy.meta.put(key, value);
    return copy;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getLang() {
    return lang;
  }

  public void setLang(String lang) {
    this.lang = lang;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Map<String, String> getMeta() {
    return meta;
  }

  public void setMeta(Map<String, String> meta) {
    this.meta = meta == null ? new LinkedHashMap<>() : meta;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Document d)) return false;
    return Objects.equals(id, d.id) && Objects.equals(domain, d.domain)
        && Objects.equals(source, d.source) && Objects.equals(url, d.url)
        && Objects.equals(lang, d.lang) && Objects.equals(text, d.text)
        && Objects.equals(meta, d.meta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, domain, source, url, lang, text, meta);
  }

  @Override
  public String toString() {
    String t = text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return "Document{id=" + id + ", domain=" + domain + ", source=" + source + ", lang=" + lang
        + ", text=" + t + "}";
  }
}
