package org.flmdata.tokenize.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flmdata.pipeline.contract.ShardManifest;
import org.flmdata.tokenize.megatron.TokenDType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the trainer reads besides the shards, written by the driver from the tasks' {@link
 * ShardStat}s (sorted by shard):
 *
 * <ul>
 *   <li>{@code manifest.json} ({@link ShardManifest}): every shard with its path as written, split, domain, docs, tokens
 *       (EOD included), text bytes, sha256 of the .bin and {@code prefix} (the path the blend
 *       files name, {@link TrainerPaths}); the tokenizer; the EOD id; {@code compression} per
 *       (domain, language, split): docs, text bytes, text tokens, tokens per byte and bytes per
 *       token; {@code splits} per (split, domain): shards, docs, tokens, text tokens, bytes and
 *       bytes per token counting EOD as the shards (and a model's loss) do, for bits per byte.
 *   <li>{@code blend.txt}: the training split as Megatron-LM's {@code --data-path} (or {@code
 *       --data-args-path}) takes it, one {@code weight prefix} pair per line ({@link Blend}).
 *   <li>{@code blend_per_split.json}: what {@code --per-split-data-args-path} takes, {@code
 *       {"train": [w, p, ...], "valid": [...], "test": [...]}}, weights as strings; a split
 *       without shards is {@code null} (Megatron then builds no dataset for it).
 * </ul>
 */
final class ShardIndex {
  private static final Logger LOG = LoggerFactory.getLogger(ShardIndex.class);

  static final String MANIFEST = ShardManifest.FILE;
  static final String BLEND = "blend.txt";
  static final String PER_SPLIT = "blend_per_split.json";
  static final List<String> SPLITS = List.of(ShardWriter.TRAIN, "valid", "test");

  private ShardIndex() {}

  /** The tokenizer as the manifest names it. */
  record Tokenizer(String path, String sha256, int vocabSize, TokenDType dtype, String eodToken,
      int eod) {}

  /** How blend prefixes are named: the run's output root and the trainer's view of it. */
  record Roots(String root, String trainerRoot) {
    String prefix(String shard) {
      return TrainerPaths.of(shard, root, trainerRoot);
    }
  }

  /**
   * @param trainProportions blend weights of the training split's groups (domain, or {@code mix})
   * @param heldProportions blend weights of the held-out splits' domains
   */
  static void write(FileSystem fs, Path dir, List<ShardStat> stats, Tokenizer tok,
      Map<String, Double> trainProportions, Map<String, Double> heldProportions, Roots roots)
      throws IOException {
    ObjectMapper om = new ObjectMapper();
    write(fs, new Path(dir, MANIFEST),
        om.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(stats, tok, roots)));
    Map<String, List<Blend.Entry>> blends = new LinkedHashMap<>();
    for (String split : SPLITS) {
      blends.put(split, Blend.weights(shards(stats, split, roots),
          split.equals(ShardWriter.TRAIN) ? trainProportions : heldProportions));
    }
    write(fs, new Path(dir, BLEND),
        Blend.render(blends.get(ShardWriter.TRAIN)).getBytes(StandardCharsets.UTF_8));
    ObjectNode perSplit = om.createObjectNode();
    for (Map.Entry<String, List<Blend.Entry>> e : blends.entrySet()) {
      if (e.getValue().isEmpty()) {
        perSplit.putNull(e.getKey());
        continue;
      }
      ArrayNode a = perSplit.putArray(e.getKey());
      for (Blend.Entry b : e.getValue()) a.add(Blend.weight(b.weight())).add(b.prefix());
    }
    write(fs, new Path(dir, PER_SPLIT), om.writerWithDefaultPrettyPrinter().writeValueAsBytes(perSplit));
  }

  /** The manifest from the tasks' stats (sorted by shard). */
  static ShardManifest manifest(List<ShardStat> stats, Tokenizer tok, Roots roots) {
    Map<String, long[]> perShard = new LinkedHashMap<>(); // docs, tokens, bytes
    Map<String, ShardStat> first = new LinkedHashMap<>();
    Map<String, long[]> compression = new TreeMap<>(); // domain, lang, split -> docs, bytes, text tokens
    Map<String, long[]> splits = new TreeMap<>(); // split, domain -> docs, tokens, bytes
    Map<String, Set<String>> shardsOf = new TreeMap<>(); // split, domain -> shards
    for (ShardStat s : stats) {
      long[] t = perShard.computeIfAbsent(s.getShard(), k -> new long[3]);
      t[0] += s.getDocs();
      t[1] += s.getTokens();
      t[2] += s.getTextBytes();
      first.putIfAbsent(s.getShard(), s);
      String source = s.getSource() == null ? s.getDomain() : s.getSource();
      long[] c = compression.computeIfAbsent(source + "\u0000" + s.getLang() + "\u0000"
          + split(s), k -> new long[3]);
      c[0] += s.getDocs();
      c[1] += s.getTextBytes();
      c[2] += s.getTokens() - s.getDocs(); // text tokens, without the EOD
      // in split order (train, valid, test), then domain
      String key = SPLITS.indexOf(split(s)) + "\u0000" + split(s) + "\u0000" + source;
      long[] p = splits.computeIfAbsent(key, k -> new long[3]);
      p[0] += s.getDocs();
      p[1] += s.getTokens();
      p[2] += s.getTextBytes();
      shardsOf.computeIfAbsent(key, k -> new TreeSet<>()).add(s.getShard());
    }
    List<ShardManifest.Shard> shards = new ArrayList<>();
    for (Map.Entry<String, long[]> e : perShard.entrySet()) {
      ShardStat s = first.get(e.getKey());
      shards.add(new ShardManifest.Shard(e.getKey(), split(s), s.getDomain(), e.getValue()[0],
          e.getValue()[1], e.getValue()[2], s.getSha256(), roots.prefix(e.getKey())));
    }
    List<ShardManifest.Compression> comp = new ArrayList<>();
    for (Map.Entry<String, long[]> e : compression.entrySet()) {
      String[] k = e.getKey().split("\u0000", 3);
      long[] c = e.getValue();
      comp.add(ShardManifest.Compression.of(k[0], k[1], k[2], c[0], c[1], c[2]));
      LOG.info("tokenize: {} {} {}: {} docs, {} bytes, {} tokens ({} tokens/byte)", k[0], k[1],
          k[2], c[0], c[1], c[2],
          c[1] > 0 ? String.format(Locale.ROOT, "%.4f", (double) c[2] / c[1]) : "-");
    }
    List<ShardManifest.Split> sp = new ArrayList<>();
    for (Map.Entry<String, long[]> e : splits.entrySet()) {
      String[] k = e.getKey().split("\u0000", 3);
      long[] p = e.getValue();
      sp.add(new ShardManifest.Split(k[1], k[2], shardsOf.get(e.getKey()).size(), p[0], p[1],
          p[1] - p[0], p[2], p[1] > 0 ? (double) p[2] / p[1] : null));
    }
    return new ShardManifest(shards, new ShardManifest.Tokenizer(tok.path(), tok.sha256(),
        tok.vocabSize(), tok.dtype().name().toLowerCase(Locale.ROOT), tok.eodToken()), tok.eod(),
        comp, sp);
  }

  private static String split(ShardStat s) {
    return s.getSplit() == null ? ShardWriter.TRAIN : s.getSplit();
  }

  /** One blend shard per written shard of {@code split}, named as the trainer opens it. */
  private static List<Blend.Shard> shards(List<ShardStat> stats, String split, Roots roots) {
    Map<String, Blend.Shard> shards = new LinkedHashMap<>();
    for (ShardStat s : stats) {
      if (!split(s).equals(split)) continue;
      Blend.Shard prev = shards.get(s.getShard());
      long tokens = (prev == null ? 0 : prev.tokens()) + s.getTokens();
      shards.put(s.getShard(), new Blend.Shard(roots.prefix(s.getShard()), s.getDomain(), tokens));
    }
    return new ArrayList<>(shards.values());
  }

  private static void write(FileSystem fs, Path p, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(p, true)) {
      out.write(bytes);
    }
  }
}
