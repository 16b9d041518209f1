package org.flmdata.pipeline.ledger;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Outcome;

/**
 * The ledger of a stage, counted from its written output (never from accumulators, which count
 * re-run tasks twice). Reads only the small columns, so the scan skips the text; the aggregate is
 * O(domains x languages x reasons) rows and is the only thing that reaches the driver.
 */
public final class Ledger {
  private Ledger() {}

  /**
   * Rows of {@code stage}'s output under {@code stageDir}, sorted by domain and language: one scan
   * of its small columns ({@link StageSummary}).
   */
  public static List<LedgerRow> ofStage(SparkSession spark, String stage, String stageDir) {
    return StageSummary.ledger(spark, stage, stageDir);
  }

  /**
   * Documents and bytes of the output rows sharing domain, language, status, rule and reason
   * ({@code lang}, {@code rule} and {@code reason} may be null).
   */
  record Group(String domain, String lang, String status, String rule, String reason, long docs,
      long bytesIn, long bytesOut) {}

  /** The ledger rows of {@code groups}, sorted by domain and language (null language: "und"). */
  static List<LedgerRow> fromGroups(String stage, List<Group> groups) {
    Map<String, Acc> byKey = new TreeMap<>();
    for (Group g : groups) {
      String domain = g.domain();
      String lang = g.lang() == null ? "und" : g.lang();
      Acc a = byKey.computeIfAbsent(domain + "\u0000" + lang, k -> new Acc(domain, lang));
      a.docsIn += g.docs();
      a.bytesIn += g.bytesIn();
      if (Outcome.KEPT.equals(g.status())) {
        a.docsKept += g.docs();
        a.bytesKept += g.bytesIn();
        a.bytesOut += g.bytesOut();
      } else {
        String key = g.rule() + "/" + g.reason();
        a.rejected.merge(key, g.docs(), Long::sum);
        a.rejectedBytes.merge(key, g.bytesIn(), Long::sum);
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
