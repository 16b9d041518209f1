package org.flmdata.mix;

import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Partitions;

/**
 * Per document: its copies in the mixture from its group's {@link GroupDecision}. Kept with {@code
 * meta["mix.copies"]} (materialised mode) and {@code meta["mix.tokens"]} (tokens without EOD), or
 * rejected {@code mix/not-sampled} at 0 copies. A held-out document is kept once with {@code
 * meta["mix.split"]}. In blend-only mode every document is kept once
 * and carries no copies.
 */
final class Decide implements MapPartitionsFunction<Counted, Outcome> {
  private static final long serialVersionUID = 1L;

  private final Map<String, GroupDecision> decisions;
  private final boolean materialize;

  /** @param decisions by {@code domain + "\n" + group} */
  Decide(Map<String, GroupDecision> decisions, boolean materialize) {
    this.decisions = decisions;
    this.materialize = materialize;
  }

  static String key(String domain, String group) {
    return domain + "\n" + group;
  }

  @Override
  public Iterator<Outcome> call(Iterator<Counted> docs) {
    return Partitions.map(docs, this::decide);
  }

  Outcome decide(Counted c) {
    Document d = c.toDocument().withMeta(MetaKeys.MIX_TOKENS.name(), Long.toString(c.getTokens()));
    long bytes = Outcome.utf8Length(d.getText());
    if (c.getSplit() != null) {
      d = d.withMeta(MetaKeys.MIX_SPLIT.name(), c.getSplit());
      return Outcome.kept(materialize ? d.withMeta(MetaKeys.MIX_COPIES.name(), "1") : d, bytes);
    }
    if (!materialize) return Outcome.kept(d, bytes);
    GroupDecision g = decisions.get(key(c.getDomain(), c.getGroup()));
    int copies = g == null ? 0 : g.copies(c.getHash(), c.getId());
    if (copies <= 0) {
      return Outcome.rejected(d, MixReason.NOT_SAMPLED,
          g == null ? "domain not in the plan" : "outside the fractional-epoch sample", bytes);
    }
    return Outcome.kept(d.withMeta(MetaKeys.MIX_COPIES.name(), Integer.toString(copies)), bytes);
  }
}
