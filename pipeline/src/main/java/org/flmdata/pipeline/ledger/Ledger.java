package org.flmdata.pipeline.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.run.StageOutput;

/**
 * The ledger of a stage, counted from its written output (never from accumulators, which count
 * re-run tasks twice). Reads only the small columns, so the scan skips the text; the aggregate is
 * O(domains x languages x reasons) rows and is the only thing that reaches the driver.
 */
public final class Ledger {
  private Ledger() {}

  /** Rows of {@code stage}'s output under {@code stageDir}, sorted by domain and language. */
  public static List<LedgerRow> ofStage(SparkSession spark, String stage, String stageDir) {
    List<Row> groups = StageOutput.readAll(spark, stageDir)
        .groupBy(col("domain"), col("lang"), col("status"), col("rule"), col("reason"))
        .agg(count(lit(1)).as("docs"), sum(col("bytesIn")).as("bytes_in"),
            sum(col("bytesOut")).as("bytes_out"))
        .collectAsList();
    Map<String, Acc> byKey = new TreeMap<>();
    for (Row r : groups) {
      String domain = r.getString(0);
      String lang = r.isNullAt(1) ? "und" : r.getString(1);
      Acc a = byKey.computeIfAbsent(domain + "\u0000" + lang, k -> new Acc(domain, lang));
      long docs = r.getLong(5);
      long in = r.isNullAt(6) ? 0 : r.getLong(6);
      long out = r.isNullAt(7) ? 0 : r.getLong(7);
      a.docsIn += docs;
      a.bytesIn += in;
      if (Outcome.KEPT.equals(r.getString(2))) {
        a.docsKept += docs;
        a.bytesKept += in;
        a.bytesOut += out;
      } else {
        String key = r.getString(3) + "/" + r.getString(4);
        a.rejected.merge(key, docs, Long::sum);
        a.rejectedBytes.merge(key, in, Long::sum);
      }
    }
    List<LedgerRow> rows = new ArrayList<>();
    for (Acc a : byKey.values()) {
      rows.add(new LedgerRow(stage, a.domain, a.lang, a.docsIn, a.docsKept, a.bytesIn,
          a.bytesKept, a.bytesOut, a.rejected, a.rejectedBytes));
    }
    return rows;
  }

  /** The sum of {@code rows} as one row (domain and language "*"). */
  public static LedgerRow total(String stage, List<LedgerRow> rows) {
    Acc a = new Acc("*", "*");
    for (LedgerRow r : rows) {
      a.docsIn += r.docsIn();
      a.docsKept += r.docsKept();
      a.bytesIn += r.bytesIn();
      a.bytesKept += r.bytesKept();
      a.bytesOut += r.bytesOut();
      r.rejected().forEach((k, v) -> a.rejected.merge(k, v, Long::sum));
      r.rejectedBytes().forEach((k, v) -> a.rejectedBytes.merge(k, v, Long::sum));
    }
    return new LedgerRow(stage, a.domain, a.lang, a.docsIn, a.docsKept, a.bytesIn, a.bytesKept,
        a.bytesOut, a.rejected, a.rejectedBytes);
  }

  private static final class Acc {
    final String domain;
    final String lang;
    long docsIn;
    long docsKept;
    long bytesIn;
    long bytesKept;
    long bytesOut;
    final TreeMap<String, Long> rejected = new TreeMap<>();
    final TreeMap<String, Long> rejectedBytes = new TreeMap<>();

    Acc(String domain, String lang) {
      this.domain = domain;
      this.lang = lang;
    }
  }
}
