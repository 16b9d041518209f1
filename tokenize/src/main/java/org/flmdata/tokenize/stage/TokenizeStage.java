package org.flmdata.tokenize.stage;

import org.flmdata.pipeline.io.HadoopConf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.io.Paths;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.TokenizerFormatException;
import org.flmdata.tokenize.megatron.TokenDType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: every kept document is encoded with the run's tokenizer ({@code tokenizer.path}
 * in pipeline.yaml, ids as the Hugging Face library gives them), the EOD token
 * ({@code tokenizer.eod}) appended, and written to Megatron-LM indexed shards
 * {@code shards/<domain>/<domain>_NNNNN.bin/.idx}. A domain gets
 * {@code ceil(text bytes / shard_text_bytes)} shards; a document goes to shard
 * {@code xxhash64(id) mod n}, documents inside a shard in id order, so the same input gives the
 * same shards. Each shard is streamed by one Spark task. Then the driver writes
 * {@code shards/manifest.json}, {@code shards/blend.txt} and {@code shards/blend_per_split.json}
 * ({@link ShardIndex}). Every document is kept (the outcome is the document unchanged).
 *
 * <p>Documents the mix stage held out ({@code meta["mix.split"]} = {@code valid} or {@code test})
 * go to per-domain shards {@code shards/<split>/<domain>/<domain>_NNNNN}, never into the training
 * shards; held-out settings without the mix stage's output are a {@link ConfigException}.
 *
 * <p>After the mix stage ({@link Mixture}): documents carrying {@code meta["mix.copies"]} are
 * written as one globally shuffled mixture {@code shards/mix/mix_NNNNN} (each copy once, ordered
 * by a seeded hash of id and copy index; shard count from the text bytes with copies and the
 * smallest {@code shard_text_bytes}), blend weights by shard tokens; after a blend-only mix
 * ({@code mix.materialize: false}) the per-domain shards are weighted by the plan's target tokens.
 *
 * <p>The domain files' {@code tokenize:} section is {@link #SECTION}.
 */
public final class TokenizeStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(TokenizeStage.class);

  public static final String NAME = "tokenize";

  public static final Setting<Long> SHARD_TEXT_BYTES =
      Setting.longValue(
              "shard_text_bytes",
              1L << 30,
              "UTF-8 text bytes per shard (a domain gets ceil(bytes / this) shards). 1 GiB of text"
                  + " is ~250M tokens at ~4 bytes per token, a .bin of ~0.5-1 GB: few enough files"
                  + " for Megatron to memory-map, many enough tasks to write them in parallel")
          .check(v -> v > 0, "must be > 0");

  /** The {@code tokenize:} section of a domain file. */
  public static final SettingsSpec SECTION = new SettingsSpec(NAME, List.of(SHARD_TEXT_BYTES));

  @Override
  public String name() {
    return NAME;
  }

  /** Without {@code tokenizer.path} there is nothing to encode with; {@code run} skips the stage. */
  @Override
  public String notConfigured(org.flmdata.pipeline.config.PipelineConfig config) {
    if (config.tokenizer().get(PipelineSettings.TOKENIZER_PATH) == null) {
      return "pipeline.yaml has no tokenizer.path (a Hugging Face tokenizer.json or SentencePiece"
          + " tokenizer.model to write Megatron shards with)";
    }
    return null;
  }

  @Override
  public SettingsSpec section() {
    return SECTION;
  }

  /** The blend files name shards under {@code trainer_root} when it is set. */
  @Override
  public Map<String, Object> hashFacts(org.flmdata.pipeline.config.PipelineConfig config) {
    String root = config.run().get(PipelineSettings.TRAINER_ROOT);
    return root == null ? Map.of() : Map.of("trainer_root", root);
  }

  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    try {
      writeShards(ctx, input);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return input.map((MapFunction<Document, Outcome>) d -> Outcome.kept(d, Outcome.utf8Length(d.getText())),
        Outcome.ENCODER);
  }

  private void writeShards(StageContext ctx, Dataset<Document> input) throws IOException {
    Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
    Settings tk = ctx.config().tokenizer();
    String rel = tk.get(PipelineSettings.TOKENIZER_PATH);
    if (rel == null || rel.isBlank()) {
      throw ConfigException.at(ctx.config().file(), "tokenizer.path",
          "must name a Hugging Face tokenizer.json or SentencePiece tokenizer.model for the tokenize stage");
    }
    String tokPath = Paths.resolve(Paths.parent(ctx.config().file()), rel);
    byte[] json = readAll(new Path(tokPath), hadoop, ctx.config().file());
    HfTokenizer tok;
    try {
      tok = HfTokenizer.load(new ByteArrayInputStream(json), tokPath);
    } catch (TokenizerFormatException e) {
      throw ConfigException.at(ctx.config().file(), "tokenizer.path", e.getMessage());
    }
    String eodToken = tk.get(PipelineSettings.TOKENIZER_EOD);
    int eod = tok.tokenId(eodToken);
    if (eod < 0) {
      throw ConfigException.at(ctx.config().file(), "tokenizer.eod",
          "\"" + eodToken + "\" is not a token of " + tokPath);
    }
    TokenDType dtype = TokenDType.forVocabSize(tok.vocabSize());
    String sha = sha256(json);

    // the mix stage's output: a materialised mixture (copies), or blend-only (plan weights)
    boolean mixed = Mixture.hasMeta(input, Mixture.TOKENS);
    if (!mixed && PipelineSettings.holdsOut(ctx.config().mix())) {
      throw ConfigException.at(ctx.config().file(), "mix.valid_share",
          "(or test_share, valid_tokens, test_tokens) is taken by the mix stage, before mixing,"
              + " but this input has not been through it; run mix before tokenize (pipeline run,"
              + " or --stages ...,mix,tokenize)");
    }
    boolean mixture = Mixture.hasMeta(input, Mixture.COPIES);
    boolean heldOut = mixed && Mixture.hasMeta(input, Mixture.SPLIT);
    Dataset<Document> train = heldOut ? input.filter(Mixture.split().equalTo(lit(ShardWriter.TRAIN)))
        : input;
    Map<String, Double> proportions = new LinkedHashMap<>();
    Dataset<Row> rows;
    int total = 0;
    if (mixture) {
      long per = Long.MAX_VALUE;
      for (DomainConfig d : ctx.config().domains()) {
        per = Math.min(per, d.section(NAME).get(SHARD_TEXT_BYTES));
      }
      if (per == Long.MAX_VALUE) per = SHARD_TEXT_BYTES.defaultValue();
      long mixBytes = Mixture.bytes(train);
      total = mixBytes == 0 ? 0 : (int) Math.max(1, Math.min(1_000_000, (mixBytes + per - 1) / per));
      proportions.put(Mixture.DOMAIN, 1.0);
      rows = total == 0 ? null : Mixture.rows(train, total,
              ctx.config().mix().get(PipelineSettings.MIX_SEED))
          .withColumn(ShardWriter.SPLIT, lit(ShardWriter.TRAIN));
      LOG.info("tokenize: materialised mixture, {} text bytes with copies, {} shards", mixBytes, total);
    } else {
      Map<String, Double> planned = mixed
          ? Mixture.planTargets(ctx.layout().mixPlan(), hadoop) : null;
      PerDomain t = perDomain(ctx, train, lit(ShardWriter.TRAIN), 0);
      for (String domain : t.domains()) {
        DomainConfig d = domainConfig(ctx, domain);
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
    for (DomainConfig d : ctx.config().domains()) heldProportions.put(d.name(), d.proportion());
    if (heldOut) {
      PerDomain h = perDomain(ctx, input.filter(Mixture.split().notEqual(lit(ShardWriter.TRAIN))),
          Mixture.split(), total);
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
    String shardsDir = ctx.layout().shardsDir();
    Path dir = new Path(shardsDir);
    FileSystem fs = dir.getFileSystem(hadoop);
    fs.delete(dir, true);
    fs.mkdirs(dir);
    List<ShardStat> stats = new ArrayList<>();
    if (total > 0) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
      Broadcast<byte[]> bc = jsc.broadcast(json);
      ctx.spark().sparkContext().setJobDescription("tokenize: write shards");
      stats = rows.mapPartitions(new ShardWriter(shardsDir, bc, sha, tokPath, eod, dtype,
          new HadoopConf(hadoop)), ShardStat.ENCODER).collectAsList();
      bc.destroy();
    }
    stats = new ArrayList<>(stats);
    stats.sort(java.util.Comparator.comparing(ShardStat::getShard)
        .thenComparing(x -> x.getSource() == null ? "" : x.getSource())
        .thenComparing(ShardStat::getLang));
    ShardIndex.write(fs, dir, stats,
        new ShardIndex.Tokenizer(tokPath, sha, tok.vocabSize(), dtype, eodToken, eod),
        proportions, heldProportions, new ShardIndex.Roots(ctx.layout().root(),
            ctx.config().run().get(PipelineSettings.TRAINER_ROOT)));
  }

  private static DomainConfig domainConfig(StageContext ctx, String name) {
    for (DomainConfig d : ctx.config().domains()) {
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
  private static PerDomain perDomain(StageContext ctx, Dataset<Document> docs, Column split,
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
      DomainConfig d = domainConfig(ctx, k[1]);
      long per = d == null ? SHARD_TEXT_BYTES.defaultValue() : d.section(NAME).get(SHARD_TEXT_BYTES);
      int n = (int) Math.max(1, Math.min(1_000_000, (e.getValue() + per - 1) / per));
      Column c = functions.pmod(functions.xxhash64(col("id")), lit((long) n)).plus(lit((long) total));
      Column when = col(ShardWriter.SPLIT).equalTo(lit(k[0])).and(col("domain").equalTo(lit(k[1])));
      shard = shard == null ? functions.when(when, c) : shard.when(when, c);
      total += n;
    }
    if (shard == null) return new PerDomain(null, 0, domains);
    Dataset<Row> rows = docs.select(col("id"), domainCol.as("domain"), col("lang"), col("text"),
            split.as(ShardWriter.SPLIT))
        .withColumn("shard", shard.cast("int"));
    return new PerDomain(rows, total - offset, domains);
  }

  /** A domain name as a file name: letters, digits, '-', '_' and '.'; anything else '_'. */
  static String safeName(String domain) {
    String s = domain == null || domain.isEmpty() ? "_" : domain.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }

  private static byte[] readAll(Path p, Configuration hadoop, String configFile) throws IOException {
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw ConfigException.at(configFile, "tokenizer.path", "\"" + p + "\" does not exist");
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
