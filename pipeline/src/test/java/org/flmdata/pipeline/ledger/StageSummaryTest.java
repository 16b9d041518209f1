package org.flmdata.pipeline.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.DropReason;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-scan figures of a stage equal what grouped Spark queries give on the same written
 * output (the queries the report ran before, kept here as the reference): ledger groups, meta
 * counters (numeric, decimal, padded, non-numeric and missing values, a null language beside
 * "und") and the smallest-hash rejected samples per rule, in Spark's order, over several
 * partitions.
 */
class StageSummaryTest {
  @TempDir Path tmp;

  enum Reason implements DropReason {
    SHORT("length", "too-short"), LONG("length", "too-long"), SPAM("quality", "spam"),
    ACCENT("qualité", "é");

    final String rule;
    final String reason;

    Reason(String rule, String reason) {
      this.rule = rule;
      this.reason = reason;
    }

    @Override
    public String rule() {
      return rule;
    }

    @Override
    public String reason() {
      return reason;
    }
  }

  @Test
  void oneScanGivesTheFiguresOfTheGroupedQueries() {
    SparkSession spark = SparkTestSession.get();
    Random rnd = new Random(18);
    String[] langs = {"en", "zh", "und", null};
    String[] values = {"3", "12", " 7 ", "2.5", "x", "", "-4", "9223372036854775"};
    List<Outcome> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Map<String, String> meta = new LinkedHashMap<>();
      if (rnd.nextInt(3) > 0) meta.put("st.removed", values[rnd.nextInt(values.length)]);
      if (rnd.nextBoolean()) meta.put("st.pii.email", values[rnd.nextInt(values.length)]);
      if (rnd.nextBoolean()) meta.put("other.count", "5");
      meta.put("st.note", "text");
      String text = rnd.nextInt(10) == 0 ? "" : ("word " + i + " ").repeat(rnd.nextInt(200));
      Document d = new Document("id-" + Integer.toString(i * 7919, 36), "D" + rnd.nextInt(3),
          "src", "https://h/" + i, langs[rnd.nextInt(langs.length)], text, meta);
      int k = rnd.nextInt(6);
      rows.add(k < 2 ? Outcome.kept(d, 3L * i)
          : Outcome.rejected(d, Reason.values()[k - 2], rnd.nextBoolean() ? null : "d" + i, i));
    }
    String dir = tmp.resolve("st").toString();
    StageOutput.write(spark.createDataset(rows, Outcome.ENCODER).repartition(5), dir, 0.6, 7);

    StageSummary.Figures f = StageSummary.of(spark, "st", dir, 3);

    List<LedgerRow> ledger = referenceLedger(spark, dir);
    assertEquals(ledger, f.ledger());
    assertEquals(ledger, Ledger.ofStage(spark, "st", dir));
    List<MetaCounters.Counter> counters = referenceCounters(spark, dir);
    assertFalse(counters.isEmpty());
    assertEquals(counters, f.counters());
    List<Map<String, Object>> samples = referenceSamples(spark, dir, 3);
    assertEquals(3 * Reason.values().length, samples.size());
    assertEquals(samples, f.samples());
    assertEquals(List.of(), StageSummary.of(spark, "st", dir, 0).samples());
  }

  private static List<LedgerRow> referenceLedger(SparkSession spark, String dir) {
    List<Ledger.Group> groups = new ArrayList<>();
    for (Row r : StageOutput.readAll(spark, dir)
        .groupBy(col("domain"), col("lang"), col("status"), col("rule"), col("reason"))
        .agg(count(lit(1)).as("docs"), sum(col("bytesIn")), sum(col("bytesOut")))
        .collectAsList()) {
      groups.add(new Ledger.Group(r.getString(0), r.isNullAt(1) ? null : r.getString(1),
          r.getString(2), r.isNullAt(3) ? null : r.getString(3),
          r.isNullAt(4) ? null : r.getString(4), r.getLong(5), r.isNullAt(6) ? 0 : r.getLong(6),
          r.isNullAt(7) ? 0 : r.getLong(7)));
    }
    return Ledger.fromGroups("st", groups);
  }

  private static List<MetaCounters.Counter> referenceCounters(SparkSession spark, String dir) {
    List<MetaCounters.Counter> out = new ArrayList<>();
    for (Row r : StageOutput.readAll(spark, dir)
        .filter(col("status").equalTo(Outcome.KEPT))
        .select(col("domain"), col("lang"), explode(col("meta")).as(new String[] {"k", "v"}))
        .filter(col("k").startsWith("st."))
        .groupBy(col("domain"), col("lang"), col("k"))
        .agg(sum(col("v").try_cast("long")).as("value"))
        .filter(col("value").isNotNull())
        .orderBy(col("domain"), col("lang"), col("k"))
        .collectAsList()) {
      out.add(new MetaCounters.Counter(r.getString(0), r.isNullAt(1) ? "und" : r.getString(1),
          r.getString(2).substring(3), r.getLong(3)));
    }
    return out;
  }

  private static List<Map<String, Object>> referenceSamples(SparkSession spark, String dir,
      int perRule) {
    var byRule = Window.partitionBy(col("rule"), col("reason")).orderBy(col("h"), col("id"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : StageOutput.readAll(spark, dir)
        .filter(col("status").equalTo(Outcome.REJECTED).and(col("text").isNotNull()))
        .select(col("id"), col("domain"), col("lang"), col("rule"), col("reason"), col("detail"),
            substring(col("text"), 1, StageSummary.SAMPLE_CHARS).as("text"),
            xxhash64(col("id")).as("h"))
        .withColumn("n", row_number().over(byRule))
        .filter(col("n").leq(perRule))
        .orderBy(col("rule"), col("reason"), col("n"))
        .collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", r.getString(3) + "/" + r.getString(4));
      m.put("id", r.getString(0));
      m.put("domain", r.getString(1));
      m.put("lang", r.isNullAt(2) ? "und" : r.getString(2));
      m.put("detail", r.isNullAt(5) ? "" : r.getString(5));
      m.put("text", r.getString(6));
      out.add(m);
    }
    return out;
  }
}
