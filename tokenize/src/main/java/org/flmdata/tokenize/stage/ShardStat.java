package org.flmdata.tokenize.stage;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * What one task wrote for one (shard, source domain, language): its split ({@code train},
 * {@code valid}, {@code test}), documents, tokens (EOD included),
 * UTF-8 text bytes, and the shard's {@code .bin} SHA-256. {@code domain} names the shard's group
 * ({@code mix} for a materialised mixture), {@code source} the documents' own domain. Small rows, collected to the driver for the
 * manifest, blend file and compression statistics.
 */
public class ShardStat implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<ShardStat> ENCODER = Encoders.bean(ShardStat.class);

  private String shard;
  private String split;
  private String domain;
  private String source;
  private String lang;
  private long docs;
  private long tokens;
  private long textBytes;
  private String sha256;

  public ShardStat() {}

  public ShardStat(String shard, String split, String domain, String source, String lang, long docs,
      long tokens, long textBytes, String sha256) {
    this.shard = shard;
    this.split = split;
    this.domain = domain;
    this.source = source;
    this.lang = lang;
    this.docs = docs;
    this.tokens = tokens;
    this.textBytes = textBytes;
    this.sha256 = sha256;
  }

  public String getShard() { return shard; }
  public void setShard(String v) { shard = v; }
  public String getSplit() { return split; }
  public void setSplit(String v) { split = v; }
  public String getDomain() { return domain; }
  public void setDomain(String v) { domain = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getLang() { return lang; }
  public void setLang(String v) { lang = v; }
  public long getDocs() { return docs; }
  public void setDocs(long v) { docs = v; }
  public long getTokens() { return tokens; }
  public void setTokens(long v) { tokens = v; }
  public long getTextBytes() { return textBytes; }
  public void setTextBytes(long v) { textBytes = v; }
  public String getSha256() { return sha256; }
  public void setSha256(String v) { sha256 = v; }
}
