package org.flmdata.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.filter.decontam.BenchmarkIndex;
import org.flmdata.filter.decontam.Ngrams;
import org.flmdata.pipeline.Document;

/**
 * Decontamination matches found by a join, for benchmark n-gram sets too large to broadcast:
 * every document's distinct n-gram hashes are joined with the benchmark n-grams (a shuffle sized
 * by the data), n-grams matched in more than {@code maxDocs} documents are removed as common
 * phrases (an anti-join, nothing collected), and each document gets its own matches back, carried
 * to {@link FilterPartition} in a private meta entry ({@link #META}) that it removes.
 */
final class JoinMatches {
  /** Private meta key: the document's matching n-grams as {@code hash:mask} pairs (hex). */
  static final String META = "\u0000filter.matches";

  private JoinMatches() {}

  static Dataset<Document> attach(SparkSession spark, Dataset<Document> input,
      BenchmarkIndex index, int maxDocs) {
    StructType idxSchema = new StructType().add("h", DataTypes.LongType)
        .add("m", DataTypes.LongType);
    List<Row> rows = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      rows.add(RowFactory.create(index.hashAt(i), index.maskAt(i)));
    }
    Dataset<Row> idx = spark.createDataFrame(rows, idxSchema);
    Dataset<Row> keyed = input.toDF().withColumn("_k", functions.concat_ws("\u0001",
        functions.col("domain"), functions.col("source"), functions.col("id")));
    int n = index.n();
    StructType gramSchema = new StructType().add("k", DataTypes.StringType)
        .add("h", DataTypes.LongType);
    Dataset<Row> grams = keyed.select("_k", "text").flatMap(
        (FlatMapFunction<Row, Row>) r -> {
          long[] hs = Ngrams.distinct(r.isNullAt(1) ? null : r.getString(1), n);
          String k = r.getString(0);
          List<Row> out = new ArrayList<>(hs.length);
          for (long h : hs) out.add(RowFactory.create(k, h));
          return out.iterator();
        }, org.apache.spark.sql.Encoders.row(gramSchema));
    Dataset<Row> hits = grams.join(idx, "h");
    Dataset<Row> common = hits.groupBy("h").agg(functions.countDistinct("k").as("c"))
        .filter(functions.col("c").gt(maxDocs)).select("h");
    Dataset<Row> real = hits.join(common, hits.col("h").equalTo(common.col("h")), "left_anti");
    Dataset<Row> perDoc = real.groupBy("k").agg(
        functions.collect_list(functions.concat(functions.hex(functions.col("h")),
            functions.lit(":"), functions.hex(functions.col("m")))).as("pairs"));
    Dataset<Row> joined = keyed.join(perDoc, keyed.col("_k").equalTo(perDoc.col("k")), "left");
    return joined.map((MapFunction<Row, Document>) JoinMatches::document, Document.ENCODER);
  }

  private static Document document(Row r) {
    Map<String, String> meta = r.isNullAt(r.fieldIndex("meta")) ? new LinkedHashMap<>()
        : new LinkedHashMap<>(r.<String, String>getJavaMap(r.fieldIndex("meta")));
    int p = r.fieldIndex("pairs");
    if (!r.isNullAt(p)) meta.put(META, String.join(",", r.<String>getList(p)));
    return new Document(str(r, "id"), str(r, "domain"), str(r, "source"), str(r, "url"),
        str(r, "lang"), str(r, "text"), meta);
  }

  private static String str(Row r, String f) {
    int i = r.fieldIndex(f);
    return r.isNullAt(i) ? null : r.getString(i);
  }

  /** The matches carried in {@code meta}, as a per-document index (empty when none). */
  static BenchmarkIndex matches(Map<String, String> meta, List<String> names, int n) {
    String v = meta == null ? null : meta.get(META);
    if (v == null || v.isEmpty()) return BenchmarkIndex.of(names, n, new long[0], new long[0]);
    String[] pairs = v.split(",");
    long[] h = new long[pairs.length];
    long[] m = new long[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int c = pairs[i].indexOf(':');
      h[i] = Long.parseUnsignedLong(pairs[i].substring(0, c), 16);
      m[i] = Long.parseUnsignedLong(pairs[i].substring(c + 1), 16);
    }
    return BenchmarkIndex.of(names, n, h, m);
  }
}
