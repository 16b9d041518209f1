package org.flmdata.pipeline.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageCache;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.ledger.Ledger;
import org.flmdata.pipeline.ledger.LedgerRow;
import org.flmdata.pipeline.ledger.StageSummary;
import org.flmdata.pipeline.ledger.StatsReport;

/**
 * Runs stages in pipeline order with resume: a stage whose {@code _SUCCESS} marker carries the
 * current config hash is skipped; any other stage is (re)written whole, its marker last, so a kill
 * midway leaves no half-appended output. Each selected stage reads the kept documents of the
 * nearest earlier stage that has complete output in this run. Prints one summary line per stage.
 * The runner owns each stage's lifecycle ({@link Stage}): it gives the stage the console and a
 * {@link StageCache}, and releases what the stage persisted once its output is written.
 */
public final class StageRunner {

  /**
   * What happened to one stage.
   *
   * @param figures what the report counts from the stage's output (ledger, meta counters,
   *     rejected samples), counted once right after the write; null when the stage was skipped
   */
  public record StageResult(String stage, boolean skipped, LedgerRow total, long millis,
      StageSummary.Figures figures) {}

  private final SparkSession spark;
  private final PipelineConfig config;
  private final List<Stage> pipeline;
  private final PrintWriter out;
  private final RunLayout layout;

  /**
   * @param pipeline every implemented stage, in pipeline order
   * @param out where the one-line summaries go
   */
  public StageRunner(SparkSession spark, PipelineConfig config, List<Stage> pipeline,
      PrintWriter out) {
    this.spark = spark;
    this.config = config;
    this.pipeline = List.copyOf(pipeline);
    this.out = out;
    this.layout = new RunLayout(config.output());
  }

  /**
   * Runs the {@code selected} stages (null: all), skipping complete ones unless {@code force}.
   */
  public List<StageResult> run(Set<String> selected, boolean force) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<StageResult> results = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    String inputStage = null;
    String inputHash = null;
    for (Stage stage : pipeline) {
      if ((selected == null || selected.contains(stage.name()))
          && stage.notConfigured(config) == null) {
        stage.preflight(config, hadoop);
      }
    }
    for (Stage stage : pipeline) {
      sections.add(stage.name());
      StageMarker existing = StageMarker.read(layout.marker(stage.name()), hadoop);
      boolean wanted = selected == null || selected.contains(stage.name());
      if (!wanted) {
        if (existing != null) {
          inputStage = stage.name();
          inputHash = existing.configHash();
        }
        continue;
      }
      String missing = stage.notConfigured(config);
      if (missing != null) {
        if (selected != null) {
          throw new org.flmdata.pipeline.config.ConfigException(stage.name() + ": " + missing);
        }
        out.printf(Locale.ROOT, "%-9s not configured, skipped: %s%n", stage.name(), missing);
        continue;
      }
      String hash = ConfigHash.of(config, stage.name(), sections, inputStage, inputHash,
          stage.hashFacts(config));
      if (!force && existing != null && existing.configHash().equals(hash)) {
        out.printf(Locale.ROOT, "%-9s complete with this config, skipped (%s)%n", stage.name(),
            layout.stageDir(stage.name()));
        results.add(new StageResult(stage.name(), true, null, existing.millis(), null));
      } else {
        results.add(runOne(stage, inputStage, hash, hadoop));
      }
      inputStage = stage.name();
      inputHash = hash;
    }
    return results;
  }

  private StageResult runOne(Stage stage, String inputStage, String hash, Configuration hadoop)
      throws IOException {
    if (inputStage == null && !isSource(stage)) {
      throw new IllegalStateException("stage " + stage.name()
          + " needs the output of an earlier stage, and none has complete output in "
          + layout.root() + "; run the earlier stages first (e.g. --stages extract,"
          + stage.name() + ")");
    }
    long start = System.nanoTime();
    spark.sparkContext().setJobDescription(stage.name());
    Dataset<Document> input = inputStage == null ? null
        : StageOutput.readKept(spark, layout.stageDir(inputStage));
    long inputBytes = inputStage == null ? -1 : size(layout.keptDir(inputStage), hadoop);
    StageContext ctx = new StageContext(spark, config, layout, out, new StageCache());
    try (Progress progress = Progress.start(spark.sparkContext(), stage.name(), inputBytes)) {
      Dataset<Outcome> outcomes = stage.apply(ctx, input);
      StageOutput.write(outcomes, layout.stageDir(stage.name()), config.rejectedTextFraction(),
          config.seed());
      stage.afterWrite(ctx);
    } finally {
      ctx.cache().release(); // the stage's output is written: what it persisted is not read again
      out.flush();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    new StageMarker(stage.name(), hash, inputStage, millis).write(layout.marker(stage.name()),
        hadoop);
    // the report's figures of this output in the same scan as the printed ledger (one Spark job)
    StageSummary.Figures figures = StageSummary.of(spark, stage.name(),
        layout.stageDir(stage.name()), StatsReport.SAMPLES_PER_RULE);
    LedgerRow total = Ledger.total(stage.name(), figures.ledger());
    out.printf(Locale.ROOT,
        "%-9s %,d docs in, %,d kept, %,d rejected; %.2f MB in, %.2f MB out; %.1f s -> %s%n",
        stage.name(), total.docsIn(), total.docsKept(), total.docsRejected(),
        total.bytesIn() / 1e6, total.bytesOut() / 1e6, millis / 1000.0,
        layout.stageDir(stage.name()));
    return new StageResult(stage.name(), false, total, millis, figures);
  }

  /** Bytes under {@code dir}, or -1 when it cannot be listed (progress then shows no ETA). */
  private static long size(String dir, Configuration hadoop) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
      return p.getFileSystem(hadoop).getContentSummary(p).getLength();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The first stage reads raw inputs, not documents. */
  private boolean isSource(Stage stage) {
    return pipeline.get(0) == stage;
  }
}
