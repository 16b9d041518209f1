package org.flmdata.dedup;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * What dedup needs of a document, without its text: id, scope, survivor-choice fields, the exact
 * key, the LSH band keys and (only when candidates are verified) the MinHash signature.
 */
public class DocKey implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Encoder<DocKey> ENCODER = Encoders.bean(DocKey.class);

  private String id;
  private String domain;
  private String source;
  private String scope;
  private int priority;
  private double quality;
  private long length;
  private long h1;
  private long h2;
  private long[] bands = new long[0];
  private long[] sig;

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

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public double getQuality() {
    return quality;
  }

  public void setQuality(double quality) {
    this.quality = quality;
  }

  public long getLength() {
    return length;
  }

  public void setLength(long length) {
    this.length = length;
  }

  public long getH1() {
    return h1;
  }

  public void setH1(long h1) {
    this.h1 = h1;
  }

  public long getH2() {
    return h2;
  }

  public void setH2(long h2) {
    this.h2 = h2;
  }

  public long[] getBands() {
    return bands;
  }

  public void setBands(long[] bands) {
    this.bands = bands;
  }

  public long[] getSig() {
    return sig;
  }

  public void setSig(long[] sig) {
    this.sig = sig;
  }
}
