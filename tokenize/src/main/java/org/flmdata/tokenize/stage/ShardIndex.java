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
import org.flmdata.tokenize.megatron.TokenDType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the trainer reads besides the shards, written by the driver from the tasks' {@link
 * ShardStat}s (sorted by shard):
 *
 * <ul>
 *   <li>{@code manifest.json}: every shard with its path as written, split, domain, docs, tokens
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

  static final String MANIFEST = "manifest.json";
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
        om.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(om, stats, tok, roots)));
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

  private static ObjectNode manifest(ObjectMapper om, List<ShardStat> stats, Tokenizer tok,
      Roots roots) {
    ObjectNode root = om.createObjectNode();
    ArrayNode shards = root.putArray("shards");
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
    for (Map.Entry<String, long[]> e : perShard.entrySet()) {
      ShardStat s = first.get(e.getKey());
      shards.addObject().put("path", e.getKey()).put("split", split(s))
          .put("domain", s.getDomain()).put("docs", e.getValue()[0])
          .put("tokens", e.getValue()[1]).put("bytes", e.getValue()[2])
          .put("sha256", s.getSha256()).put("prefix", roots.prefix(e.getKey()));
    }
    root.putObject("tokenizer").put("path", tok.path()).put("sha256", tok.sha256())
        .put("vocab_size", tok.vocabSize()).put("dtype", tok.dtype().name().toLowerCase(Locale.ROOT))
        .put("eod_token", tok.eodToken());
    root.put("eod", tok.eod());
    ArrayNode comp = root.putArray("compression");
    for (Map.Entry<String, long[]> e : compression.entrySet()) {
      String[] k = e.getKey().split("\u0000", 3);
      long[] c = e.getValue();
      ObjectNode o = comp.addObject().put("domain", k[0]).put("lang", k[1]).put("split", k[2])
          .put("docs", c[0]).put("bytes", c[1]).put("tokens", c[2]);
      if (c[1] > 0) o.put("tokens_per_byte", (double) c[2] / c[1]);
      if (c[2] > 0) o.put("bytes_per_token", (double) c[1] / c[2]);
      LOG.info("tokenize: {} {} {}: {} docs, {} bytes, {} tokens ({} tokens/byte)", k[0], k[1],
          k[2], c[0], c[1], c[2],
          c[1] > 0 ? String.format(Locale.ROOT, "%.4f", (double) c[2] / c[1]) : "-");
    }
    ArrayNode sp = root.putArray("splits");
    for (Map.Entry<String, long[]> e : splits.entrySet()) {
      String[] k = e.getKey().split("\u0000", 3);
      long[] p = e.getValue();
      ObjectNode o = sp.addObject().put("split", k[1]).put("domain", k[2])
          .put("shards", shardsOf.get(e.getKey()).size()).put("docs", p[0]).put("tokens", p[1])
          .put("text_tokens", p[1] - p[0]).put("bytes", p[2]);
      if (p[1] > 0) o.put("bytes_per_token", (double) p[2] / p[1]);
    }
    return root;
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
