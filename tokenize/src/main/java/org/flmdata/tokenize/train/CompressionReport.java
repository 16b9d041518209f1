package org.flmdata.tokenize.train;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.flmdata.tokenize.bpe.HfTokenizer;
import scala.Tuple2;

/**
 * Compression of tokenizers on documents, per domain and language: tokens per UTF-8 byte (lower
 * is better), in the layout of Tele-FLM's Table 3 (one row per tokenizer, one column per
 * domain/language, plus all documents). Each executor loads every tokenizer once per partition
 * from a broadcast copy of its file; only (domain, lang) sums reach the driver.
 *
 * @param tokenizers names, in row order
 * @param columns {@code domain/lang} keys, sorted, then {@code all}
 * @param bytes UTF-8 bytes per column
 * @param tokens tokens per tokenizer (row) and column
 * @param docs documents per column
 */
public record CompressionReport(List<String> tokenizers, List<String> columns, long[] bytes,
    long[][] tokens, long[] docs) {

  /** A tokenizer to measure: its display name and its tokenizer.json bytes. */
  public record Named(String name, byte[] json) implements java.io.Serializable {}

  /** Measures {@code tokenizers} on {@code docs} (columns {@code domain, lang, text}). */
  public static CompressionReport measure(Dataset<Row> docs, List<Named> tokenizers) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(docs.sparkSession().sparkContext());
    Broadcast<List<Named>> bc = jsc.broadcast(new ArrayList<>(tokenizers));
    int k = tokenizers.size();
    List<Tuple2<String, long[]>> sums = docs.select("domain", "lang", "text").javaRDD()
        .mapPartitionsToPair((Iterator<Row> it) -> {
          List<HfTokenizer> toks = new ArrayList<>();
          for (Named n : bc.value()) toks.add(HfTokenizer.load(new ByteArrayInputStream(n.json()), n.name()));
          Map<String, long[]> local = new TreeMap<>();
          while (it.hasNext()) {
            Row r = it.next();
            String text = r.isNullAt(2) ? "" : r.getString(2);
            String key = (r.isNullAt(0) ? "?" : r.getString(0)) + "/" + (r.isNullAt(1) ? "und" : r.getString(1));
            long[] s = local.computeIfAbsent(key, x -> new long[k + 2]);
            s[0]++;
            s[1] += text.getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < k; i++) s[2 + i] += toks.get(i).encode(text).length;
          }
          List<Tuple2<String, long[]>> out = new ArrayList<>();
          local.forEach((key, s) -> out.add(new Tuple2<>(key, s)));
          return out.iterator();
        })
        .reduceByKey((x, y) -> {
          long[] z = x.clone();
          for (int i = 0; i < z.length; i++) z[i] += y[i];
          return z;
        })
        .collect();
    bc.destroy();
    Map<String, long[]> byKey = new TreeMap<>();
    for (Tuple2<String, long[]> t : sums) byKey.put(t._1(), t._2());
    List<String> columns = new ArrayList<>(byKey.keySet());
    columns.add("all");
    int c = columns.size();
    long[] bytes = new long[c];
    long[] docCount = new long[c];
    long[][] tokens = new long[k][c];
    int j = 0;
    for (long[] s : byKey.values()) {
      docCount[j] = s[0];
      bytes[j] = s[1];
      docCount[c - 1] += s[0];
      bytes[c - 1] += s[1];
      for (int i = 0; i < k; i++) {
        tokens[i][j] = s[2 + i];
        tokens[i][c - 1] += s[2 + i];
      }
      j++;
    }
    List<String> names = new ArrayList<>();
    for (Named n : tokenizers) names.add(n.name());
    return new CompressionReport(names, columns, bytes, tokens, docCount);
  }

  /** Tokens per byte of tokenizer {@code row} in column {@code col} (0 when the column is empty). */
  public double tokensPerByte(int row, int col) {
    return bytes[col] == 0 ? 0.0 : tokens[row][col] / (double) bytes[col];
  }

  /** The table as text: a header of columns, one line per tokenizer, tokens per byte. */
  public String table() {
    StringBuilder b = new StringBuilder();
    int w = 12;
    for (String t : tokenizers) w = Math.max(w, t.length());
    b.append(String.format(Locale.ROOT, "%-" + w + "s", "tokens/byte"));
    for (String col : columns) b.append(String.format(Locale.ROOT, "  %14s", col));
    b.append('\n');
    b.append(String.format(Locale.ROOT, "%-" + w + "s", "(docs, MB)"));
    for (int i = 0; i < columns.size(); i++) {
      b.append(String.format(Locale.ROOT, "  %14s", docs[i] + ", " + String.format(Locale.ROOT, "%.2f", bytes[i] / 1e6)));
    }
    b.append('\n');
    for (int r = 0; r < tokenizers.size(); r++) {
      b.append(String.format(Locale.ROOT, "%-" + w + "s", tokenizers.get(r)));
      for (int i = 0; i < columns.size(); i++) b.append(String.format(Locale.ROOT, "  %14.4f", tokensPerByte(r, i)));
      b.append('\n');
    }
    return b.toString();
  }

  /** The table as JSON-ready maps: {@code {"columns": [...], "rows": [{"tokenizer", "tokens_per_byte": {...}}]}}. */
  public Map<String, Object> json() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> cols = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Map<String, Object> c = new java.util.LinkedHashMap<>();
      c.put("column", columns.get(i));
      c.put("docs", docs[i]);
      c.put("bytes", bytes[i]);
      cols.add(c);
    }
    m.put("columns", cols);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < tokenizers.size(); r++) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("tokenizer", tokenizers.get(r));
      Map<String, Object> tpb = new java.util.LinkedHashMap<>();
      Map<String, Object> tok = new java.util.LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        tpb.put(columns.get(i), Math.round(tokensPerByte(r, i) * 1e6) / 1e6);
        tok.put(columns.get(i), tokens[r][i]);
      }
      row.put("tokens_per_byte", tpb);
      row.put("tokens", tok);
      rows.add(row);
    }
    m.put("rows", rows);
    return m;
  }
}
