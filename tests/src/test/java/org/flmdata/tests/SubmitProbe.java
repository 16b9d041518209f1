package org.flmdata.tests;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.Document;

/**
 * A minimal application for spark-submit, run from its own small jar next to the shaded
 * pipeline.jar ({@code --jars}): writes {@code DOCS} {@link Document}s (a class the shaded jar
 * must supply) as Parquet under {@code OUTPUT}/docs, reads them back and writes a summary to
 * {@code OUTPUT}/summary. Lets the spark-submit harness and s3a be tested before the CLI exists,
 * and keeps doing so independently of it.
 *
 * <p>Usage: {@code SubmitProbe OUTPUT DOCS}; prints one line {@code probe <summary>} on stdout.
 */
public final class SubmitProbe {
  private SubmitProbe() {}

  /** The text of probe document {@code i}; tests compute expected sums from it. */
  static String text(int i) {
    return "probe document " + i + " – ünïcödé 中文";
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SubmitProbe OUTPUT DOCS");
      System.exit(2);
    }
    String output = args[0];
    int docs = Integer.parseInt(args[1]);
    SparkSession spark = SparkSession.builder().appName("flmdata-submit-probe").getOrCreate();
    try {
      List<Document> rows = IntStream.range(0, docs)
          .mapToObj(i -> new Document("probe-" + i, "Probe", "probe", null, "en", text(i), Map.of("i", "" + i)))
          .collect(Collectors.toList());
      spark.createDataset(rows, Document.ENCODER).repartition(2).write().parquet(output + "/docs");

      Dataset<Document> back = spark.read().parquet(output + "/docs").as(Document.ENCODER);
      long count = back.count();
      long chars = back.map((MapFunction<Document, Long>) d -> (long) d.getText().length(), Encoders.LONG())
          .reduce((ReduceFunction<Long>) Long::sum);
      String documentJar = Document.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      String summary = "master=" + spark.sparkContext().master() + " docs=" + count + " chars=" + chars
          + " document_class_from=" + documentJar;
      spark.createDataset(List.of(summary), Encoders.STRING()).coalesce(1).write().text(output + "/summary");
      System.out.println("probe " + summary);
    } finally {
      spark.stop();
    }
  }
}
