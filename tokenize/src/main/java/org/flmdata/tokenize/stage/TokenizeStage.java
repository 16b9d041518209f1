package org.flmdata.tokenize.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.config.Setting;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.contract.ShardManifest;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.ledger.StatsSection;
import org.flmdata.pipeline.report.ReportSection;

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
 * <p>Documents the mix stage held out ({@link org.flmdata.pipeline.MetaKeys#MIX_SPLIT} = {@code
 * valid} or {@code test})
 * go to per-domain shards {@code shards/<split>/<domain>/<domain>_NNNNN}, never into the training
 * shards; held-out settings without the mix stage's output are a {@link
 * org.flmdata.pipeline.config.ConfigException}.
 *
 * <p>After the mix stage ({@link Mixture}): documents carrying {@code mix.copies} are
 * written as one globally shuffled mixture {@code shards/mix/mix_NNNNN} (each copy once, ordered
 * by a seeded hash of id and copy index; shard count from the text bytes with copies and the
 * smallest {@code shard_text_bytes}), blend weights by shard tokens; after a blend-only mix
 * ({@code mix.materialize: false}) the per-domain shards are weighted by the plan's target tokens.
 *
 * <p>The domain files' {@code tokenize:} section is {@link #SECTION}.
 */
public final class TokenizeStage extends BaseStage {
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

  public TokenizeStage() {
    super(SECTION);
  }

  /** Without {@code tokenizer.path} there is nothing to encode with; {@code run} skips the stage. */
  @Override
  public String notConfigured(PipelineConfig config) {
    if (config.tokenizer().get(PipelineSettings.TOKENIZER_PATH) == null) {
      return "pipeline.yaml has no tokenizer.path (a Hugging Face tokenizer.json or SentencePiece"
          + " tokenizer.model to write Megatron shards with)";
    }
    return null;
  }

  /** The blend files name shards under {@code trainer_root} when it is set. */
  @Override
  public Map<String, Object> hashFacts(PipelineConfig config) {
    String root = config.run().get(PipelineSettings.TRAINER_ROOT);
    return root == null ? Map.of() : Map.of("trainer_root", root);
  }

  /**
   * Writes every shard, the manifest and the blend files before it returns (the contract's
   * eager side output, {@link org.flmdata.pipeline.Stage#apply}): the shards are this stage's
   * product and the documents' outcomes (each kept, unchanged) only its ledger, so the marker
   * written after both is what makes the stage complete.
   */
  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    try {
      writeShards(ctx, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return input.map((MapFunction<Document, Outcome>) d ->
        Outcome.kept(d, Outcome.utf8Length(d.getText())), Outcome.ENCODER);
  }

  /** stats.json's {@code compression}: the manifest's rows per domain, language and split. */
  @Override
  public List<StatsSection> statsSections(StageContext ctx) {
    try {
      ShardManifest m =
          ShardManifest.read(ctx.layout(), ctx.spark().sparkContext().hadoopConfiguration());
      return m == null ? List.of()
          : List.of(new StatsSection(CompressionSection.KEY, m.compression()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ReportSection> reportSections() {
    return List.of(CompressionSection.SECTION);
  }

  /** The steps: load the tokenizer, plan the shards, write them, then the manifest and blends. */
  private void writeShards(StageContext ctx, Dataset<Document> input) throws IOException {
    Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
    RunTokenizer tok = RunTokenizer.load(ctx.config(), hadoop);
    ShardPlan plan = ShardPlan.of(ctx, input);
    Path dir = new Path(ctx.layout().shardsDir());
    FileSystem fs = dir.getFileSystem(hadoop);
    fs.delete(dir, true);
    fs.mkdirs(dir);
    List<ShardStat> stats = write(ctx, plan, tok);
    ShardIndex.write(fs, dir, stats, tok.manifestEntry(), plan.trainProportions(),
        plan.heldProportions(), new ShardIndex.Roots(ctx.layout().root(),
            ctx.config().run().get(PipelineSettings.TRAINER_ROOT)));
  }

  /** One Spark task per shard streams it ({@link ShardWriter}); their stats, sorted by shard. */
  private static List<ShardStat> write(StageContext ctx, ShardPlan plan, RunTokenizer tok) {
    List<ShardStat> stats = new ArrayList<>();
    if (plan.shards() > 0) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
      Broadcast<byte[]> bc = jsc.broadcast(tok.json());
      ctx.spark().sparkContext().setJobDescription("tokenize: write shards");
      stats.addAll(plan.rows().mapPartitions(new ShardWriter(ctx.layout().shardsDir(), bc,
          tok.sha256(), tok.path(), tok.eod(), tok.dtype(),
          new HadoopConf(ctx.spark().sparkContext().hadoopConfiguration())),
          ShardStat.ENCODER).collectAsList());
      bc.destroy();
    }
    stats.sort(Comparator.comparing(ShardStat::getShard)
        .thenComparing(x -> x.getSource() == null ? "" : x.getSource())
        .thenComparing(ShardStat::getLang));
    return stats;
  }

  /** A domain name as a file name: letters, digits, '-', '_' and '.'; anything else '_'. */
  static String safeName(String domain) {
    String s = domain == null || domain.isEmpty() ? "_" : domain.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }
}
