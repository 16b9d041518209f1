package org.flmdata.filter;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.filter.quality.QualityReason;
import org.flmdata.filter.quality.QualityScorer;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's lowest-scored rejections come in Spark's order of domain, lang, score and id. */
class QualityStatsTest {
  @TempDir Path dir;
  SparkSession spark = SparkTestSession.get();

  @Test
  void rejectedSamplesAreSortedAsSparkSortsDomainLanguageScoreAndId() {
    List<Outcome> rows = new ArrayList<>();
    String[] domains = {"Zeta", "alpha", "Ämter", "B"};
    String[] langs = {"en", "zh", null};
    double[] scores = {0.5, 0.0, -0.0, 0.25, 0.125, 0.0};
    int n = 0;
    for (String domain : domains) {
      for (String lang : langs) {
        for (double score : scores) {
          // ids whose UTF-16 and UTF-8 orders differ: a supplementary character vs U+FF21
          String id = (n % 2 == 0 ? "\uD83D\uDE00" : "\uFF21") + (100 - n);
          Document d = new Document(id, domain, "s", "https://x/" + n, lang, "text " + n,
              Map.of()).withMeta(QualityScorer.META_KEY, Double.toString(score));
          rows.add(n % 3 == 0 ? Outcome.kept(d, 6)
              : Outcome.rejected(d, QualityReason.BELOW_THRESHOLD, "s=" + score, 6));
          n++;
        }
      }
    }
    String stage = dir.resolve("filter").toString();
    StageOutput.write(spark.createDataset(rows, Outcome.ENCODER), stage, 1.0, 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> samples = (List<Map<String, Object>>) ((Map<String, Object>)
        QualityStats.of(spark, stage).get("quality")).get("rejected_samples");
    List<String> expected = new ArrayList<>();
    for (Row r : StageOutput.readAll(spark, stage).where(col("status").equalTo("rejected"))
        .withColumn("score", col("meta").getItem(QualityScorer.META_KEY).cast("double"))
        .orderBy(col("domain"), col("lang"), col("score"), col("id"))
        .select("domain", "lang", "id").collectAsList()) {
      expected.add(r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2));
    }
    List<String> got = new ArrayList<>();
    for (Map<String, Object> s : samples) {
      got.add(s.get("domain") + "/" + s.get("lang") + "/" + s.get("id"));
    }
    // every (domain, lang) has 4 rejected rows, fewer than SAMPLES: all of them, in order
    assertEquals(expected, got);
  }
}
