package org.flmdata.tokenize.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded sample of documents across domains with per-domain shares. Each document gets a
 * position {@code xxhash64(id, seed)}; a domain with share {@code s} of {@code n} documents keeps
 * its {@code round(n * s / sum(shares))} documents of lowest position (all of them when it has
 * fewer). Same input, shares and seed: same sample.
 *
 * <p>Rows in: {@code domain, lang, id, text}; out adds {@code pos}.
 */
public final class CorpusSample {
  private static final long BUCKETS = 1L << 40;

  private CorpusSample() {}

  /** Columns every input Dataset must have. */
  public static final StructType SCHEMA = new StructType()
      .add("domain", DataTypes.StringType)
      .add("lang", DataTypes.StringType)
      .add("id", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  /**
   * Documents per domain for a sample of {@code n} with these shares (domain -> weight, any
   * positive scale); domains not in {@code shares} get none.
   */
  public static Map<String, Long> targets(Map<String, Double> shares, long n) {
    double sum = 0;
    for (double s : shares.values()) {
      if (!(s >= 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("a domain share must be >= 0, got " + s);
      }
      sum += s;
    }
    if (sum <= 0) throw new IllegalArgumentException("domain shares sum to 0; give at least one positive share");
    Map<String, Long> t = new TreeMap<>();
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      t.put(e.getKey(), Math.round(n * e.getValue() / sum));
    }
    return t;
  }

  /**
   * Samples {@code docs}. {@code perDomain}: target documents per domain (see {@link #targets});
   * null keeps every document. Rows out: {@code domain, lang, id, text, pos}.
   *
   * <p>Exact without moving text through a per-domain window: a slice of the hash range wide
   * enough to hold the target with near certainty is kept, the {@code n}-th smallest position of
   * each domain is found on the {@code (domain, pos)} columns of that slice only, and documents up
   * to it are kept (a domain with fewer documents keeps them all).
   */
  public static Dataset<Row> sample(Dataset<Row> docs, Map<String, Long> perDomain, long seed) {
    Column h = pmod(xxhash64(col("id"), lit(seed)), lit(BUCKETS));
    Dataset<Row> withPos = docs.select(col("domain"), col("lang"), col("id"), col("text"), h.as("pos"));
    if (perDomain == null) return withPos;
    Map<String, Long> available = counts(docs);
    Column keep = lit(false);
    for (Map.Entry<String, Long> e : perDomain.entrySet()) {
      long have = available.getOrDefault(e.getKey(), 0L);
      long want = e.getValue();
      if (have == 0 || want <= 0) continue;
      // mean + 6 standard deviations + 16: short of the target with negligible probability
      double f = Math.min(1.0, (want + 6 * Math.sqrt(want) + 16) / (double) have);
      long below = f >= 1.0 ? BUCKETS : (long) Math.ceil(f * BUCKETS);
      keep = keep.or(col("domain").equalTo(lit(e.getKey())).and(col("pos").lt(lit(below))));
    }
    Dataset<Row> slice = withPos.filter(keep);
    Column rank = row_number().over(Window.partitionBy("domain").orderBy(col("pos")));
    Column atTarget = lit(false);
    for (Map.Entry<String, Long> e : perDomain.entrySet()) {
      atTarget = atTarget.or(col("domain").equalTo(lit(e.getKey())).and(col("rank").equalTo(lit(e.getValue()))));
    }
    Map<String, Long> cutoff = new TreeMap<>();
    for (Row r : slice.select("domain", "pos").withColumn("rank", rank).filter(atTarget)
        .select("domain", "pos").collectAsList()) {
      cutoff.put(r.getString(0), r.getLong(1));
    }
    Column within = lit(false);
    for (Map.Entry<String, Long> e : perDomain.entrySet()) {
      if (e.getValue() <= 0) continue;
      Column d = col("domain").equalTo(lit(e.getKey()));
      Long c = cutoff.get(e.getKey());
      within = within.or(c == null ? d : d.and(col("pos").leq(lit(c))));
    }
    return slice.filter(within);
  }

  /**
   * About {@code perDomain} documents of each domain of a sample, chosen by a second hash of the
   * id (independent of the sampling position): all of a domain with fewer.
   */
  public static Dataset<Row> evalSlice(Dataset<Row> sample, long perDomain, long seed) {
    Map<String, Long> have = counts(sample);
    Column h2 = pmod(xxhash64(col("id"), lit(seed + 1)), lit(BUCKETS));
    Column keep = lit(false);
    for (Map.Entry<String, Long> e : have.entrySet()) {
      double f = Math.min(1.0, perDomain / (double) e.getValue());
      long below = f >= 1.0 ? BUCKETS : (long) Math.ceil(f * BUCKETS);
      keep = keep.or(col("domain").equalTo(lit(e.getKey())).and(h2.lt(lit(below))));
    }
    return sample.filter(keep);
  }

  /** Documents per domain (one small row per domain reaches the driver). */
  static Map<String, Long> counts(Dataset<Row> docs) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : docs.groupBy("domain").count().collectAsList()) m.put(r.getString(0), r.getLong(1));
    return m;
  }

  /**
   * Reads {@code --input} files as documents: {@code .jsonl}/{@code .json} (optionally .gz) take
   * {@code field}, {@code .parquet} takes column {@code field}, anything else is plain text with
   * one document per line. Each path is its own domain, named by its file name; language "und";
   * ids are {@code path:line} (jsonl, text) or {@code path:row} by position (parquet).
   */
  public static Dataset<Row> readInputs(SparkSession spark, List<String> paths, String field) {
    Dataset<Row> all = null;
    for (String p : paths) {
      String name = p.replaceAll("/+$", "");
      name = name.substring(name.lastIndexOf('/') + 1);
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      Dataset<Row> texts;
      if (lower.endsWith(".parquet")) {
        texts = spark.read().parquet(p).select(col(field).cast("string").as("text"));
      } else if (lower.matches(".*\\.(jsonl|json|ndjson)(\\.gz)?")) {
        texts = spark.read().schema(new StructType().add(field, DataTypes.StringType))
            .option("mode", "PERMISSIVE").json(p).select(col(field).as("text"));
      } else {
        texts = spark.read().text(p).select(col("value").as("text"));
      }
      Dataset<Row> docs = texts.filter(col("text").isNotNull())
          .withColumn("n", org.apache.spark.sql.functions.monotonically_increasing_id())
          .select(lit(name).as("domain"), lit("und").as("lang"),
              org.apache.spark.sql.functions.concat(lit(p + ":"), col("n").cast("string")).as("id"),
              col("text"));
      all = all == null ? docs : all.unionByName(docs);
    }
    if (all == null) throw new IllegalArgumentException("no --input given");
    return all;
  }
}
