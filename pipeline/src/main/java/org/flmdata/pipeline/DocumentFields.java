package org.flmdata.pipeline;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seven fields of a document ({@code id}, {@code domain}, {@code source}, {@code url}, {@code
 * lang}, {@code text}, {@code meta}; meanings in {@link Document}) as JavaBean properties, declared
 * once for every Dataset element that carries a document: {@link Document} itself, a stage's
 * {@link Outcome}, and stage-private rows such as mix's counted documents. Spark's bean encoder
 * sees inherited properties, so a subclass's schema is these columns plus its own.
 *
 * <p>{@code meta} is never null: setting null sets an empty map.
 */
public abstract class DocumentFields implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String domain;
  private String source;
  private String url;
  private String lang;
  private String text;
  private Map<String, String> meta = new LinkedHashMap<>();

  protected DocumentFields() {}

  /** Takes every field of {@code d}; {@code meta} is copied. */
  protected DocumentFields(DocumentFields d) {
    this(d.id, d.domain, d.source, d.url, d.lang, d.text, d.meta);
  }

  protected DocumentFields(String id, String domain, String source, String url, String lang,
      String text, Map<String, String> meta) {
    this.id = id;
    this.domain = domain;
    this.source = source;
    this.url = url;
    this.lang = lang;
    this.text = text;
    this.meta = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
  }

  /** The document these fields describe (meta copied). */
  public Document toDocument() {
    return new Document(id, domain, source, url, lang, text, meta);
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
}
