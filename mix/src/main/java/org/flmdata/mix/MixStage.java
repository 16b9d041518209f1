package org.flmdata.mix;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.TokenCounterFactory;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.io.Paths;
import org.flmdata.pipeline.ledger.StatsSection;
import org.flmdata.pipeline.report.ReportSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the domains to the planned mixture (Tele-FLM Table 1 proportions and epochs), token-exact
 * and deterministic for {@code mix.seed}.
 *
 * <ol>
 *   <li>Every document's tokens are counted with the run's tokenizer ({@link TokenCounterFactory},
 *       one counter per executor); planning counts one EOD per document, as tokenize's shards do.
 *   <li>{@link MixPlanner} gives each domain its target tokens; {@link GroupSplit} shares them
 *       over the domain's groups (language ratios, source and quality weights, the domain's
 *       {@code mix:} section, {@link #SECTION}).
 *   <li>A group at e epochs repeats every document floor(e) times; the fractional part is a
 *       seeded sample by tokens ({@link FractionalCut}): two histograms of tokens over 2^12 hash
 *       buckets, then the one boundary bucket's ids, reach the driver — never the documents.
 * </ol>
 *
 * <p>With {@code mix.valid_share}/{@code test_share} (or {@code valid_tokens}/{@code test_tokens})
 * each domain's validation and test documents are taken first ({@link HeldOut}): they are kept
 * once with {@code meta["mix.split"]} ({@code valid} or {@code test}) and left out of the plan and
 * the sample, so the plan's available tokens are training tokens.
 *
 * <p>One outcome per document: kept with {@code meta["mix.copies"]} (>= 1) and {@code
 * meta["mix.tokens"]} (tokens without EOD), or rejected {@code mix/not-sampled}. With {@code
 * mix.materialize: false} (blend-only) every document is kept once, without copies, and tokenize
 * weights the per-domain shards by the plan. The plan is handed to tokenize as {@link
 * org.flmdata.pipeline.contract.MixturePlan} ({@code report/mix_plan.json}, written in {@code
 * apply}); the meta keys are {@link MetaKeys#MIX_COPIES}, {@link MetaKeys#MIX_TOKENS} and {@link
 * MetaKeys#MIX_SPLIT}.
 */
public final class MixStage extends BaseStage {
  private static final Logger LOG = LoggerFactory.getLogger(MixStage.class);

  public static final String NAME = "mix";

  /** The {@code mix:} section of a domain file. */
  public static final SettingsSpec SECTION = MixSettings.SECTION;

  private final TokenCounterFactory counters;

  /** @param counters opens the run tokenizer's counter on executors (tokenize's implementation) */
  public MixStage(TokenCounterFactory counters) {
    super(SECTION);
    this.counters = counters;
  }

  @Override
  public Map<String, String> reportedMeta() {
    return Map.of(MetaKeys.MIX_TOKENS.name(), "length in tokens", MetaKeys.MIX_COPIES.name(),
        "copies in the mixture");
  }

  /** stats.json's {@code mix}: planned and achieved shares per domain ({@link MixShares}). */
  @Override
  public List<StatsSection> statsSections(StageContext ctx) {
    try {
      List<MixShares.Share> shares = MixShares.of(ctx.spark(), ctx.layout());
      return shares.isEmpty() ? List.of() : List.of(new StatsSection(NAME, shares));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ReportSection> reportSections() {
    return List.of(MixSection.SECTION);
  }

  @Override
  public String notConfigured(PipelineConfig config) {
    if (config.tokenizer().get(PipelineSettings.TOKENIZER_PATH) == null) {
      return "pipeline.yaml has no tokenizer.path (the mixture is planned in tokens)";
    }
    return null;
  }

  /** The mix section, tokenizer and every domain's proportion and epochs decide the mixture. */
  @Override
  public Map<String, Object> hashFacts(PipelineConfig config) {
    Map<String, Object> facts = new TreeMap<>();
    facts.put("mix", config.mix().asSortedMap());
    facts.put("tokenizer", config.tokenizer().asSortedMap());
    Map<String, Object> domains = new TreeMap<>();
    for (DomainConfig d : config.domains()) {
      domains.put(d.name(), List.of(d.proportion(), d.epochs()));
    }
    facts.put("domains", domains);
    return facts;
  }

  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    Settings mix = ctx.config().mix();
    boolean materialize = mix.get(PipelineSettings.MIX_MATERIALIZE);
    Planned p;
    Map<String, GroupDecision> decisions;
    if (materialize) {
      // one histogram pass both counts every group's tokens (its totals) and starts the cuts
      Dataset<Counted> counted = counted(ctx, input);
      Planned[] planned = new Planned[1];
      Map<String, Integer> whole = new TreeMap<>();
      Map<String, GroupDecision> decided = new TreeMap<>();
      Map<String, FractionalCut> cuts = Cuts.find(ctx, cutRows(counted), totals -> {
        planned[0] = planned(ctx.config(), counted, totals);
        return needs(planned[0], whole, decided);
      }, "mix");
      cuts.forEach((k, cut) -> decided.put(k, new GroupDecision(whole.get(k), cut)));
      p = planned[0];
      decisions = decided;
    } else {
      p = count(ctx, input);
      decisions = Map.of();
    }
    try {
      p.plan.contract(materialize)
          .write(ctx.layout(), ctx.spark().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.counted.mapPartitions(new Decide(decisions, materialize), Outcome.ENCODER);
  }

  /**
   * Counts the tokens of {@code input} (a Spark pass) and plans the mixture, without sampling:
   * what {@code pipeline mix --plan} prints.
   */
  public MixPlan plan(StageContext ctx, Dataset<Document> input) {
    Planned p = count(ctx, input);
    ctx.cache().release();
    return p.plan;
  }

  /**
   * The counted documents (persisted in the stage's cache) with their held-out split, the plan,
   * and every training group's tokens (EOD included, one-element arrays) and target tokens.
   */
  private record Planned(Dataset<Counted> counted, MixPlan plan,
      Map<String, long[]> groups, Map<String, Double> groupTargets) {}

  private Planned count(StageContext ctx, Dataset<Document> input) {
    Dataset<Counted> counted = counted(ctx, input);
    ctx.spark().sparkContext().setJobDescription("mix: count tokens per group");
    Map<String, Long> groups = new TreeMap<>(); // domain\ngroup -> tokens incl. EOD
    for (Row r : counted.filter(col("split").isNull())
        .groupBy(functions.coalesce(col("domain"), lit("")), col("group"))
        .agg(functions.sum(col("tokens").plus(lit(1L))))
        .collectAsList()) {
      groups.put(Decide.key(r.getString(0), r.getString(1)), r.getLong(2));
    }
    return planned(ctx.config(), counted, groups);
  }

  /** The documents with their token counts (persisted in the stage's cache) and held-out split. */
  private Dataset<Counted> counted(StageContext ctx, Dataset<Document> input) {
    PipelineConfig config = ctx.config();
    String rel = config.tokenizer().get(PipelineSettings.TOKENIZER_PATH);
    if (rel == null || rel.isBlank()) {
      throw ConfigException.at(config.file(), "tokenizer.path",
          "must name a Hugging Face tokenizer.json for the mix stage (it plans in tokens)");
    }
    String tokPath = Paths.resolve(Paths.parent(config.file()), rel);
    Map<String, DomainWeights> weights = new LinkedHashMap<>();
    for (DomainConfig d : config.domains()) weights.put(d.name(), DomainWeights.of(d.section(NAME)));
    long seed = config.mix().get(PipelineSettings.MIX_SEED);
    HadoopConf hadoop = new HadoopConf(ctx.spark().sparkContext().hadoopConfiguration());
    Dataset<Counted> cached = ctx.cache().persist(input
        .mapPartitions(new CountTokens(counters, tokPath, hadoop, weights, seed,
            HeldOut.seed(config)), Counted.ENCODER), StorageLevel.MEMORY_AND_DISK());
    return HeldOut.active(config.mix()) ? HeldOut.assign(ctx, cached) : cached;
  }

  /**
   * The plan and every group's target tokens, from each training group's tokens (EOD included;
   * by {@code domain\ngroup}, groups without a training document absent).
   */
  private static Planned planned(PipelineConfig config, Dataset<Counted> counted,
      Map<String, Long> tokens) {
    Map<String, long[]> groups = new TreeMap<>();
    tokens.forEach((k, v) -> groups.put(k, new long[] {v}));
    Map<String, DomainWeights> weights = new LinkedHashMap<>();
    for (DomainConfig d : config.domains()) weights.put(d.name(), DomainWeights.of(d.section(NAME)));
    List<MixPlanner.Input> inputs = new ArrayList<>();
    for (DomainConfig d : config.domains()) {
      long available = 0;
      for (Map.Entry<String, long[]> g : groups.entrySet()) {
        if (g.getKey().startsWith(d.name() + "\n")) available += g.getValue()[0];
      }
      inputs.add(new MixPlanner.Input(d.name(), d.file(), d.proportion(), d.epochs(), available));
    }
    Settings mix = config.mix();
    MixPlan plan = MixPlanner.plan(inputs, mix.get(PipelineSettings.MIX_MODE),
        mix.get(PipelineSettings.MIX_TOTAL_TOKENS), mix.get(PipelineSettings.MIX_MAX_EPOCHS));
    Map<String, Double> groupTargets = new TreeMap<>();
    for (DomainConfig d : config.domains()) {
      List<String> keys = new ArrayList<>();
      List<GroupSplit.Group> gs = new ArrayList<>();
      for (Map.Entry<String, long[]> g : groups.entrySet()) {
        if (!g.getKey().startsWith(d.name() + "\n")) continue;
        keys.add(g.getKey());
        gs.add(GroupKey.parse(g.getKey().substring(d.name().length() + 1), g.getValue()[0]));
      }
      double[] t = GroupSplit.split(d.name(), d.file(), plan.domain(d.name()).targetTokens(), gs,
          weights.get(d.name()));
      for (int i = 0; i < t.length; i++) groupTargets.put(keys.get(i), t[i]);
    }
    LOG.info("mix: {}", plan.table(null));
    for (String w : plan.warnings()) LOG.warn("mix: {}", w);
    return new Planned(counted, plan, groups, groupTargets);
  }

  /**
   * Every training group's whole copies into {@code whole}, and its decision into {@code out}
   * when it takes no fractional cut or all of one; returns the units (tokens with EOD) wanted
   * from each remaining group's fractional cut.
   */
  private static Map<String, Double> needs(Planned p, Map<String, Integer> whole,
      Map<String, GroupDecision> out) {
    double maxEpochs = p.plan.maxEpochs();
    Map<String, Double> need = new TreeMap<>();
    for (Map.Entry<String, long[]> g : p.groups.entrySet()) {
      long available = g.getValue()[0];
      double target = p.groupTargets.getOrDefault(g.getKey(), 0.0);
      double epochs = available > 0 ? target / available : 0;
      if (epochs > maxEpochs * (1 + 1e-12)) {
        LOG.warn("mix: group {} repeated {} times, past max_epochs {}",
            g.getKey().replace('\n', ' '), epochs, maxEpochs);
      }
      int w = (int) Math.floor(epochs + 1e-9);
      double frac = target - (double) w * available;
      whole.put(g.getKey(), w);
      if (frac <= 0.5) {
        out.put(g.getKey(), new GroupDecision(w, FractionalCut.NONE));
      } else if (frac >= available) {
        out.put(g.getKey(), new GroupDecision(w, FractionalCut.ALL));
      } else {
        need.put(g.getKey(), frac);
      }
    }
    return need;
  }

  /**
   * The training documents as {@link Cuts} rows: key {@code domain\ngroup}, units their tokens
   * with EOD (the first histogram's totals are each group's tokens).
   */
  private static Dataset<Row> cutRows(Dataset<Counted> counted) {
    Column key = concat(functions.coalesce(col("domain"), lit("")), lit("\n"), col("group"));
    return counted.toDF().filter(col("split").isNull()).withColumn("key", key)
        .withColumn("units", col("tokens").plus(lit(1L)));
  }
}
