package org.flmdata.mix;

import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Partitions;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.TokenCounter;
import org.flmdata.pipeline.TokenCounterFactory;
import org.flmdata.pipeline.io.HadoopConf;

/**
 * Per partition: opens the token counter once, then gives every document its exact token count,
 * group (language, source, quality band), seeded id hash and held-out hash (run seed).
 */
final class CountTokens implements MapPartitionsFunction<Document, Counted> {
  private static final long serialVersionUID = 1L;

  private final TokenCounterFactory factory;
  private final String tokenizerPath;
  private final HadoopConf conf;
  private final Map<String, DomainWeights> weights;
  private final long seed;
  private final long heldSeed;

  CountTokens(TokenCounterFactory factory, String tokenizerPath, HadoopConf conf,
      Map<String, DomainWeights> weights, long seed, long heldSeed) {
    this.factory = factory;
    this.tokenizerPath = tokenizerPath;
    this.conf = conf;
    this.weights = weights;
    this.seed = seed;
    this.heldSeed = heldSeed;
  }

  @Override
  public Iterator<Counted> call(Iterator<Document> docs) throws Exception {
    TokenCounter counter = factory.open(tokenizerPath, conf);
    return Partitions.map(docs, d -> count(d, counter,
        weights.getOrDefault(d.getDomain(), DomainWeights.none()), seed, heldSeed));
  }

  static Counted count(Document d, TokenCounter counter, DomainWeights w, long seed,
      long heldSeed) {
    long tokens = d.getText() == null ? 0 : counter.count(d.getText());
    String q = MetaKeys.QUALITY.of(d.getMeta());
    String group = GroupKey.of(d.getLang(), d.getSource(), w.band(q));
    return new Counted(d, tokens, group, SeededHash.of(d.getId(), seed),
        SeededHash.of(d.getId(), heldSeed));
  }
}
