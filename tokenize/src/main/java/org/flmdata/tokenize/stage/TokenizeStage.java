package org.flmdata.tokenize.stage;

import org.flmdata.pipeline.io.HadoopConf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code shards/manifest.json} (per shard: path, domain, docs, tokens, sha256 of the .bin; the
 * tokenizer; the EOD id; tokens per byte per domain and language) and {@code shards/blend.txt}
 * ({@link Blend}). Every document is kept (the outcome is the document unchanged).
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
    boolean mixture = Mixture.hasMeta(input, Mixture.COPIES);
    Map<String, Double> proportions = new LinkedHashMap<>();
    Dataset<Row> rows;
    int total = 0;
    if (mixture) {
      long per = Long.MAX_VALUE;
      for (DomainConfig d : ctx.config().domains()) {
        per = Math.min(per, d.section(NAME).get(SHARD_TEXT_BYTES));
      }
      if (per == Long.MAX_VALUE) per = SHARD_TEXT_BYTES.defaultValue();
      long mixBytes = Mixture.bytes(input);
      total = mixBytes == 0 ? 0 : (int) Math.max(1, Math.min(1_000_000, (mixBytes + per - 1) / per));
      proportions.put(Mixture.DOMAIN, 1.0);
      rows = Mixture.rows(input, Math.max(1, total),
              ctx.config().mix().get(PipelineSettings.MIX_SEED))
          .repartition(Math.max(1, total), col("shard"))
          .sortWithinPartitions(col("shard"), col("key"), col("id"), col("copy"));
      LOG.info("tokenize: materialised mixture, {} text bytes with copies, {} shards", mixBytes, total);
    } else {
      // shard counts from the data: text bytes per domain (a few rows to the driver)
      Map<String, Long> bytes = new TreeMap<>();
      Column domainCol = functions.coalesce(col("domain"), lit(""));
      for (Row r : input.groupBy(domainCol).agg(functions.sum(functions.octet_length(col("text"))))
          .collectAsList()) {
        bytes.put(r.getString(0), r.isNullAt(1) ? 0L : r.getLong(1));
      }
      Map<String, Double> planned = Mixture.hasMeta(input, Mixture.TOKENS)
          ? Mixture.planTargets(ctx.layout().mixPlan(), hadoop) : null;
      Column shard = null;
      for (Map.Entry<String, Long> e : bytes.entrySet()) {
        DomainConfig d = ctx.config().domain(e.getKey());
        long per = d == null ? SHARD_TEXT_BYTES.defaultValue() : d.section(NAME).get(SHARD_TEXT_BYTES);
        if (planned != null) {
          // blend-only mix: weights from the plan's target tokens give the planned shares
          proportions.put(e.getKey(), planned.getOrDefault(e.getKey(), 0.0));
        } else if (d != null) {
          proportions.put(e.getKey(), d.proportion());
        }
        int n = (int) Math.max(1, Math.min(1_000_000, (e.getValue() + per - 1) / per));
        Column c = functions.pmod(functions.xxhash64(col("id")), lit((long) n)).plus(lit((long) total));
        shard = shard == null ? functions.when(domainCol.equalTo(e.getKey()), c)
            : shard.when(domainCol.equalTo(e.getKey()), c);
        total += n;
      }
      rows = total == 0 ? null
          : input.select(col("id"), domainCol.as("domain"), col("lang"), col("text"))
              .withColumn("shard", shard.cast("int"))
              .repartition(total, col("shard"))
              .sortWithinPartitions(col("shard"), col("id"));
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
    writeManifest(fs, dir, stats, tokPath, sha, tok.vocabSize(), dtype, eodToken, eod);
    writeBlend(fs, dir, stats, proportions);
  }

  private static void writeManifest(FileSystem fs, Path dir, List<ShardStat> stats, String tokPath,
      String sha, int vocab, TokenDType dtype, String eodToken, int eod) throws IOException {
    ObjectMapper om = new ObjectMapper();
    ObjectNode root = om.createObjectNode();
    ArrayNode shards = root.putArray("shards");
    Map<String, long[]> perShard = new LinkedHashMap<>();
    Map<String, String[]> meta = new LinkedHashMap<>();
    Map<String, long[]> compression = new TreeMap<>();
    for (ShardStat s : stats) {
      long[] t = perShard.computeIfAbsent(s.getShard(), k -> new long[2]);
      t[0] += s.getDocs();
      t[1] += s.getTokens();
      meta.put(s.getShard(), new String[] {s.getDomain(), s.getSha256()});
      String source = s.getSource() == null ? s.getDomain() : s.getSource();
      long[] c = compression.computeIfAbsent(source + "\u0000" + s.getLang(), k -> new long[3]);
      c[0] += s.getDocs();
      c[1] += s.getTextBytes();
      c[2] += s.getTokens() - s.getDocs(); // text tokens, without the EOD
    }
    for (Map.Entry<String, long[]> e : perShard.entrySet()) {
      shards.addObject().put("path", e.getKey()).put("domain", meta.get(e.getKey())[0])
          .put("docs", e.getValue()[0]).put("tokens", e.getValue()[1])
          .put("sha256", meta.get(e.getKey())[1]);
    }
    root.putObject("tokenizer").put("path", tokPath).put("sha256", sha).put("vocab_size", vocab)
        .put("dtype", dtype.name().toLowerCase(Locale.ROOT)).put("eod_token", eodToken);
    root.put("eod", eod);
    ArrayNode comp = root.putArray("compression");
    for (Map.Entry<String, long[]> e : compression.entrySet()) {
      String[] k = e.getKey().split("\u0000", 2);
      long[] c = e.getValue();
      ObjectNode o = comp.addObject().put("domain", k[0]).put("lang", k[1]).put("docs", c[0])
          .put("bytes", c[1]).put("tokens", c[2]);
      if (c[1] > 0) o.put("tokens_per_byte", (double) c[2] / c[1]);
      if (c[2] > 0) o.put("bytes_per_token", (double) c[1] / c[2]);
      LOG.info("tokenize: {} {}: {} docs, {} bytes, {} tokens ({} tokens/byte)", k[0], k[1], c[0], c[1], c[2],
          c[1] > 0 ? String.format(Locale.ROOT, "%.4f", (double) c[2] / c[1]) : "-");
    }
    write(fs, new Path(dir, "manifest.json"), om.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  private static void writeBlend(FileSystem fs, Path dir, List<ShardStat> stats, Map<String, Double> proportions)
      throws IOException {
    Map<String, Blend.Shard> shards = new LinkedHashMap<>();
    for (ShardStat s : stats) {
      Blend.Shard prev = shards.get(s.getShard());
      long tokens = (prev == null ? 0 : prev.tokens()) + s.getTokens();
      shards.put(s.getShard(), new Blend.Shard(s.getShard(), s.getDomain(), tokens));
    }
    String text = Blend.render(Blend.weights(new ArrayList<>(shards.values()), proportions));
    write(fs, new Path(dir, "blend.txt"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** A domain name as a file name: letters, digits, '-', '_' and '.'; anything else '_'. */
  static String safeName(String domain) {
    String s = domain == null || domain.isEmpty() ? "_" : domain.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }

  private static void write(FileSystem fs, Path p, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(p, true)) {
      out.write(bytes);
    }
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
