package org.flmdata.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.ledger.MetaCounters;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanStatsTest {
  @TempDir Path dir;

  @Test
  void charactersRemovedAndPiiAreSummedFromWrittenOutput() {
    SparkSession spark = SparkTestSession.get();
    String ref = "\n== References ==\n1. A source.";
    String body1 = "First article text, mail a@b.org today.";
    String body2 = "Second article text with x@y.org and c@d.net inside.";
    List<Document> docs = List.of(
        new Document("1", "WorldKnowledge", "w", null, "en", body1 + ref, null),
        new Document("2", "WorldKnowledge", "w", null, "en", body2 + ref, null));
    var settings = CleanStage.SECTION.parse(Map.of("rules", List.of(), "cleaners",
        List.of("wikipedia"), "paragraph_dedup", false), "t.yaml");
    JavaRDD<Document> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(docs, 2);
    JavaRDD<Outcome> out = CleanStage.run(rdd, Map.of("WorldKnowledge", settings), 2);
    String stageDir = dir.resolve("clean").toString();
    StageOutput.write(spark.createDataset(out.rdd(), Outcome.ENCODER), stageDir, 0.0, 1);
    List<MetaCounters.Counter> figures = MetaCounters.of(spark, "clean", stageDir);
    assertEquals(List.of(
        new MetaCounters.Counter("WorldKnowledge", "en", "pii.email", 3),
        new MetaCounters.Counter("WorldKnowledge", "en", "removed.wikipedia", 2L * ref.length())),
        figures);
  }
}
