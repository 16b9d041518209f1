package org.flmdata.pipeline.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Stage;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.InputSpec;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.report.Distributions;
import org.flmdata.pipeline.report.FunnelCsv;
import org.flmdata.pipeline.report.HtmlReport;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageMarker;

/**
 * Writes {@code report/stats.json} from the ledgers of every stage that has complete output in
 * the run (DESIGN.md "stats.json"): per stage, one row per domain and language with docs and
 * bytes in, kept, and rejected by {@code rule/reason}, plus stage totals and run facts, and the
 * stage's {@link MetaCounters} and rejected samples (all three from one scan, {@link
 * StageSummary}) (e.g. characters removed per clean rule, PII replaced per type),
 * under {@code extra} whatever {@link Stage#extraStats} returns (e.g. dedup's clusters); then the
 * top-level sections the stages hand over ({@link Stage#statsSections}: the mix stage's shares,
 * tokenize's compression) and the distributions of the last stage's kept documents. No stage is
 * known here by name.
 */
public final class StatsReport {
  /** Version of the stats.json shape; bumped when a field changes meaning. */
  public static final int SCHEMA_VERSION = 2;

  /** Rejected documents shown per rule. */
  public static final int SAMPLES_PER_RULE = 3;

  private StatsReport() {}

  /** Builds the stats tree; stages without a marker are left out. */
  public static Map<String, Object> build(SparkSession spark, PipelineConfig config,
      List<Stage> stages) throws IOException {
    return build(spark, config, stages, Map.of());
  }

  /**
   * Builds the stats tree; stages without a marker are left out.
   *
   * @param counted per stage name, the figures of its output as this process counted them right
   *     after writing it ({@link StageSummary#of}, the runner's one scan); other stages are scanned
   */
  public static Map<String, Object> build(SparkSession spark, PipelineConfig config,
      List<Stage> stages, Map<String, StageSummary.Figures> counted) throws IOException {
    RunLayout layout = new RunLayout(config.output());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema_version", SCHEMA_VERSION);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("config", config.file());
    run.put("output", config.output());
    run.put("seed", config.seed());
    run.put("flmdata_version", projectVersion());
    run.put("spark_version", spark.version());
    run.put("java_version", System.getProperty("java.version"));
    run.put("domains", config.domains().stream().map(d -> d.name()).toList());
    run.put("inputs", inputs(config));
    run.put("written_at", Instant.now().toString());
    root.put("run", run);
    List<Object> stageList = new ArrayList<>();
    Map<String, String> metaLabels = new TreeMap<>();
    List<StatsSection> sections = new ArrayList<>();
    String lastWithDocs = null;
    for (Stage s : stages) {
      metaLabels.putAll(s.reportedMeta());
      StageMarker marker = StageMarker.read(layout.marker(s.name()),
          spark.sparkContext().hadoopConfiguration());
      if (marker == null) continue;
      StageSummary.Figures figures = counted.get(s.name());
      if (figures == null) {
        figures = StageSummary.of(spark, s.name(), layout.stageDir(s.name()), SAMPLES_PER_RULE);
      }
      List<LedgerRow> rows = figures.ledger();
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
      for (MetaCounters.Counter c : figures.counters()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("domain", c.domain());
        cm.put("lang", c.lang());
        cm.put("key", c.key());
        cm.put("value", c.value());
        counters.add(cm);
      }
      st.put("counters", counters);
      st.put("samples", figures.samples());
      StageContext ctx = new StageContext(spark, config, layout);
      Map<String, Object> extra = s.extraStats(ctx, marker.inputStage());
      if (extra != null && !extra.isEmpty()) st.put("extra", extra);
      sections.addAll(s.statsSections(ctx));
      stageList.add(st);
      lastWithDocs = s.name();
    }
    root.put("stages", stageList);
    for (StatsSection section : sections) root.put(section.key(), section.value());
    if (lastWithDocs != null) {
      Map<String, Object> dist = new LinkedHashMap<>();
      dist.put("stage", lastWithDocs);
      dist.put("labels", metaLabels);
      dist.put("domains", Distributions.of(spark, layout.stageDir(lastWithDocs),
          List.copyOf(metaLabels.keySet())));
      root.put("distributions", dist);
    }
    return root;
  }

  /** Each domain's inputs: path, format and source. */
  private static List<Object> inputs(PipelineConfig config) {
    List<Object> out = new ArrayList<>();
    for (DomainConfig d : config.domains()) {
      for (InputSpec in : d.inputs()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.name());
        m.put("path", in.path());
        m.put("format", in.format().name().toLowerCase(java.util.Locale.ROOT));
        m.put("source", in.source());
        out.add(m);
      }
    }
    return out;
  }

  /** The project version from the build, or "unknown" outside a build. */
  static String projectVersion() {
    try (InputStream in =
        StatsReport.class.getResourceAsStream("/org/flmdata/pipeline/version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
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

  /** Builds and writes stats.json, index.html and funnel.csv; returns the stats.json path. */
  public static String write(SparkSession spark, PipelineConfig config, List<Stage> stages)
      throws IOException {
    return write(spark, config, stages, null);
  }

  /**
   * Builds and writes {@code report/stats.json}, then renders {@code report/index.html} and
   * {@code report/funnel.csv} from it; returns the stats.json path.
   *
   * @param other another run's stats.json to show the differences against, or null
   */
  public static String write(SparkSession spark, PipelineConfig config, List<Stage> stages,
      JsonNode other) throws IOException {
    return write(spark, config, stages, other, Map.of());
  }

  /**
   * As {@link #write(SparkSession, PipelineConfig, List, JsonNode)}, with the figures of the
   * stages this process just wrote ({@link #build(SparkSession, PipelineConfig, List, Map)}).
   */
  public static String write(SparkSession spark, PipelineConfig config, List<Stage> stages,
      JsonNode other, Map<String, StageSummary.Figures> counted) throws IOException {
    Map<String, Object> tree = build(spark, config, stages, counted);
    RunLayout layout = new RunLayout(config.output());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    byte[] statsBytes = json.writeValueAsBytes(tree);
    writeFile(conf, layout.statsJson(), statsBytes);
    JsonNode stats = json.readTree(statsBytes);
    writeFile(conf, layout.reportDir() + "/index.html",
        HtmlReport.render(stats, other, stages).getBytes(StandardCharsets.UTF_8));
    writeFile(conf, layout.reportDir() + "/funnel.csv",
        FunnelCsv.of(stats).getBytes(StandardCharsets.UTF_8));
    return layout.statsJson();
  }

  /** Reads a stats.json: {@code path} is the file itself or a run's output root. */
  public static JsonNode read(Configuration conf, String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    if (fs.exists(p) && fs.getFileStatus(p).isDirectory()) {
      p = new Path(new RunLayout(path).statsJson());
    }
    if (!fs.exists(p)) {
      throw new IOException("no stats.json at " + p + " (run `pipeline report` there first)");
    }
    try (InputStream in = fs.open(p)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static void writeFile(Configuration conf, String path, byte[] bytes)
      throws IOException {
    Path p = new Path(path);
    try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
      out.write(bytes);
    }
  }
}
