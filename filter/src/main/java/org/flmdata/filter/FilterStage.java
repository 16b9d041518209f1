package org.flmdata.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.filter.decontam.BenchmarkIndex;
import org.flmdata.filter.decontam.Decontaminator;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.report.ReportSection;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.SettingsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter stage: strict n-gram decontamination against benchmark test sets, then a fastText
 * quality classifier with a per-language threshold or top fraction (DESIGN.md "Flow").
 *
 * <p>Before any Spark work, {@link FilterPlanner} checks every model file and reads every test
 * set; a missing or damaged one is a {@link ConfigException}. The benchmark n-grams are broadcast
 * (about 12 MB for GSM8K + HumanEval + MMLU) up to {@code decontam_broadcast_max_ngrams}; a first
 * pass counts, over all documents, the benchmark n-grams each document contains, and n-grams
 * found in more than {@code decontam_common_docs} documents are ignored as common phrases. Larger
 * benchmark sets are matched by a join instead ({@link JoinMatches}), with the same result. Each document then leaves as one {@link Outcome}: kept
 * (possibly cut, with {@code meta.decontam} and {@code meta.quality}), or rejected as {@code
 * decontam/<benchmark>}, {@code quality/below-threshold}, {@code quality/below-top-fraction} or
 * {@code quality/in-bottom-fraction} (the last two cut exactly over the whole stage by {@link
 * ScoreCuts}).
 *
 * <p>The domain files' {@code filter:} section is {@link #SECTION}.
 */
public final class FilterStage extends BaseStage {
  private static final Logger LOG = LoggerFactory.getLogger(FilterStage.class);

  public static final String NAME = "filter";

  /** The {@code filter:} section of a domain file (keys in {@link FilterSettings}). */
  public static final SettingsSpec SECTION = FilterSettings.SECTION;

  @Override
  public Map<String, String> reportedMeta() {
    return Map.of(org.flmdata.filter.quality.QualityScorer.META_KEY, "quality score");
  }

  /** Score histograms per domain and language, lowest-scored rejections ({@link QualityStats}). */
  @Override
  public Map<String, Object> extraStats(StageContext ctx, String inputStage) {
    return QualityStats.of(ctx.spark(), ctx.layout().stageDir(NAME));
  }

  /** The report's quality section, from {@link QualityStats}' figures. */
  @Override
  public List<ReportSection> reportSections() {
    return List.of(QualitySection.SECTION);
  }

  public FilterStage() {
    super(SECTION);
  }

  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    SparkSession spark = ctx.spark();
    FilterPlanner.Plan plan = FilterPlanner.plan(spark, ctx.config());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<BenchmarkIndex> index = null;
    Broadcast<long[]> common = null;
    Dataset<Outcome> out;
    if (plan.index() != null && plan.index().size() > plan.broadcastMaxNgrams()) {
      LOG.info("filter: {} benchmark n-grams > decontam_broadcast_max_ngrams {}: matching by join",
          plan.index().size(), plan.broadcastMaxNgrams());
      Dataset<Document> withMatches =
          JoinMatches.attach(spark, input, plan.index(), plan.commonDocs());
      out = withMatches.mapPartitions(
          FilterPartition.joined(plan.domains(), plan.index().names(), plan.index().n()),
          Outcome.ENCODER);
    } else {
      if (plan.index() != null) {
        index = jsc.broadcast(plan.index());
        long[] c = commonNgrams(input, index, plan.commonDocs());
        LOG.info("filter: {} benchmark n-grams are common phrases (in > {} documents), ignored",
            c.length, plan.commonDocs());
        common = jsc.broadcast(c);
      }
      out = input.mapPartitions(new FilterPartition(plan.domains(), index, common),
          Outcome.ENCODER);
    }
    if (!plan.anyCutByShare()) return out;
    out = ctx.cache().persist(out, StorageLevel.MEMORY_AND_DISK());
    Map<String, Float> cuts = ScoreCuts.compute(out, plan.domains());
    cuts.forEach((k, v) -> LOG.info("filter: {} scores below {} are cut", k.replace('\u0000', ' '),
        v));
    return out.map(new TopFractionCut(cuts, plan.domains()), Outcome.ENCODER);
  }

  /**
   * Sorted hashes of the benchmark n-grams found in more than {@code maxDocs} documents: a shuffle
   * of at most one row per (document, matching n-gram), and a result no larger than the index.
   */
  static long[] commonNgrams(Dataset<Document> input, Broadcast<BenchmarkIndex> index,
      int maxDocs) {
    Dataset<Long> hits = input.flatMap((FlatMapFunction<Document, Long>) d ->
        Arrays.stream(Decontaminator.matching(index.value(), d.getText())).boxed().iterator(),
        Encoders.LONG());
    List<Row> rows = hits.groupBy("value").count()
        .filter(functions.col("count").gt(maxDocs)).select("value").collectAsList();
    return rows.stream().mapToLong(r -> r.getLong(0)).sorted().toArray();
  }
}
