package org.flmdata.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.SettingsSpec;
import org.flmdata.pipeline.ledger.StatsSection;
import org.flmdata.pipeline.report.ReportSection;

/**
 * One stage of the pipeline (extract, clean, filter, dedup, mix, tokenize). A stage turns the kept
 * documents of the stage before it into {@link Outcome}s: every document that enters leaves exactly
 * once, kept (possibly modified) or rejected with a {@link DropReason}. The runner writes the
 * outcomes, so the ledger is counted from written output and resume works per stage.
 *
 * <p>Implementations keep per-document logic in plain Java ({@code Document -> Verdict}) and only
 * wire it into Datasets here, with per-partition setup done once per partition. Most extend
 * {@link BaseStage}, which names the stage after its domain-file section.
 *
 * <p>Lifecycle, as the runner drives it: {@link #preflight} for every selected stage first, then
 * per stage {@link #apply}, the runner's write of the outcomes, {@link #afterWrite}, the release of
 * what the stage persisted through {@link StageContext#cache()}, and the completion marker. The
 * report later asks every complete stage for its figures ({@link #extraStats}, {@link
 * #statsSections}) and its part of the page ({@link #reportSections}), so the report knows no stage
 * by name. What one stage leaves in {@code meta} for another is declared in {@link MetaKeys}.
 */
public interface Stage {

  /** Stage name: a folder under the run output and the first part of every reason key. */
  String name();

  /** The spec of this stage's section in domain files ({@code extract:}, {@code clean:}, ...). */
  SettingsSpec section();

  /**
   * Why this stage cannot run with {@code config} (e.g. tokenize without a tokenizer file), or null
   * when it can. {@code pipeline run} skips such a stage with this message; naming it in {@code
   * --stages} (or running it as its own command) is a configuration error.
   */
  default String notConfigured(PipelineConfig config) {
    return null;
  }

  /**
   * Numeric values this stage leaves in kept documents' {@code meta} whose distribution the report
   * shows (meta key to a short label, e.g. {@code quality -> "quality score"}): quantiles and a
   * histogram per domain, from sketches merged across partitions. Empty by default.
   */
  default Map<String, String> reportedMeta() {
    return Map.of();
  }

  /**
   * Settings outside the domain files' stage sections that change this stage's output (e.g. the
   * mix stage's pipeline.yaml {@code mix:} section, proportions and tokenizer): they go into the
   * stage's config hash, so changing them reruns the stage instead of skipping it as complete.
   */
  default Map<String, Object> hashFacts(PipelineConfig config) {
    return Map.of();
  }

  /**
   * Builds the outcomes of this stage; the runner triggers their write. The documents' own path
   * is lazy, but a stage may run Spark jobs here that its outcomes depend on (counts, plans,
   * small aggregates to the driver) and write files outside its stage folder that are derived from
   * its input: the mix stage writes its plan ({@link org.flmdata.pipeline.run.RunLayout#mixPlan})
   * and the tokenize stage writes every shard and the manifest before it returns. Such a stage is
   * complete only when its marker is written, so a run killed after {@code apply} redoes it whole.
   * Datasets read more than once are persisted through {@link StageContext#cache()}.
   *
   * @param ctx session, config, run layout, console and cache
   * @param input kept documents of the nearest earlier stage with output in this run, or null for
   *     a stage that reads raw inputs (extract)
   */
  Dataset<Outcome> apply(StageContext ctx, Dataset<Document> input);

  /**
   * Checks that need more than the config files (e.g. dedup's persistent index and the MinHash
   * settings it was built with). The runner calls it for every stage it is about to run, before
   * any stage does Spark work, so a mismatch fails in seconds; throw a {@link
   * org.flmdata.pipeline.config.ConfigException} naming key, value and fix. Nothing by default.
   */
  default void preflight(PipelineConfig config, org.apache.hadoop.conf.Configuration hadoop)
      throws java.io.IOException {}

  /**
   * Work that must follow this stage's complete output (dedup appends its survivors to its
   * persistent index): the runner calls it after writing the outcomes and before the completion
   * marker, so a run killed during it redoes the stage and this step. Nothing by default.
   */
  default void afterWrite(StageContext ctx) throws java.io.IOException {}

  /**
   * Figures of this stage beyond its ledger and meta counters, for {@code report/stats.json}
   * under {@code stages[].extra} (e.g. dedup's cluster-size distribution and sample clusters).
   * Computed when the report is written, from the stage's written output (and, for text the
   * output does not keep, the kept output of its input stage), never from accumulators; values
   * are JSON-ready (maps, lists, strings, numbers). Empty (the default) adds nothing.
   *
   * @param ctx session, config and run layout
   * @param inputStage the stage whose kept documents this stage read, or null
   */
  default Map<String, Object> extraStats(StageContext ctx, String inputStage) {
    return Map.of();
  }

  /**
   * Sections this stage adds at the top level of {@code report/stats.json}, after {@code
   * stages} (e.g. the mix stage's {@code mix}: planned and achieved shares; tokenize's {@code
   * compression}: tokens per byte from its shard manifest). Computed as {@link #extraStats} is,
   * when the stage has complete output; values are typed records or JSON-ready trees. None by
   * default.
   */
  default List<StatsSection> statsSections(StageContext ctx) {
    return List.of();
  }

  /**
   * This stage's sections of {@code report/index.html}, rendered from stats.json alone (what
   * {@link #extraStats} and {@link #statsSections} put there), placed after the report's own
   * distributions, in stage order. None by default.
   */
  default List<ReportSection> reportSections() {
    return List.of();
  }
}
