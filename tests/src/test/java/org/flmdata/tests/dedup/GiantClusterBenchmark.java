package org.flmdata.tests.dedup;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.flmdata.dedup.DedupStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tests.LoadAverage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, giant clusters: one template repeated with one-word changes over {@code CLUSTER} pages
 * (site boilerplate), beside {@code OTHER} unique pages, against a corpus of the same size and
 * bytes with no cluster. The dedup stage (defaults: exact, MinHash 21x5, exact-Jaccard
 * verification, components) must keep exactly one page of the template, take at most 2x the time
 * of the corpus without the cluster, and put no outsized share of the work on one task: the longest
 * task and the largest task peak execution memory are printed for both and asserted within 2x.
 *
 * <pre>mvn -B verify -Pbench -pl tests -am -Dtest=GiantClusterBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Ddedup.giant.cluster=1000000]
 *     [-Ddedup.giant.other=250000]</pre>
 */
@Tag("benchmark")
class GiantClusterBenchmark {
  static final long CLUSTER = Long.getLong("dedup.giant.cluster", 1_000_000L);
  static final long OTHER = Long.getLong("dedup.giant.other", 250_000L);
  /**
   * Words per page: small pages, so a million of them are generated and signed in minutes on two
   * cores. One changed word of 60 leaves a page at Jaccard >= 51/61 = 0.84 of the template
   * (5-word shingles), above the 0.8 threshold.
   */
  static final int WORDS = 60;
  /** Pages of the untimed warm-up corpus (JIT, code generation), a corpus of its own. */
  static final long WARM = 100_000;

  @TempDir Path dir;
  final SparkSession spark = SparkTestSession.get();

  /** Longest task and largest peak execution memory of the tasks that end while it listens. */
  static final class TaskWatch extends SparkListener {
    volatile long maxRunMillis;
    volatile long maxPeakBytes;
    volatile long tasks;

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
      if (e.taskMetrics() == null) return;
      tasks++;
      maxRunMillis = Math.max(maxRunMillis, e.taskMetrics().executorRunTime());
      maxPeakBytes = Math.max(maxPeakBytes, e.taskMetrics().peakExecutionMemory());
    }
  }

  record Run(double seconds, long kept, TaskWatch watch) {}

  @Test
  void aMillionPageTemplateClusterCostsAtMostTwiceTheSameCorpusWithoutIt() throws IOException {
    // more partitions than the unit-test session's 4, as a run of this size would have
    spark.conf().set("spark.sql.shuffle.partitions", "32");
    try {
      Dataset<Document> warm = store(false, "warm", WARM);
      Dataset<Document> plain = store(false, "plain", CLUSTER + OTHER);
      Dataset<Document> giant = store(true, "giant", CLUSTER + OTHER);
      System.out.printf(Locale.ROOT, "corpus: %,d pages each; giant: %,d pages of one template"
          + " with one word changed + %,d unique; plain: all unique; load %s%n",
          CLUSTER + OTHER, CLUSTER, OTHER, LoadAverage.now());
      run(warm, "warm"); // JIT and code generation, not timed
      Run p = run(plain, "plain");
      Run g = run(giant, "giant");
      System.out.printf(Locale.ROOT, "plain: %.1f s, %,d kept, %,d tasks, longest task %.1f s,"
          + " largest task peak execution memory %.1f MB%n", p.seconds(), p.kept(),
          p.watch().tasks, p.watch().maxRunMillis / 1e3, p.watch().maxPeakBytes / 1e6);
      System.out.printf(Locale.ROOT, "giant: %.1f s, %,d kept, %,d tasks, longest task %.1f s,"
          + " largest task peak execution memory %.1f MB%n", g.seconds(), g.kept(),
          g.watch().tasks, g.watch().maxRunMillis / 1e3, g.watch().maxPeakBytes / 1e6);
      System.out.printf(Locale.ROOT, "giant/plain wall time %.2fx; load %s%n",
          g.seconds() / p.seconds(), LoadAverage.now());
      assertEquals(CLUSTER + OTHER, p.kept(), "the plain corpus has no duplicates");
      assertEquals(OTHER + 1, g.kept(), "the template's pages leave one survivor");
      assertTrue(g.seconds() <= 2.0 * p.seconds(), "giant cluster run over 2x the plain run");
      assertTrue(g.watch().maxRunMillis <= 2 * p.watch().maxRunMillis + 2000,
          "one task carries the cluster: longest task " + g.watch().maxRunMillis + " ms");
      assertTrue(g.watch().maxPeakBytes <= 2 * p.watch().maxPeakBytes + (64L << 20),
          "one task's memory grows with the cluster: " + g.watch().maxPeakBytes + " bytes");
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", "4");
    }
  }


  /** Pages 0..CLUSTER-1 are the template with one word changed (page 0 unchanged) when giant. */
  private Dataset<Document> store(boolean giantCluster, String name, long total) {
    String path = dir.resolve(name).toString();
    spark.range(0, total, 1, 16).map((MapFunction<Long, Document>) i -> {
      SplittableRandom template = new SplittableRandom(7);
      String[] w = new String[WORDS];
      boolean inCluster = giantCluster && i < CLUSTER;
      SplittableRandom r = inCluster ? template : new SplittableRandom(1000 + i);
      for (int k = 0; k < WORDS; k++) w[k] = "w" + r.nextInt(50_000);
      if (inCluster && i > 0) {
        SplittableRandom e = new SplittableRandom(i);
        w[e.nextInt(WORDS)] = "v" + e.nextInt(1_000_000);
      }
      return new Document(String.format("p%09d", i), "A", "cc", null, "en",
          String.join(" ", w), Map.of());
    }, Document.ENCODER).write().mode(SaveMode.Overwrite).parquet(path);
    return spark.read().parquet(path).as(Document.ENCODER);
  }

  private Run run(Dataset<Document> docs, String name) throws IOException {
    Path run = Files.createDirectories(dir.resolve("run-" + name));
    Path domains = Files.createDirectories(run.resolve("domains"));
    Files.writeString(run.resolve("in.txt"), "x");
    Files.writeString(run.resolve("pipeline.yaml"), "output: out\n");
    Files.writeString(domains.resolve("a.yaml"), "name: A\nlanguages: [en]\nproportion: 100\n"
        + "inputs: [{path: ../in.txt, format: text}]\ndedup: {survivor_order: []}\n");
    PipelineConfig config = new ConfigLoader(Map.of(DedupStage.NAME, DedupStage.SECTION),
        new Configuration(), true).load(run.resolve("pipeline.yaml").toString());
    TaskWatch watch = new TaskWatch();
    spark.sparkContext().addSparkListener(watch);
    long t0 = System.nanoTime();
    String out = run.resolve("outcomes").toString();
    try {
      new DedupStage().apply(new StageContext(spark, config, new RunLayout(config.output())), docs)
          .select("id", "status").write().mode(SaveMode.Overwrite).parquet(out);
    } finally {
      spark.sparkContext().removeSparkListener(watch);
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    long kept = spark.read().parquet(out).where(col("status").equalTo(Outcome.KEPT)).count();
    return new Run(sec, kept, watch);
  }
}
