package org.flmdata.filter;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.flmdata.filter.decontam.BenchmarkIndex;
import org.flmdata.filter.decontam.Decontaminator;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Partitions;
import org.flmdata.pipeline.Verdict;
import org.flmdata.pipeline.fasttext.ModelCache;

/**
 * The filter of one partition: decontamination, then quality scoring, one {@link Outcome} per
 * document. Models come from the per-JVM {@link ModelCache} (loaded once per executor);
 * decontaminators and scorers are built once per partition. A domain that keeps a top fraction
 * or drops a bottom fraction is only scored here; {@link TopFractionCut} rejects once the cut is
 * known.
 */
final class FilterPartition implements MapPartitionsFunction<Document, Outcome> {
  private static final long serialVersionUID = 1L;

  private final Map<String, DomainPlan> plans;
  private final Broadcast<BenchmarkIndex> index;
  private final Broadcast<long[]> common;
  /** Non-null when matches come with each document from {@link JoinMatches}: names and n. */
  private final List<String> joinedNames;
  private final int joinedN;

  /** Broadcast path: the whole benchmark index and the common phrases on every executor. */
  FilterPartition(Map<String, DomainPlan> plans, Broadcast<BenchmarkIndex> index,
      Broadcast<long[]> common) {
    this(plans, index, common, null, 0);
  }

  private FilterPartition(Map<String, DomainPlan> plans, Broadcast<BenchmarkIndex> index,
      Broadcast<long[]> common, List<String> joinedNames, int joinedN) {
    this.plans = plans;
    this.index = index;
    this.common = common;
    this.joinedNames = joinedNames == null ? null : List.copyOf(joinedNames);
    this.joinedN = joinedN;
  }

  /** Join path: each document carries its own matches (common phrases already removed). */
  static FilterPartition joined(Map<String, DomainPlan> plans, List<String> names, int n) {
    return new FilterPartition(plans, null, null, names, n);
  }

  @Override
  public Iterator<Outcome> call(Iterator<Document> docs) {
    Map<String, Decontaminator> decontam = new HashMap<>();
    Map<String, QualityScorer> scorers = new HashMap<>();
    return Partitions.map(docs, doc -> outcome(doc, decontam, scorers));
  }

  private Outcome outcome(Document doc, Map<String, Decontaminator> decontam,
      Map<String, QualityScorer> scorers) {
    BenchmarkIndex own = null;
    if (joinedNames != null) {
      own = JoinMatches.matches(doc.getMeta(), joinedNames, joinedN);
      Map<String, String> meta = new java.util.LinkedHashMap<>(doc.getMeta());
      meta.remove(JoinMatches.META);
      doc = new Document(doc.getId(), doc.getDomain(), doc.getSource(), doc.getUrl(),
          doc.getLang(), doc.getText(), meta);
    }
    DomainPlan plan = plans.get(doc.getDomain());
    if (plan == null) return Outcome.of(doc, Verdict.keep(doc));
    Document cur = doc;
    if (plan.decontam() != null && own != null) {
      Verdict v = new Decontaminator(own, new long[0], plan.decontam()).apply(cur);
      if (!v.kept()) return Outcome.of(doc, v);
      cur = ((Verdict.Keep) v).doc();
    } else if (plan.decontam() != null && index != null) {
      Decontaminator d = decontam.computeIfAbsent(plan.domain(),
          k -> new Decontaminator(index.value(), common.value(), plan.decontam()));
      Verdict v = d.apply(cur);
      if (!v.kept()) return Outcome.of(doc, v);
      cur = ((Verdict.Keep) v).doc();
    }
    LangQuality q = plan.quality().get(doc.getLang());
    if (q == null) q = plan.quality().get("*");
    if (q == null) return Outcome.of(doc, Verdict.keep(cur));
    LangQuality lq = q;
    QualityScorer scorer = scorers.computeIfAbsent(lq.model().configured() + "\n" + lq.label(),
        k -> new QualityScorer(ModelCache.get(lq.model().localPath()), lq.label()));
    if (plan.cutByShare()) return Outcome.of(doc, Verdict.keep(scorer.scored(cur)));
    return scorer.outcome(doc, cur, lq.threshold());
  }
}
