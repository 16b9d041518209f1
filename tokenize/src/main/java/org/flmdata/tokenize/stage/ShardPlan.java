package org.flmdata.tokenize.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.contract.MixturePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which shard every document (or copy) goes to, and the blend weights of the shard groups: a
 * materialised mixture ({@link Mixture}), or per-domain shards weighted by the domains'
 * proportions (by the plan's target tokens after a blend-only mix); then the held-out splits'
 * per-domain shards after the training ones. A few rows per (split, domain) reach the driver.
 *
 * @param rows one row per document or copy with its {@code shard}, partitioned by shard and
 *     sorted inside it; null when there is no document
 * @param shards how many shards
 * @param trainProportions blend weights of the training split's groups (domain, or {@code mix})
 * @param heldProportions blend weights of the held-out splits' domains
 */
record ShardPlan(Dataset<Row> rows, int shards, Map<String, Double> trainProportions,
    Map<String, Double> heldProportions) {
  private static final Logger LOG = LoggerFactory.getLogger(ShardPlan.class);

  static ShardPlan of(StageContext ctx, Dataset<Document> input) throws IOException {
    PipelineConfig config = ctx.config();
    // the mix stage's output: a materialised mixture (copies), or blend-only (plan weights)
    boolean[] has =
        Mixture.hasMeta(input, MetaKeys.MIX_TOKENS, MetaKeys.MIX_COPIES, MetaKeys.MIX_SPLIT);
    boolean mixed = has[0];
    if (!mixed && PipelineSettings.holdsOut(config.mix())) {
      throw ConfigException.at(config.file(), "mix.valid_share",
          "(or test_share, valid_tokens, test_tokens) is taken by the mix stage, before mixing,"
              + " but this input has not been through it; run mix before tokenize (pipeline run,"
              + " or --stages ...,mix,tokenize)");
    }
    boolean mixture = has[1];
    boolean heldOut = mixed && has[2];
    Dataset<Document> train = heldOut
        ? input.filter(Mixture.split().equalTo(lit(ShardWriter.TRAIN))) : input;
    Map<String, Double> proportions = new LinkedHashMap<>();
    Dataset<Row> rows;
    int total;
    if (mixture) {
      long per = Long.MAX_VALUE;
      for (DomainConfig d : config.domains()) {
        per = Math.min(per, d.section(TokenizeStage.NAME).get(TokenizeStage.SHARD_TEXT_BYTES));
      }
      if (per == Long.MAX_VALUE) per = TokenizeStage.SHARD_TEXT_BYTES.defaultValue();
      long mixBytes = Mixture.bytes(train);
      total = mixBytes == 0 ? 0
          : (int) Math.max(1, Math.min(1_000_000, (mixBytes + per - 1) / per));
      proportions.put(Mixture.DOMAIN, 1.0);
      rows = total == 0 ? null : Mixture.rows(train, total,
              config.mix().get(PipelineSettings.MIX_SEED))
          .withColumn(ShardWriter.SPLIT, lit(ShardWriter.TRAIN));
      LOG.info("tokenize: materialised mixture, {} text bytes with copies, {} shards", mixBytes,
          total);
    } else {
      MixturePlan plan = mixed
          ? MixturePlan.read(ctx.layout(), ctx.spark().sparkContext().hadoopConfiguration())
          : null;
      Map<String, Double> planned = plan == null ? null : plan.targetTokens();
      PerDomain t = perDomain(config, train, lit(ShardWriter.TRAIN), 0);
      for (String domain : t.domains()) {
        DomainConfig d = domainConfig(config, domain);
        if (planned != null) {
          // blend-only mix: weights from the plan's target tokens give the planned shares
          proportions.put(domain, planned.getOrDefault(domain, 0.0));
        } else if (d != null) {
          proportions.put(domain, d.proportion());
        }
      }
      rows = t.rows();
      total = t.shards();
    }
    // held-out validation and test documents: per (split, domain) shards after the training ones,
    // weighted by the domains' configured proportions
    Map<String, Double> heldProportions = new LinkedHashMap<>();
    for (DomainConfig d : config.domains()) heldProportions.put(d.name(), d.proportion());
    if (heldOut) {
      PerDomain h = perDomain(config,
          input.filter(Mixture.split().notEqual(lit(ShardWriter.TRAIN))), Mixture.split(), total);
      if (h.shards() > 0) {
        rows = rows == null ? h.rows() : rows.unionByName(h.rows(), true);
        total += h.shards();
      }
    }
    if (rows != null) {
      rows = rows.repartition(Math.max(1, total), col("shard"));
      rows = mixture
          ? rows.sortWithinPartitions(col("shard"), col("key"), col("id"), col("copy"))
          : rows.sortWithinPartitions(col("shard"), col("id"));
    }
    return new ShardPlan(rows, total, proportions, heldProportions);
  }

  private static DomainConfig domainConfig(PipelineConfig config, String name) {
    for (DomainConfig d : config.domains()) {
      if (d.name().equals(name)) return d;
    }
    return null;
  }

  /** Rows of per-domain shards (null when there is no document), their count, the domains. */
  private record PerDomain(Dataset<Row> rows, int shards, List<String> domains) {}

  /**
   * Shards per (split, domain) from the data: {@code ceil(text bytes / shard_text_bytes)} each
   * (a few rows to the driver); a document goes to shard {@code offset + first shard of its
   * (split, domain) + xxhash64(id) mod n}.
   */
  private static PerDomain perDomain(PipelineConfig config, Dataset<Document> docs, Column split,
      int offset) {
    Map<String, Long> bytes = new TreeMap<>(); // split \0 domain -> bytes
    Column domainCol = functions.coalesce(col("domain"), lit(""));
    for (Row r : docs.groupBy(split.as("split"), domainCol.as("domain"))
        .agg(functions.sum(functions.octet_length(col("text")))).collectAsList()) {
      bytes.put(r.getString(0) + "\u0000" + r.getString(1), r.isNullAt(2) ? 0L : r.getLong(2));
    }
    Column shard = null;
    int total = offset;
    List<String> domains = new ArrayList<>();
    for (Map.Entry<String, Long> e : bytes.entrySet()) {
      String[] k = e.getKey().split("\u0000", 2);
      if (!domains.contains(k[1])) domains.add(k[1]);
      DomainConfig d = domainConfig(config, k[1]);
      long per = d == null ? TokenizeStage.SHARD_TEXT_BYTES.defaultValue()
          : d.section(TokenizeStage.NAME).get(TokenizeStage.SHARD_TEXT_BYTES);
      int n = (int) Math.max(1, Math.min(1_000_000, (e.getValue() + per - 1) / per));
      Column c = functions.pmod(functions.xxhash64(col("id")), lit((long) n))
          .plus(lit((long) total));
      Column when = col(ShardWriter.SPLIT).equalTo(lit(k[0]))
          .and(col("domain").equalTo(lit(k[1])));
      shard = shard == null ? functions.when(when, c) : shard.when(when, c);
      total += n;
    }
    if (shard == null) return new PerDomain(null, 0, domains);
    Dataset<Row> rows = docs.select(col("id"), domainCol.as("domain"), col("lang"), col("text"),
            split.as(ShardWriter.SPLIT))
        .withColumn("shard", shard.cast("int"));
    return new PerDomain(rows, total - offset, domains);
  }
}
