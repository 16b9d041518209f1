package org.flmdata.dedup;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.hash.Hash64;

/**
 * A persistent dedup index ({@code dedup: {index: PATH}}): what earlier runs kept, as Parquet rows
 * {@code id, scope, lang, h1, h2, bands, text} (exact key, LSH band keys, and the text for exact
 * Jaccard verification of candidates), in generations.
 *
 * <pre>
 * PATH/segments/g000002-&lt;run&gt;/part-*.parquet   one run's survivors
 * PATH/generations/000002.json                   {"generation", "preset", "segments": [...]}
 * </pre>
 *
 * <p>A generation is the list of its segments; it becomes visible when its JSON file appears, and
 * that file is written last, under a temporary name renamed into place (a single small object on
 * s3a, written whole on close). Readers take the highest generation file that parses, so a run
 * killed while appending leaves the previous generation as it was; its half-written segment is
 * referenced by nothing. A segment belongs to a run (its output root): a rerun of the same run
 * ignores what it appended before and replaces it, so a run killed after its append but before its
 * stage marker does not find its own documents in the index.
 *
 * <p>Cost per run: a scan of the index's key columns (Parquet reads the {@code text} column only
 * for indexed documents that share a band bucket with this run's), and a write of this run's
 * survivors. Earlier runs are never signed again.
 */
final class DedupIndex {
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("scope", DataTypes.StringType, false)
      .add("lang", DataTypes.StringType, true)
      .add("h1", DataTypes.LongType, false)
      .add("h2", DataTypes.LongType, false)
      .add("bands", DataTypes.createArrayType(DataTypes.LongType, false), true)
      .add("text", DataTypes.StringType, true);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One generation: its number, the preset it was built with, its segments. */
  record Generation(long generation, Map<String, Object> preset, List<Segment> segments) {}

  /** One run's survivors: folder name under {@code segments/}, the run's output root, rows. */
  record Segment(String name, String run, long docs) {}

  private final String root;
  private final Configuration hadoop;

  DedupIndex(String root, Configuration hadoop) {
    this.root = root;
    this.hadoop = hadoop;
  }

  String root() {
    return root;
  }

  /** The newest complete generation, or null for an index with none (a new index). */
  Generation current() throws IOException {
    Path dir = new Path(root, "generations");
    FileSystem fs = dir.getFileSystem(hadoop);
    if (!fs.exists(dir)) return null;
    Generation best = null;
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (!n.matches("\\d{6,}\\.json")) continue;
      long g = Long.parseLong(n.substring(0, n.length() - 5));
      if (best != null && best.generation() >= g) continue;
      Generation read = read(fs, st.getPath());
      if (read != null) best = read;
    }
    return best;
  }

  private static Generation read(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      Map<String, Object> m = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
      List<Segment> segs = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) m.get("segments");
      for (Map<String, Object> s : list) {
        segs.add(new Segment((String) s.get("name"), (String) s.get("run"),
            ((Number) s.get("docs")).longValue()));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> preset = (Map<String, Object>) m.get("preset");
      return new Generation(((Number) m.get("generation")).longValue(), preset, segs);
    } catch (IOException | RuntimeException e) {
      return null; // not a complete generation file: the previous one stays current
    }
  }

  /**
   * Throws a {@link ConfigException} when the index was built with other MinHash settings than
   * {@code plan}'s (its band keys would never match this run's). Reads one small file.
   */
  void checkPreset(DedupSettings.Plan plan, String file) throws IOException {
    Generation g = current();
    if (g == null) return;
    Map<String, Object> want = normalise(plan.indexPreset());
    Map<String, Object> have = normalise(g.preset());
    if (!want.equals(have)) {
      throw ConfigException.at(file, "dedup.index", "the index at " + root + " was built with "
          + have + " but this run has " + want + "; run with the index's MinHash settings"
          + " (preset, shingle_size, bands, rows, seed) or name a new index path");
    }
  }

  private static Map<String, Object> normalise(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.longValue() : v));
    return out;
  }

  /** Rows of the current generation except those appended by {@code run}; null if none. */
  Dataset<Row> rows(SparkSession spark, String run) throws IOException {
    Generation g = current();
    if (g == null) return null;
    List<String> paths = new ArrayList<>();
    for (Segment s : g.segments()) {
      if (!s.run().equals(run) && s.docs() > 0) paths.add(segmentPath(s.name()));
    }
    if (paths.isEmpty()) return null;
    return spark.read().schema(SCHEMA).parquet(paths.toArray(new String[0]));
  }

  /**
   * Appends {@code kept} (the run's written survivors) as a new generation: the segment is
   * written first, the generation file last. Returns the new generation.
   */
  Generation append(SparkSession spark, Dataset<Document> kept, DedupSettings.Plan plan,
      String run) throws IOException {
    Generation prev = current();
    long next = prev == null ? 1 : prev.generation() + 1;
    String name = segmentName(next, run);
    String path = segmentPath(name);
    kept.mapPartitions(new IndexRows(plan), Encoders.row(SCHEMA))
        .write().mode(SaveMode.Overwrite).parquet(path);
    long docs = spark.read().parquet(path).count();
    List<Segment> segs = new ArrayList<>();
    if (prev != null) {
      for (Segment s : prev.segments()) if (!s.run().equals(run)) segs.add(s);
    }
    segs.add(new Segment(name, run, docs));
    Generation g = new Generation(next, plan.indexPreset(), segs);
    publish(g);
    return g;
  }

  private void publish(Generation g) throws IOException {
    Path dir = new Path(root, "generations");
    FileSystem fs = dir.getFileSystem(hadoop);
    fs.mkdirs(dir);
    Path fin = new Path(dir, String.format("%06d.json", g.generation()));
    Path tmp = new Path(dir, "_" + fin.getName() + ".tmp");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generation", g.generation());
    m.put("preset", g.preset());
    List<Object> segs = new ArrayList<>();
    for (Segment s : g.segments()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", s.name());
      x.put("run", s.run());
      x.put("docs", s.docs());
      segs.add(x);
    }
    m.put("segments", segs);
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m)
          .getBytes(StandardCharsets.UTF_8));
    }
    if (fs.exists(fin) || !fs.rename(tmp, fin)) {
      fs.delete(tmp, false);
      throw new IOException("dedup index " + root + ": generation " + g.generation()
          + " was published by another run at the same time; rerun to append after it");
    }
  }

  String segmentPath(String name) {
    return new Path(new Path(root, "segments"), name).toString();
  }

  /** The segment of generation {@code generation} written by run {@code run}. */
  static String segmentName(long generation, String run) {
    return String.format("g%06d-%016x", generation, Hash64.fnv1aUtf8(run));
  }

  /** Column order of the index rows, for selects. */
  static org.apache.spark.sql.Column[] columns() {
    List<org.apache.spark.sql.Column> c = new ArrayList<>();
    for (String f : SCHEMA.fieldNames()) c.add(col(f));
    return c.toArray(new org.apache.spark.sql.Column[0]);
  }
}
