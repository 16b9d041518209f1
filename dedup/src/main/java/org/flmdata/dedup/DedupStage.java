package org.flmdata.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.flmdata.pipeline.BaseStage;
import org.flmdata.pipeline.MetaKeys;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.report.ReportSection;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Exact, then MinHash/LSH near-duplicate removal, per scope (a language across every domain
 * whose {@code scope} is {@code language}, Tele-FLM's cross-dedup; or one domain's language).
 *
 * <ol>
 *   <li>Per partition, each document becomes a {@link DocKey}: 128-bit hash of its normalised
 *       text ({@link ExactKey}) and the LSH band keys of its MinHash signature ({@link Shingler},
 *       {@link MinHasher}). Text does not travel further.
 *   <li>Exact: per (scope, key), the best document by {@code survivor_order} stays; the others are
 *       {@code exact/exact-dup} with the kept id as detail.
 *   <li>Near: the exact survivors get node ids that grow with survivor order (so the smallest
 *       node of a component is its survivor); each band bucket links its members to its smallest
 *       node (star edges, linear in bucket size, never all pairs); candidate edges are verified
 *       (exact Jaccard by default, {@link JaccardCheck}); {@link ConnectedComponents} labels
 *       components, inside one task when the graph is small; every non-survivor is {@code
 *       minhash/near-dup} with the survivor's id.
 *   <li>Kept documents carry {@code meta.dedup_cluster_size}: documents in their duplicate cluster,
 *       themselves, exact and near duplicates included (FineWeb-2 re-weights by it).
 * </ol>
 *
 * <p>Statistics for {@code report/stats.json} (cluster sizes, removals per domain and source,
 * sample clusters, distinct shingles) come from the written output: {@link DedupReport}.
 *
 * <p>The domain files' {@code dedup:} section is {@link #SECTION} ({@link DedupSettings}).
 */
public final class DedupStage extends BaseStage {
  private static final Logger LOG = LoggerFactory.getLogger(DedupStage.class);

  public static final String NAME = "dedup";

  /** Meta key of a kept document's cluster size. */
  public static final String CLUSTER_SIZE = MetaKeys.DEDUP_CLUSTER_SIZE.name();

  /** The {@code dedup:} section of a domain file. */
  public static final SettingsSpec SECTION = new SettingsSpec(NAME, DedupSettings.ALL);

  static final int KEPT = 0;
  static final int EXACT = 1;
  static final int NEAR = 2;
  static final int EXACT_INDEXED = 3;
  static final int NEAR_INDEXED = 4;

  @Override
  public Map<String, String> reportedMeta() {
    return Map.of(CLUSTER_SIZE, "duplicate-cluster size");
  }

  public DedupStage() {
    super(SECTION);
  }

  /** Cluster sizes, duplicates per domain and source, sample clusters: {@link DedupReport}. */
  @Override
  public Map<String, Object> extraStats(StageContext ctx, String inputStage) {
    return DedupReport.of(ctx, inputStage);
  }

  /** The report's duplicates section, from {@link DedupReport}'s figures. */
  @Override
  public List<ReportSection> reportSections() {
    return List.of(DuplicatesSection.SECTION);
  }

  @Override
  public Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input) {
    DedupSettings.Plan plan = DedupSettings.plan(ctx.config(), NAME);
    if (plan.near()) printCurves(ctx, plan);
    Dataset<Row> index = null;
    if (plan.index() != null) {
      DedupIndex ix = new DedupIndex(plan.index(), ctx.spark().sparkContext().hadoopConfiguration());
      try {
        ix.checkPreset(plan, plan.index());
        index = ix.rows(ctx.spark(), runKey(ctx));
      } catch (IOException e) {
        throw new UncheckedIOException("dedup index " + plan.index() + ": " + e.getMessage(), e);
      }
    }
    Dataset<Row> indexRows = index;
    ShuffleSizing sizing = ShuffleSizing.of(ctx.spark(), input);
    Dataset<Row> decisions = sizing.within(() -> {
      List<Dataset<Row>> cached = new ArrayList<>();
      Dataset<Row> d = ctx.cache().persist(
          decide(input, plan, indexRows, cached, sizing.partitions())
              .repartition(sizing.partitions(), col("did")), StorageLevel.MEMORY_AND_DISK());
      // the statistics materialise the (small, text-free) decisions; what they came from can go
      for (String line : DedupStats.lines(d)) {
        LOG.info(line);
        ctx.out().println(line);
      }
      for (Dataset<Row> c : cached) c.unpersist();
      return d;
    });
    return input
        .joinWith(decisions, input.col("id").equalTo(decisions.col("did")), "left")
        .map((MapFunction<Tuple2<Document, Row>, Outcome>) DedupStage::outcome, Outcome.ENCODER);
  }

  /** With an index: the index's MinHash settings must be this run's (one small file read). */
  @Override
  public void preflight(PipelineConfig config, Configuration hadoop) throws IOException {
    DedupSettings.Plan plan = DedupSettings.plan(config, NAME);
    if (plan.index() != null) {
      String file = config.domains().isEmpty() ? plan.index() : config.domains().get(0).file();
      new DedupIndex(plan.index(), hadoop).checkPreset(plan, file);
    }
  }

  /** With an index: this run's survivors, read back from the written output, become a generation. */
  @Override
  public void afterWrite(StageContext ctx) throws IOException {
    DedupSettings.Plan plan = DedupSettings.plan(ctx.config(), NAME);
    if (plan.index() == null) return;
    DedupIndex ix = new DedupIndex(plan.index(), ctx.spark().sparkContext().hadoopConfiguration());
    DedupIndex.Generation g = ix.append(ctx.spark(),
        StageOutput.readKept(ctx.spark(), ctx.layout().stageDir(NAME)), plan, runKey(ctx));
    String msg = String.format(Locale.ROOT, "dedup: index %s generation %d: %,d segments,"
        + " %,d documents appended by this run", plan.index(), g.generation(), g.segments().size(),
        g.segments().get(g.segments().size() - 1).docs());
    LOG.info(msg);
    ctx.out().println(msg);
  }

  /** What identifies this run's segment in an index: its output root. */
  private static String runKey(StageContext ctx) {
    return ctx.layout().root();
  }

  /**
   * One decision row per distinct input id: {@code did}, {@code scope}, {@code status} (0 kept, 1
   * exact, 2 near, 3 exact-indexed, 4 near-indexed), {@code other} (the kept or indexed id, for
   * rejects), {@code size} (cluster size, for kept). {@code index}: rows of a {@link DedupIndex}
   * (or null); they rank before every input document, so they are never removed and every input
   * document that joins one of them goes. Intermediate Datasets it persists are added to {@code
   * cached}.
   */
  static Dataset<Row> decide(Dataset<Document> input, DedupSettings.Plan plan, Dataset<Row> index,
      List<Dataset<Row>> cached, int partitions) {
    Dataset<Row> raw = input.mapPartitions(new KeyMaker(plan), DocKey.ENCODER).toDF()
        .withColumn("ix", lit(1))
        .withColumn("r", rank(plan.survivorOrder()));
    // One key per id, so that every input row meets exactly one decision even if ids repeat.
    Dataset<Row> keys = raw.groupBy("id").agg(min_by(struct(col("*")), col("r")).as("k"))
        .select("k.*");
    Dataset<Row> all = keys;
    Dataset<Row> texts = input.toDF().select(lit(1).as("ix"), col("id"), col("lang"), col("text"));
    if (index != null) {
      Dataset<Row> relevant = IndexMatch.relevant(index, keys, plan.near());
      all = keys.unionByName(IndexMatch.asKeys(relevant).withColumn("r", rank(plan.survivorOrder())));
      texts = texts.union(index.join(relevant.select("id", "scope"),
              new String[] {"id", "scope"}, "left_semi")
          .select(lit(0).as("ix"), col("id"), col("lang"), col("text")));
    }
    // exact groups: each row with its group's best rank; the best with the group's size
    Dataset<Row> exact = ExactGroups.of(all).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(exact);
    Dataset<Row> exactDups = exact.where(col("r").notEqual(col("best")).and(col("ix").equalTo(1)))
        .select(col("id").as("did"), col("scope"),
            when(col("best.ix").equalTo(0), lit(EXACT_INDEXED)).otherwise(lit(EXACT))
                .as("status"),
            col("best.id").as("other"), lit(0L).as("size"));
    Dataset<Row> survivors = exact.where(col("r").equalTo(col("best")));
    if (!plan.near()) {
      return exactDups.union(survivors.where(col("ix").equalTo(1))
          .select(col("id").as("did"), col("scope"), lit(KEPT).as("status"),
              lit(null).cast("string").as("other"), col("n").as("size")));
    }
    Dataset<Row> near = near(survivors, plan, texts, cached, partitions);
    // an exact duplicate of a document removed as a near duplicate names the cluster's survivor
    Dataset<Row> via = near.where(col("status").isin(NEAR, NEAR_INDEXED))
        .select(col("did").as("via"), col("other").as("final"));
    Dataset<Row> exactFinal = exactDups.join(via, exactDups.col("other").equalTo(via.col("via")),
            "left")
        .select(col("did"), col("scope"), col("status"),
            coalesce(col("final"), col("other")).as("other"), col("size"));
    return exactFinal.union(near);
  }

  /**
   * Decisions of the exact survivors (input documents, {@code ix} 1, and indexed ones, 0): MinHash/
   * LSH buckets, star edges, connected components. Only input documents get a decision.
   */
  private static Dataset<Row> near(Dataset<Row> survivors, DedupSettings.Plan plan,
      Dataset<Row> texts, List<Dataset<Row>> cached, int partitions) {
    Dataset<Row> nodes = nodes(survivors, partitions);
    Dataset<Row> edges = BandEdges.of(nodes);
    if (DedupSettings.VERIFY_JACCARD.equals(plan.verify())) {
      // repeated edges go where JaccardCheck groups them by star
      edges = JaccardCheck.verified(edges, nodes, texts, plan, cached);
    } else {
      edges = edges.distinct();
      if (DedupSettings.VERIFY_SIGNATURE.equals(plan.verify())) {
        edges = verified(edges, nodes, plan.verifyThreshold());
      }
    }
    Dataset<Row> labels = ConnectedComponents.run(edges, plan.localComponentsMaxEdges(),
        round -> {}, cached);
    // a component's label is its smallest node, which is its best-ranked document: the survivor
    // (an indexed document when the component holds one: they rank first)
    return ClusterDecisions.of(nodes, labels);
  }

  /**
   * Exact survivors with a node id that grows with survivor order ({@code node, id, scope, n,
   * bands, sig}): range-sorted by rank, each partition's ids above the previous partition's
   * ({@code monotonically_increasing_id} over a sort), fixed by a local checkpoint. So a band
   * bucket's smallest node is its best document, and the edges do not depend on partitioning.
   * As many partitions as the stage's other shuffles ({@link ShuffleSizing}).
   */
  private static Dataset<Row> nodes(Dataset<Row> survivors, int partitions) {
    return survivors.repartitionByRange(partitions, col("r")).sortWithinPartitions("r")
        .select(monotonically_increasing_id().as("node"), col("id"), col("ix"), col("scope"),
            col("n"), col("bands"), col("sig"))
        .localCheckpoint();
  }

  /** Keeps the edges whose two signatures agree on at least {@code threshold} of their slots. */
  private static Dataset<Row> verified(Dataset<Row> edges, Dataset<Row> nodes, double threshold) {
    Dataset<Row> a = nodes.select(col("node").as("src"), col("sig").as("sa"));
    Dataset<Row> b = nodes.select(col("node").as("dst"), col("sig").as("sb"));
    return edges.join(a, "src").join(b, "dst")
        .filter((FilterFunction<Row>) r -> agreement(r.getList(r.fieldIndex("sa")),
            r.getList(r.fieldIndex("sb"))) >= threshold)
        .select("src", "dst");
  }

  static double agreement(List<Long> x, List<Long> y) {
    if (x == null || y == null) return 0;
    int n = Math.min(x.size(), y.size());
    if (n == 0) return 0;
    int eq = 0;
    for (int i = 0; i < n; i++) if (x.get(i).longValue() == y.get(i).longValue()) eq++;
    return eq / (double) n;
  }

  /**
   * Survivor order as one sortable struct: smaller is better; indexed documents ({@code ix} 0)
   * before the run's (1); ties go to id, domain, source.
   */
  static Column rank(List<String> order) {
    List<Column> parts = new ArrayList<>();
    parts.add(col("ix").as("ix"));
    for (String c : order) {
      switch (c) {
        case "priority" -> parts.add(col("priority").multiply(-1).as("p"));
        case "quality" -> parts.add(col("quality").multiply(-1.0).as("q"));
        case "length" -> parts.add(col("length").multiply(-1).as("len"));
        default -> throw new IllegalArgumentException("unknown survivor criterion " + c);
      }
    }
    parts.add(col("id").as("id"));
    parts.add(col("domain").as("domain"));
    parts.add(col("source").as("source"));
    return struct(parts.toArray(new Column[0]));
  }

  private static Outcome outcome(Tuple2<Document, Row> t) {
    Document doc = t._1();
    Row d = t._2();
    long bytesIn = Outcome.utf8Length(doc.getText());
    int status = d == null ? KEPT : d.getInt(d.fieldIndex("status"));
    if (status == EXACT) {
      return Outcome.rejected(doc, DedupReason.EXACT_DUP, d.getString(d.fieldIndex("other")),
          bytesIn);
    }
    if (status == NEAR) {
      return Outcome.rejected(doc, DedupReason.NEAR_DUP, d.getString(d.fieldIndex("other")),
          bytesIn);
    }
    if (status == EXACT_INDEXED) {
      return Outcome.rejected(doc, DedupReason.EXACT_INDEXED, d.getString(d.fieldIndex("other")),
          bytesIn);
    }
    if (status == NEAR_INDEXED) {
      return Outcome.rejected(doc, DedupReason.NEAR_INDEXED, d.getString(d.fieldIndex("other")),
          bytesIn);
    }
    long size = d == null ? 1 : Math.max(1, d.getLong(d.fieldIndex("size")));
    return Outcome.kept(doc.withMeta(CLUSTER_SIZE, Long.toString(size)), bytesIn);
  }

  private static void printCurves(StageContext ctx, DedupSettings.Plan plan) {
    Map<String, List<String>> byParams = new TreeMap<>();
    for (DomainConfig d : ctx.config().domains()) {
      for (String lang : d.languages()) {
        MinHashParams p = plan.params(lang);
        String line = SCurve.describe(p.bands(), p.rows(), p.shingles());
        List<String> langs = byParams.computeIfAbsent(line, k -> new ArrayList<>());
        if (!langs.contains(lang)) langs.add(lang);
      }
    }
    for (Map.Entry<String, List<String>> e : byParams.entrySet()) {
      String msg = "dedup: minhash " + e.getValue() + " " + e.getKey();
      LOG.info(msg);
      ctx.out().println(msg);
    }
  }
}
