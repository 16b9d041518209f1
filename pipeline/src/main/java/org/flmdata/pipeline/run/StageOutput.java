package org.flmdata.pipeline.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.Document;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.io.Paths;

/**
 * Writes a stage's {@link Outcome}s and reads them back. One Parquet write per stage, partitioned
 * by {@code status} and {@code domain} (see {@link RunLayout}); rejected rows keep their text for
 * a deterministic sample of ids only ({@code rejected_text_fraction}), always with their sizes.
 */
public final class StageOutput {
  private StageOutput() {}

  /** Schema of a stage's Parquet files, partition columns included (no type inference). */
  public static StructType schema() {
    return Outcome.ENCODER.schema();
  }

  /**
   * Writes {@code outcomes} to {@code dir}, replacing whatever a killed earlier attempt left.
   *
   * @param rejectedTextFraction share of rejected rows that keep their text, chosen by id hash
   * @param seed seed of that choice
   */
  public static void write(Dataset<Outcome> outcomes, String dir, double rejectedTextFraction,
      long seed) {
    final long buckets = 1_000_000L;
    long keepBelow = Math.round(rejectedTextFraction * buckets);
    Column sampled = pmod(xxhash64(col("id"), lit(seed)), lit(buckets)).lt(lit(keepBelow));
    Column text = when(col("status").equalTo(lit(Outcome.KEPT)).or(sampled), col("text"))
        .otherwise(lit(null).cast("string"));
    List<Column> cols = new ArrayList<>();
    for (String c : Outcome.DATA_COLUMNS) {
      cols.add(c.equals("text") ? text.as("text") : col(c));
    }
    cols.add(col("status"));
    cols.add(col("domain"));
    outcomes.toDF()
        .select(cols.toArray(new Column[0]))
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "zstd")
        .partitionBy("status", "domain")
        .parquet(dir);
  }

  /** Every outcome row of a stage (kept and rejected), with partition columns. */
  public static Dataset<Row> readAll(SparkSession spark, String stageDir) {
    return spark.read().schema(schema()).option("basePath", stageDir).parquet(stageDir);
  }

  /**
   * The kept documents of a stage, as the next stage's input; an empty Dataset when the stage
   * kept nothing (no {@code status=kept} folder exists then).
   */
  public static Dataset<Document> readKept(SparkSession spark, String stageDir) {
    Dataset<Row> rows;
    if (exists(spark, keptDir(stageDir))) {
      rows = spark.read().schema(schema()).option("basePath", stageDir)
          .parquet(keptDir(stageDir));
    } else {
      rows = spark.createDataFrame(List.of(), schema());
    }
    return rows.select("id", "domain", "source", "url", "lang", "text", "meta")
        .as(Document.ENCODER);
  }

  static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot check " + path + ": " + e.getMessage(), e);
    }
  }

  private static String keptDir(String stageDir) {
    return Paths.join(stageDir, "status=" + Outcome.KEPT);
  }
}
