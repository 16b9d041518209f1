package org.flmdata.mix;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.flmdata.pipeline.Document;

/**
 * A document with what the mix stage needs to place it: its exact token count (without EOD), its
 * group inside the domain (language, source, quality band), its seeded id hash, the seeded id hash
 * that orders the held-out cut ({@link HeldOut}), and its split: null for training, {@code valid}
 * or {@code test} once held out. A JavaBean for Spark's bean encoder ({@link #ENCODER}).
 */
public class Counted implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<Counted> ENCODER = Encoders.bean(Counted.class);

  private String id;
  private String domain;
  private String source;
  private String url;
  private String lang;
  private String text;
  private Map<String, String> meta = new LinkedHashMap<>();
  private long tokens;
  private String group;
  private long hash;
  private long heldHash;
  private String split;

  public Counted() {}

  Counted(Document d, long tokens, String group, long hash, long heldHash) {
    this.id = d.getId();
    this.domain = d.getDomain();
    this.source = d.getSource();
    this.url = d.getUrl();
    this.lang = d.getLang();
    this.text = d.getText();
    this.meta = d.getMeta();
    this.tokens = tokens;
    this.group = group;
    this.hash = hash;
    this.heldHash = heldHash;
  }

  Document toDocument() {
    return new Document(id, domain, source, url, lang, text, meta);
  }

  public String getId() { return id; }
  public void setId(String v) { id = v; }
  public String getDomain() { return domain; }
  public void setDomain(String v) { domain = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getUrl() { return url; }
  public void setUrl(String v) { url = v; }
  public String getLang() { return lang; }
  public void setLang(String v) { lang = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public Map<String, String> getMeta() { return meta; }
  public void setMeta(Map<String, String> v) { meta = v == null ? new LinkedHashMap<>() : v; }
  public long getTokens() { return tokens; }
  public void setTokens(long v) { tokens = v; }
  public String getGroup() { return group; }
  public void setGroup(String v) { group = v; }
  public long getHash() { return hash; }
  public void setHash(long v) { hash = v; }
  public long getHeldHash() { return heldHash; }
  public void setHeldHash(long v) { heldHash = v; }
  public String getSplit() { return split; }
  public void setSplit(String v) { split = v; }
}
