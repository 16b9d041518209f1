package org.flmdata.pipeline.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;

/**
 * Writes {@code report/stats.json} from the ledgers of every stage that has complete output in
 * the run (DESIGN.md "stats.json"): per stage, one row per domain and language with docs and
 * bytes in, kept, and rejected by {@code rule/reason}, plus stage totals and run facts, and the
 * stage's {@link MetaCounters} (e.g. characters removed per clean rule, PII replaced per type),
 * and the mixture plan with achieved shares ({@link MixReport}).
 */
public final class StatsReport {
  /** Version of the stats.json shape; bumped when a field changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  private StatsReport() {}

  /** Builds the stats tree; stages without a marker are left out. */
  public static Map<String, Object> build(SparkSession spark, PipelineConfig config,
      List<Stage> stages) {
    RunLayout layout = new RunLayout(config.output());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema_version", SCHEMA_VERSION);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("config", config.file());
    run.put("output", config.output());
    run.put("seed", config.seed());
    run.put("spark_version", spark.version());
    run.put("domains", config.domains().stream().map(d -> d.name()).toList());
    run.put("written_at", Instant.now().toString());
    root.put("run", run);
    List<Object> stageList = new ArrayList<>();
    for (Stage s : stages) {
      StageMarker marker = StageMarker.read(layout.marker(s.name()),
          spark.sparkContext().hadoopConfiguration());
      if (marker == null) continue;
      List<LedgerRow> rows = Ledger.ofStage(spark, s.name(), layout.stageDir(s.name()));
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("name", s.name());
      st.put("input_stage", marker.inputStage());
      st.put("config_hash", marker.configHash());
      st.put("millis", marker.millis());
      st.put("total", row(Ledger.total(s.name(), rows)));
      List<Object> rs = new ArrayList<>();
      for (LedgerRow r : rows) rs.add(row(r));
      st.put("rows", rs);
      List<Object> counters = new ArrayList<>();
      for (MetaCounters.Counter c : MetaCounters.of(spark, s.name(), layout.stageDir(s.name()))) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("domain", c.domain());
        cm.put("lang", c.lang());
        cm.put("key", c.key());
        cm.put("value", c.value());
        counters.add(cm);
      }
      st.put("counters", counters);
      stageList.add(st);
    }
    root.put("stages", stageList);
    try {
      root.put("mix", MixReport.rows(spark, layout));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return root;
  }

  /** One ledger row in stats.json's shape. */
  static Map<String, Object> row(LedgerRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", r.domain());
    m.put("lang", r.lang());
    m.put("docs_in", r.docsIn());
    m.put("docs_kept", r.docsKept());
    m.put("docs_rejected", r.docsRejected());
    m.put("bytes_in", r.bytesIn());
    m.put("bytes_kept", r.bytesKept());
    m.put("bytes_out", r.bytesOut());
    m.put("rejected", r.rejected());
    m.put("rejected_bytes", r.rejectedBytes());
    m.put("reconciles", r.reconciles());
    return m;
  }

  /** Builds and writes stats.json; returns its path. */
  public static String write(SparkSession spark, PipelineConfig config, List<Stage> stages)
      throws IOException {
    Map<String, Object> tree = build(spark, config, stages);
    RunLayout layout = new RunLayout(config.output());
    Path p = new Path(layout.statsJson());
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream out = fs.create(p, true)) {
      json.writeValue(out, tree);
    }
    return layout.statsJson();
  }
}
