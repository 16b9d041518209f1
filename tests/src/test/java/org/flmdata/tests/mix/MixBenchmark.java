package org.flmdata.tests.mix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.mix.MixStage;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.StageContext;
import org.flmdata.pipeline.TokenCounter;
import org.flmdata.pipeline.config.ConfigLoader;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.pipeline.run.RunLayout;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SharedData;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.flmdata.tokenize.stage.HfTokenCounterFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mix-stage cost: the whole stage (token counts, plan, two histogram rounds, boundary resolution,
 * outcomes written) against a bare token-counting pass over the same documents, with the real
 * GPT-Neo tokenizer on real web text (dolma sample, replicated under fresh ids into three
 * domains), and the achieved shares. Run with {@code mvn -B verify -Pbench -pl tests -am
 * -Dtest=MixBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class MixBenchmark {
  @TempDir Path dir;

  /** Tokens of every document in a partition, summed: the counting the stage cannot avoid. */
  static final class CountOnly implements MapPartitionsFunction<Document, Long>, Serializable {
    private final String tok;

    CountOnly(String tok) {
      this.tok = tok;
    }

    @Override
    public Iterator<Long> call(Iterator<Document> docs) throws Exception {
      TokenCounter c = new HfTokenCounterFactory().open(tok, new HadoopConf(new Configuration()));
      long n = 0;
      while (docs.hasNext()) n += c.count(docs.next().getText()) + 1;
      return List.of(n).iterator();
    }
  }

  @Test
  void mixStageCostAgainstTokenCountingAlone() throws Exception {
    Path tok = SharedData.require("models/tokenizers/gpt-neo/tokenizer.json");
    Path web = SharedData.require("data/text/en-web-dolma");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String f : List.of("cc_en_head-0091.jsonl", "cc_en_head-0174.jsonl")) {
      for (String line : Files.readAllLines(web.resolve(f))) {
        if (!line.isBlank()) texts.add(json.readTree(line).path("text").asText());
      }
    }
    String[] domains = {"Web", "Wiki", "Code"};
    int copies = 12_000 / texts.size() + 1;
    List<Document> docs = new ArrayList<>();
    long bytes = 0;
    for (int c = 0; c < copies; c++) {
      for (int i = 0; i < texts.size(); i++) {
        String domain = domains[(c + i) % 3];
        docs.add(new Document(domain + "-" + c + "-" + i, domain, "s", null, "en", texts.get(i),
            Map.of()));
        bytes += Outcome.utf8Length(texts.get(i));
      }
    }
    Files.createDirectories(dir.resolve("domains"));
    Files.writeString(dir.resolve("in.txt"), "x");
    Files.writeString(dir.resolve("pipeline.yaml"), "output: run\ntokenizer: {path: \"" + tok
        + "\"}\nmix: {mode: epochs, max_epochs: 4, seed: 1}\n");
    String[][] spec = {{"Web", "60", "0.7"}, {"Wiki", "30", "2.5"}, {"Code", "10", "1.3"}};
    for (String[] s : spec) {
      Files.writeString(dir.resolve("domains/" + s[0] + ".yaml"), "name: " + s[0]
          + "\nlanguages: [en]\nproportion: " + s[1] + "\nepochs: " + s[2]
          + "\ninputs: [{path: ../in.txt, format: text}]\n");
    }
    PipelineConfig config = new ConfigLoader(Map.of(MixStage.NAME, MixStage.SECTION),
        new Configuration(), true).load(dir.resolve("pipeline.yaml").toString());
    SparkSession spark = SparkTestSession.get();
    Dataset<Document> input = spark.createDataset(docs, Document.ENCODER).repartition(4).cache();
    input.count();
    // cores of the local master (local[2]); defaultParallelism is a setting, not the cores
    String master = spark.sparkContext().master();
    int cores = master.matches("local\\[\\d+]")
        ? Integer.parseInt(master.replaceAll("\\D", "")) : Runtime.getRuntime().availableProcessors();

    // warm-up: tokenizer loaded and JIT-compiled in the executor JVM
    input.limit(500).mapPartitions(new CountOnly(tok.toString()), Encoders.LONG()).collectAsList();
    long t0 = System.nanoTime();
    long tokens = 0;
    for (long n : input.mapPartitions(new CountOnly(tok.toString()), Encoders.LONG())
        .collectAsList()) {
      tokens += n;
    }
    double countSec = (System.nanoTime() - t0) / 1e9;

    RunLayout layout = new RunLayout(config.output());
    long t1 = System.nanoTime();
    Dataset<Outcome> out = new MixStage(new HfTokenCounterFactory())
        .apply(new StageContext(spark, config, layout), input);
    StageOutput.write(out, layout.stageDir(MixStage.NAME), 0.0, 1);
    double mixSec = (System.nanoTime() - t1) / 1e9;

    Map<String, Double> epochs = Map.of("Web", 0.7, "Wiki", 2.5, "Code", 1.3);
    List<Row> rows = StageOutput.readAll(spark, layout.stageDir(MixStage.NAME))
        .filter(functions.col("status").equalTo(Outcome.KEPT))
        .groupBy("domain")
        .agg(functions.sum(functions.col("meta").getItem("mix.tokens").cast("long")
                .plus(1).multiply(functions.col("meta").getItem("mix.copies").cast("long"))),
            functions.sum(functions.col("meta").getItem("mix.copies").cast("long")))
        .collectAsList();
    Map<String, Long> available = new java.util.TreeMap<>();
    for (Row r : input.mapPartitions(new PerDomain(tok.toString()), Encoders.tuple(Encoders.STRING(),
        Encoders.LONG())).toDF("domain", "t").groupBy("domain").sum("t").collectAsList()) {
      available.put(r.getString(0), r.getLong(1));
    }
    System.out.printf(Locale.ROOT, "mix benchmark: %,d docs, %.1f MB text, %,d tokens (EOD incl.),"
        + " %d cores%n", docs.size(), bytes / 1e6, tokens, cores);
    System.out.printf(Locale.ROOT, "mix benchmark: token counting alone %.1f s (%.2f MB/s per core);"
        + " whole mix stage %.1f s (%.2f MB/s per core), %.2fx the counting%n", countSec,
        bytes / 1e6 / countSec / cores, mixSec, bytes / 1e6 / mixSec / cores, mixSec / countSec);
    double worst = 0;
    for (Row r : rows) {
      String d = r.getString(0);
      double target = epochs.get(d) * available.get(d);
      double rel = Math.abs(r.getLong(1) - target) / target;
      worst = Math.max(worst, rel);
      System.out.printf(Locale.ROOT, "mix benchmark: %-5s available %,d target %,.0f achieved %,d"
          + " (%,d copies) relative error %.2e%n", d, available.get(d), target, r.getLong(1),
          r.getLong(2), rel);
    }
    assertTrue(worst < 0.001, "achieved tokens within 0.1% of target: " + worst);
    input.unpersist();
  }

  /** (domain, tokens + EOD) per document. */
  static final class PerDomain implements
      MapPartitionsFunction<Document, scala.Tuple2<String, Long>>, Serializable {
    private final String tok;

    PerDomain(String tok) {
      this.tok = tok;
    }

    @Override
    public Iterator<scala.Tuple2<String, Long>> call(Iterator<Document> docs) throws Exception {
      TokenCounter c = new HfTokenCounterFactory().open(tok, new HadoopConf(new Configuration()));
      List<scala.Tuple2<String, Long>> out = new ArrayList<>();
      while (docs.hasNext()) {
        Document d = docs.next();
        out.add(new scala.Tuple2<>(d.getDomain(), c.count(d.getText()) + 1L));
      }
      return out.iterator();
    }
  }
}
