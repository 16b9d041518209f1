package org.flmdata.mix;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.DocumentFields;

/**
 * A document with what the mix stage needs to place it: its exact token count (without EOD), its
 * group inside the domain (language, source, quality band), its seeded id hash, the seeded id hash
 * that orders the held-out cut ({@link HeldOut}), and its split: null for training, {@code valid}
 * or {@code test} once held out. A JavaBean for Spark's bean encoder ({@link #ENCODER}).
 */
public class Counted extends DocumentFields {
  private static final long serialVersionUID = 1L;
  public static final Encoder<Counted> ENCODER = Encoders.bean(Counted.class);

  private long tokens;
  private String group;
  private long hash;
  private long heldHash;
  private String split;

  public Counted() {}

  Counted(Document d, long tokens, String group, long hash, long heldHash) {
    super(d);
    this.tokens = tokens;
    this.group = group;
    this.hash = hash;
    this.heldHash = heldHash;
  }

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
