package org.flmdata.filter.quality;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Prepares a supervised fastText training set with Spark: reads positive and negative sources
 * (JSONL, Parquet or plain text lines), preprocesses each text with {@link QualityText#prepare}
 * (the function scoring uses), drops empty and duplicate texts (a text in both classes is
 * dropped from both), balances the classes by taking the same number of each (a seeded hash
 * order, so the same inputs and seed give the same set), and splits off a held-out fraction by
 * the same hash. The two files are written in fastText's format ({@code __label__x text}, one
 * example a line, shuffled by the hash) to a local folder, as fastText reads local files.
 */
public final class TrainingSet {
  private TrainingSet() {}

  /** What was written: paths and example counts per class. */
  public record Result(Path train, Path heldOut, long perClass, long trainLines,
      long heldOutLines, long positivesIn, long negativesIn) {}

  /**
   * @param positives paths of positive sources (e.g. Wikipedia, books, curated QA)
   * @param negatives paths of negative sources (e.g. random extracted web text)
   * @param field the text field of JSONL/Parquet sources
   * @param maxPerClass at most this many examples per class (0: no limit)
   */
  public static Result prepare(SparkSession spark, List<String> positives, List<String> negatives,
      String field, String positiveLabel, String negativeLabel, double heldOutFraction,
      long maxPerClass, long seed, Path outDir) throws IOException {
    return prepare(raw(spark, positives, field), raw(spark, negatives, field), positiveLabel,
        negativeLabel, heldOutFraction, maxPerClass, seed, outDir);
  }

  /**
   * The same from two datasets of raw texts (a run's documents, say: {@code pipeline quality
   * train --stage}); each text goes through {@link QualityText#prepare} here.
   */
  public static Result prepare(Dataset<String> positives, Dataset<String> negatives,
      String positiveLabel, String negativeLabel, double heldOutFraction, long maxPerClass,
      long seed, Path outDir) throws IOException {
    SparkSession spark = positives.sparkSession();
    Dataset<Row> pos = prepared(positives).withColumn("y", functions.lit(1));
    Dataset<Row> neg = prepared(negatives).withColumn("y", functions.lit(0));
    Dataset<Row> all = pos.union(neg);
    // a text in both classes teaches nothing: drop it from both
    Dataset<Row> labelled = all.groupBy("t").agg(functions.min("y").as("lo"),
            functions.max("y").as("hi"))
        .filter(functions.col("lo").equalTo(functions.col("hi")))
        .select(functions.col("t"), functions.col("lo").as("y"),
            functions.xxhash64(functions.col("t"), functions.lit(seed)).as("h"))
        .cache();
    long nPos = labelled.filter("y = 1").count();
    long nNeg = labelled.filter("y = 0").count();
    long perClass = Math.min(nPos, nNeg);
    if (maxPerClass > 0) perClass = Math.min(perClass, maxPerClass);
    if (perClass < 2) {
      labelled.unpersist();
      throw new IllegalArgumentException("training needs at least 2 distinct non-empty texts per"
          + " class; found " + nPos + " positive and " + nNeg + " negative");
    }
    Column rank = functions.row_number().over(
        org.apache.spark.sql.expressions.Window.partitionBy("y").orderBy("h", "t"));
    Dataset<Row> balanced = labelled.withColumn("r", rank)
        .filter(functions.col("r").leq(perClass));
    // held-out membership by a second hash of the text, independent of the balancing order
    Column u = functions.pmod(functions.xxhash64(functions.col("t"), functions.lit(seed + 1)),
        functions.lit(1_000_000L));
    Column isHeld = u.lt(Math.round(heldOutFraction * 1_000_000));
    Dataset<String> lines = balanced.withColumn("held", isHeld)
        .withColumn("line", functions.concat(functions.when(functions.col("y").equalTo(1),
            positiveLabel).otherwise(negativeLabel), functions.lit(" "), functions.col("t")))
        .select("held", "line", "h").orderBy("h", "line")
        .select(functions.concat(functions.when(functions.col("held"), "H").otherwise("T"),
            functions.col("line"))).as(Encoders.STRING());
    String tmp = outDir.resolve("_parts").toUri().toString();
    lines.coalesce(1).write().mode("overwrite").text(tmp);
    labelled.unpersist();
    Files.createDirectories(outDir);
    Path train = outDir.resolve("train.txt");
    Path held = outDir.resolve("heldout.txt");
    long[] n = split(spark, tmp, train, held);
    return new Result(train, held, perClass, n[0], n[1], nPos, nNeg);
  }

  /** Preprocessed non-empty texts of the sources, one column {@code t}. */
  static Dataset<Row> texts(SparkSession spark, List<String> paths, String field) {
    return prepared(raw(spark, paths, field));
  }

  /** The texts of the sources as they are. */
  static Dataset<String> raw(SparkSession spark, List<String> paths, String field) {
    Dataset<String> out = null;
    for (String p : paths) {
      String lower = p.toLowerCase(Locale.ROOT);
      Dataset<String> raw;
      if (lower.contains(".jsonl") || lower.contains(".json")) {
        Dataset<Row> df = spark.read().option("mode", "PERMISSIVE").json(p);
        if (!Arrays.asList(df.columns()).contains(field)) {
          throw new IllegalArgumentException(p + " has no field \"" + field + "\"; fields: "
              + Arrays.toString(df.columns()));
        }
        raw = df.select(functions.col(field).cast("string")).as(Encoders.STRING());
      } else if (lower.endsWith(".parquet") || lower.contains(".parquet/")) {
        raw = spark.read().parquet(p).select(functions.col(field).cast("string"))
            .as(Encoders.STRING());
      } else {
        raw = spark.read().text(p).as(Encoders.STRING());
      }
      out = out == null ? raw : out.union(raw);
    }
    if (out == null) throw new IllegalArgumentException("no source paths given");
    return out;
  }

  /** {@link QualityText#prepare} of each text, empty results dropped, one column {@code t}. */
  static Dataset<Row> prepared(Dataset<String> out) {
    return out.map((MapFunction<String, String>) QualityText::prepare, Encoders.STRING())
        .filter((org.apache.spark.api.java.function.FilterFunction<String>) s -> !s.isEmpty())
        .toDF("t");
  }

  private static long[] split(SparkSession spark, String parts, Path train, Path held)
      throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(parts);
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<FileStatus> files = new ArrayList<>(Arrays.asList(fs.listStatus(dir)));
    files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    long nt = 0;
    long nh = 0;
    try (BufferedWriter t = Files.newBufferedWriter(train, StandardCharsets.UTF_8);
        BufferedWriter h = Files.newBufferedWriter(held, StandardCharsets.UTF_8)) {
      for (FileStatus f : files) {
        if (!f.getPath().getName().startsWith("part-")) continue;
        try (InputStream in = fs.open(f.getPath());
            var r = new java.io.BufferedReader(
                new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.startsWith("H")) {
              h.write(line, 1, line.length() - 1);
              h.newLine();
              nh++;
            } else {
              t.write(line, 1, line.length() - 1);
              t.newLine();
              nt++;
            }
          }
        }
      }
    }
    fs.delete(dir, true);
    return new long[] {nt, nh};
  }
}
