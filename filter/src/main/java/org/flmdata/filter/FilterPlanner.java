package org.flmdata.filter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.flmdata.filter.decontam.BenchmarkIndex;
import org.flmdata.filter.decontam.BenchmarkLoader;
import org.flmdata.filter.decontam.DecontamParams;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.DomainConfig;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.fasttext.ModelCheck;
import org.flmdata.pipeline.io.Paths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code filter:} sections of all domains into {@link DomainPlan}s on the driver, before
 * any Spark job: every model file is checked ({@link ModelCheck}: exists, loads, has the
 * configured label) and every benchmark test set is read, so a missing or damaged file is one
 * {@link ConfigException} naming the domain file and key.
 */
final class FilterPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(FilterPlanner.class);

  /** Plans per domain name, and the benchmark index (null when no domain decontaminates). */
  record Plan(Map<String, DomainPlan> domains, BenchmarkIndex index, int commonDocs,
      long broadcastMaxNgrams) {
    boolean anyCutByShare() {
      return domains.values().stream().anyMatch(DomainPlan::cutByShare);
    }
  }

  private FilterPlanner() {}

  static Plan plan(SparkSession spark, PipelineConfig config) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Map<String, ModelCheck.ModelInfo> checked = new HashMap<>();
    Map<String, ModelRef> refs = new HashMap<>();
    Map<String, DomainPlan> plans = new LinkedHashMap<>();
    Map<String, String> benchmarkPaths = new TreeMap<>();
    Map<String, String> benchmarkWhere = new HashMap<>();
    Integer n = null;
    String nWhere = null;
    int commonDocs = Integer.MAX_VALUE;
    long broadcastMax = Long.MAX_VALUE;
    for (DomainConfig d : config.domains()) {
      Settings s = d.section(FilterStage.NAME);
      String dir = Paths.parent(d.file());
      Map<String, LangQuality> quality = new LinkedHashMap<>();
      String label = s.get(FilterSettings.QUALITY_LABEL);
      Map<String, String> thresholds = s.get(FilterSettings.QUALITY_THRESHOLDS);
      for (Map.Entry<String, String> e : s.get(FilterSettings.QUALITY_MODELS).entrySet()) {
        String key = "filter.quality_models." + e.getKey();
        if (!e.getKey().equals("*") && !d.languages().contains(e.getKey())) {
          throw ConfigException.at(d.file(), key, "names language \"" + e.getKey()
              + "\", which has no documents in domain " + d.name() + " (languages: "
              + d.languages() + "); add it to languages or remove this model");
        }
        String path = Paths.resolve(dir, e.getValue());
        ModelRef ref = refs.computeIfAbsent(path, p -> ref(spark, p, d.file(), key));
        ModelCheck.ModelInfo info = checked.get(path);
        if (info == null) {
          try {
            info = ModelCheck.verify(ref.localPath());
          } catch (IllegalArgumentException ex) {
            throw ConfigException.at(d.file(), key, ex.getMessage().replace(ref.localPath(), path));
          }
          checked.put(path, info);
        }
        if (!info.labels().contains(label)) {
          throw ConfigException.at(d.file(), "filter.quality_label", "\"" + label
              + "\" is not a label of " + path + "; its labels: " + head(info.labels()));
        }
        double threshold = thresholds.containsKey(e.getKey())
            ? Double.parseDouble(thresholds.get(e.getKey()))
            : s.get(FilterSettings.QUALITY_THRESHOLD);
        quality.put(e.getKey(), new LangQuality(ref, label, threshold));
      }
      for (String lang : thresholds.keySet()) {
        if (!quality.containsKey(lang)) {
          throw ConfigException.at(d.file(), "filter.quality_thresholds." + lang,
              "has no model in filter.quality_models");
        }
      }
      DecontamParams decontam = null;
      Map<String, String> benchmarks = s.get(FilterSettings.DECONTAM_BENCHMARKS);
      if (!benchmarks.isEmpty()) {
        for (Map.Entry<String, String> e : benchmarks.entrySet()) {
          String path = Paths.resolve(dir, e.getValue());
          String before = benchmarkPaths.putIfAbsent(e.getKey(), path);
          if (before != null && !before.equals(path)) {
            throw ConfigException.at(d.file(), "filter.decontam_benchmarks." + e.getKey(),
                "is " + path + " here but " + before + " in " + benchmarkWhere.get(e.getKey())
                    + "; one name, one test set");
          }
          benchmarkWhere.putIfAbsent(e.getKey(), d.file());
        }
        int dn = s.get(FilterSettings.DECONTAM_NGRAM);
        if (n != null && n != dn) {
          throw ConfigException.at(d.file(), "filter.decontam_ngram", "is " + dn + " here but "
              + n + " in " + nWhere + "; all domains of a run use one n");
        }
        n = dn;
        nWhere = d.file();
        commonDocs = Math.min(commonDocs, s.get(FilterSettings.DECONTAM_COMMON_DOCS));
        broadcastMax = Math.min(broadcastMax, s.get(FilterSettings.DECONTAM_BROADCAST_MAX_NGRAMS));
        decontam = new DecontamParams(new ArrayList<>(benchmarks.keySet()),
            s.get(FilterSettings.DECONTAM_MODE).equals("remove"),
            s.get(FilterSettings.DECONTAM_CUT_CHARS), s.get(FilterSettings.DECONTAM_MIN_PIECE_CHARS),
            s.get(FilterSettings.DECONTAM_MAX_SPLITS));
      }
      double top = s.get(FilterSettings.KEEP_TOP_FRACTION);
      double bottom = s.get(FilterSettings.DROP_BOTTOM_FRACTION);
      if (top > 0 && bottom > 0) {
        throw ConfigException.at(d.file(), "filter.drop_bottom_fraction", "is " + bottom
            + " while keep_top_fraction is " + top + "; set one of the two");
      }
      plans.put(d.name(), new DomainPlan(d.name(), quality, top, bottom, decontam));
    }
    BenchmarkIndex index = null;
    if (!benchmarkPaths.isEmpty()) {
      if (benchmarkPaths.size() > BenchmarkIndex.MAX_BENCHMARKS) {
        throw new ConfigException("filter.decontam_benchmarks: at most "
            + BenchmarkIndex.MAX_BENCHMARKS + " benchmarks per run, got " + benchmarkPaths.size());
      }
      Map<String, List<String>> items = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : benchmarkPaths.entrySet()) {
        String file = benchmarkWhere.get(e.getKey());
        try {
          List<String> texts = BenchmarkLoader.load(e.getValue(), hadoop);
          if (texts.isEmpty()) {
            throw ConfigException.at(file, "filter.decontam_benchmarks." + e.getKey(),
                e.getValue() + " holds no benchmark items");
          }
          items.put(e.getKey(), texts);
        } catch (IOException ex) {
          throw ConfigException.at(file, "filter.decontam_benchmarks." + e.getKey(),
              e.getValue() + " cannot be read: " + ex.getMessage());
        }
      }
      index = BenchmarkIndex.build(items, n);
      LOG.info("filter: {} benchmark {}-grams from {}", index.size(), n, index.names());
    }
    return new Plan(plans, index, commonDocs == Integer.MAX_VALUE ? 10 : commonDocs,
        broadcastMax);
  }

  /** Local paths are used where they are; others are shipped to executors with addFile. */
  private static ModelRef ref(SparkSession spark, String path, String file, String key) {
    boolean local = !Paths.hasScheme(path) || path.startsWith("file:");
    if (local) {
      String p = path.startsWith("file:") ? java.net.URI.create(path).getPath() : path;
      return new ModelRef(path, p, null);
    }
    try {
      spark.sparkContext().addFile(path);
    } catch (RuntimeException e) {
      throw ConfigException.at(file, key, path + " cannot be fetched: " + e.getMessage());
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!new java.io.File(SparkFiles.get(name)).isFile()) {
      throw ConfigException.at(file, key, path + " was not fetched to the driver");
    }
    return new ModelRef(path, null, name);
  }

  private static String head(List<String> labels) {
    return labels.size() <= 10 ? labels.toString()
        : labels.subList(0, 10) + " and " + (labels.size() - 10) + " more";
  }
}
