package org.flmdata.tokenize.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKey;
import org.flmdata.pipeline.MetaKeys;

/**
 * The consumer side of the mix stage. When the input carries {@link MetaKeys#MIX_COPIES} (the mix
 * stage ran materialised), every document is expanded into its copies and all copies, across
 * domains, are ordered by a seeded hash of (id, copy index): copy k of a document goes to shard
 * {@code xxhash64(id, k, seed) mod n} of {@code shards/mix/mix_NNNNN}, copies inside a shard in
 * hash order. A trainer reading the shards in any order sees the planned distribution throughout.
 * When the mix stage ran blend-only, its {@link org.flmdata.pipeline.contract.MixturePlan} gives
 * the blend weights ({@link ShardPlan}).
 */
final class Mixture {
  /** Domain column value (and shard folder) of the materialised mixture. */
  static final String DOMAIN = "mix";

  private Mixture() {}

  /** Whether any document carries each of {@code keys} in meta, in the order given. */
  static boolean[] hasMeta(Dataset<Document> input, MetaKey... keys) {
    // one pass over meta for all keys: a limit(1) probe per key was a Spark job each, and a key
    // no document carries took several (the probe widens its scan until every row is seen)
    Column[] any = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      any[i] = functions.max(keys[i].raw().isNotNull());
    }
    Row r = input.select(col("meta")).agg(any[0], Arrays.copyOfRange(any, 1,
        any.length)).first();
    boolean[] out = new boolean[keys.length];
    for (int i = 0; i < keys.length; i++) out[i] = !r.isNullAt(i) && r.getBoolean(i);
    return out;
  }

  /** Each document's split as a column: {@code meta["mix.split"]}, else {@code train}. */
  static Column split() {
    return functions.coalesce(MetaKeys.MIX_SPLIT.raw(), lit(ShardWriter.TRAIN));
  }

  /** Copies of each document as a column (1 when absent or unreadable; 0 or less: none). */
  static Column copies() {
    return functions.coalesce(MetaKeys.MIX_COPIES.raw().cast("int"), lit(1)); // int: the hash key
  }

  /** Text bytes of the whole mixture, copies counted. */
  static long bytes(Dataset<Document> input) {
    Row r = input.agg(functions.sum(functions.octet_length(col("text")).cast("long")
        .multiply(copies()))).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  /**
   * One row per copy: id, domain ({@link #DOMAIN}), the document's own domain ({@link
   * ShardWriter#SOURCE}, for compression statistics), lang, text, shard (0..shards-1), key; to be
   * partitioned by shard and sorted by (shard, key, id, copy).
   */
  static Dataset<Row> rows(Dataset<Document> input, int shards, long seed) {
    Column copy = functions.explode(functions.sequence(lit(0), copies().minus(lit(1))));
    Dataset<Row> expanded = input.filter(copies().gt(lit(0)))
        .select(col("id"), col("domain").as(ShardWriter.SOURCE), col("lang"), col("text"),
            copy.as("copy"));
    Column key = functions.xxhash64(col("id"), col("copy"), lit(seed));
    return expanded.withColumn("key", key)
        .withColumn("domain", lit(DOMAIN))
        .withColumn("shard", functions.pmod(col("key"), lit((long) shards)).cast("int"));
  }
}
