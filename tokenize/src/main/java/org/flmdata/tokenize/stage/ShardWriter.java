package org.flmdata.tokenize.stage;

import org.flmdata.pipeline.io.HadoopConf;
import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.flmdata.pipeline.Outcome;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.IntBuffer;
import org.flmdata.tokenize.megatron.IndexedDatasetWriter;
import org.flmdata.tokenize.megatron.TokenDType;

/**
 * Per partition: rows sorted by (shard, id); each run of one shard number is streamed into one
 * Megatron shard {@code <shardsDir>/<domain>/<domain>_<NNNNN>} (training) or {@code
 * <shardsDir>/<split>/<domain>/<domain>_<NNNNN>} (held-out {@code valid}, {@code test}); tokens +
 * EOD per document.
 * Returns one {@link ShardStat} per (shard, language). Every row of a shard is in one partition,
 * so each shard has exactly one writer; a retried task rewrites the same bytes.
 */
final class ShardWriter implements MapPartitionsFunction<Row, ShardStat> {
  private static final long serialVersionUID = 1L;

  private final String shardsDir;
  private final Broadcast<byte[]> tokenizerJson;
  private final String tokenizerSha;
  private final String tokenizerName;
  private final int eod;
  private final TokenDType dtype;
  private final HadoopConf conf;

  ShardWriter(String shardsDir, Broadcast<byte[]> tokenizerJson, String tokenizerSha, String tokenizerName,
      int eod, TokenDType dtype, HadoopConf conf) {
    this.shardsDir = shardsDir;
    this.tokenizerJson = tokenizerJson;
    this.tokenizerSha = tokenizerSha;
    this.tokenizerName = tokenizerName;
    this.eod = eod;
    this.dtype = dtype;
    this.conf = conf;
  }

  /** Optional column: the documents' own domain when {@code domain} names a shard group. */
  static final String SOURCE = "source_domain";

  private static boolean hasSource(Row r) {
    return hasField(r, SOURCE);
  }

  private static boolean hasField(Row r, String name) {
    return java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
  }

  /** Column of a row's split; training rows may leave it out. */
  static final String SPLIT = "split";

  static final String TRAIN = "train";

  static String prefix(String shardsDir, String split, String domain, int shard) {
    String safe = TokenizeStage.safeName(domain);
    String dir = split == null || split.equals(TRAIN) ? shardsDir
        : shardsDir + "/" + TokenizeStage.safeName(split);
    return dir + "/" + safe + "/" + safe + String.format("_%05d", shard);
  }

  @Override
  public Iterator<ShardStat> call(Iterator<Row> rows) throws Exception {
    HfTokenizer tok = TokenizerHolder.get(tokenizerSha, tokenizerJson.value(), tokenizerName);
    List<ShardStat> out = new ArrayList<>();
    IntBuffer ids = new IntBuffer(1 << 12);
    IndexedDatasetWriter w = null;
    String domain = null;
    String split = null;
    int shard = -1;
    int sourceField = -2; // unknown until the first row
    // (source domain, lang) -> docs, tokens, bytes
    Map<String, long[]> byLang = new TreeMap<>();
    File tmp = new File(System.getProperty("java.io.tmpdir"));
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        int s = r.getInt(r.fieldIndex("shard"));
        if (w == null || s != shard) {
          if (w != null) finish(w, split, domain, byLang, out);
          shard = s;
          domain = r.getString(r.fieldIndex("domain"));
          split = hasField(r, SPLIT) && !r.isNullAt(r.fieldIndex(SPLIT))
              ? r.getString(r.fieldIndex(SPLIT)) : TRAIN;
          Path prefix = new Path(prefix(shardsDir, split, domain, shard));
          FileSystem fs = prefix.getFileSystem(conf.get());
          w = IndexedDatasetWriter.open(fs, prefix, dtype, tmp);
        }
        String text = r.getString(r.fieldIndex("text"));
        String lang = r.getString(r.fieldIndex("lang"));
        if (sourceField == -2) sourceField = hasSource(r) ? r.fieldIndex(SOURCE) : -1;
        String source = sourceField >= 0 && !r.isNullAt(sourceField) ? r.getString(sourceField)
            : domain;
        ids.clear();
        if (text != null) tok.encode(text, ids);
        ids.add(eod);
        w.addDocument(ids.array(), ids.size());
        long[] l = byLang.computeIfAbsent((source == null ? "" : source) + "\u0000"
            + (lang == null ? "und" : lang), k -> new long[3]);
        l[0]++;
        l[1] += ids.size();
        l[2] += text == null ? 0 : Outcome.utf8Length(text);
      }
      if (w != null) finish(w, split, domain, byLang, out);
      w = null;
    } finally {
      if (w != null) w.abort(); // the task failed mid-shard: nothing of it becomes visible
    }
    return out.iterator();
  }

  private static void finish(IndexedDatasetWriter w, String split, String domain,
      Map<String, long[]> byLang,
      List<ShardStat> out) throws java.io.IOException {
    w.close();
    String prefix = w.binPath().toString();
    prefix = prefix.substring(0, prefix.length() - ".bin".length());
    for (Map.Entry<String, long[]> e : byLang.entrySet()) {
      long[] l = e.getValue();
      String[] k = e.getKey().split("\u0000", 2);
      out.add(new ShardStat(prefix, split, domain, k[0], k[1], l[0], l[1], l[2],
          w.binSha256()));
    }
    byLang.clear();
  }
}
