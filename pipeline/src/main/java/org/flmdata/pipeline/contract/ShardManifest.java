package org.flmdata.pipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.flmdata.pipeline.io.Paths;
import org.flmdata.pipeline.run.RunLayout;

/**
 * {@code shards/manifest.json} (DESIGN.md "Shard manifest"), written by the tokenize stage: every
 * shard, the tokenizer, the EOD id, compression per (domain, language, split) and figures per
 * (split, domain). The stable shape is {@code {"shards": [{"path", "domain", "docs", "tokens",
 * "sha256"}], "tokenizer": {...}, "eod": N}}; the other fields are additions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShardManifest(List<Shard> shards, Tokenizer tokenizer, int eod,
    List<Compression> compression, List<Split> splits) {

  /** The manifest's file name under {@link RunLayout#shardsDir()}. */
  public static final String FILE = "manifest.json";

  public ShardManifest {
    shards = shards == null ? List.of() : List.copyOf(shards);
    compression = compression == null ? List.of() : List.copyOf(compression);
    splits = splits == null ? List.of() : List.copyOf(splits);
  }

  /**
   * One shard ({@code .bin} + {@code .idx}).
   *
   * @param path the prefix as written (no extension)
   * @param split train, valid or test
   * @param domain the shard's group: its domain, or {@code mix} for a materialised mixture
   * @param tokens tokens, EOD included
   * @param bytes UTF-8 text bytes of its documents
   * @param sha256 of the {@code .bin}
   * @param prefix the path the blend files name (under the trainer's root when set)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Shard(String path, String split, String domain, long docs, long tokens,
      long bytes, String sha256, String prefix) {}

  /** The tokenizer the shards were encoded with; {@code dtype} is uint16 or int32. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Tokenizer(String path, String sha256, int vocabSize, String dtype,
      String eodToken) {}

  /**
   * Tokenizer compression of one (domain, language, split): text tokens (without EOD) per text
   * byte, Tele-FLM Table 3's measure; the ratios are absent when their divisor is 0.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Compression(String domain, String lang, String split, long docs, long bytes,
      long tokens, @JsonInclude(Include.NON_NULL) Double tokensPerByte,
      @JsonInclude(Include.NON_NULL) Double bytesPerToken) {

    /** The row with its ratios computed from docs, bytes and text tokens. */
    public static Compression of(String domain, String lang, String split, long docs, long bytes,
        long tokens) {
      return new Compression(domain, lang, split, docs, bytes, tokens,
          bytes > 0 ? (double) tokens / bytes : null, tokens > 0 ? (double) bytes / tokens : null);
    }
  }

  /**
   * One (split, domain): its shards, docs, tokens (EOD counted, as a model's loss counts them),
   * text tokens, bytes, and bytes per token (for bits per byte); the ratio is absent at 0 tokens.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Split(String split, String domain, int shards, long docs, long tokens,
      long textTokens, long bytes, @JsonInclude(Include.NON_NULL) Double bytesPerToken) {}

  /** The manifest's path in a run. */
  public static String path(RunLayout layout) {
    return Paths.join(layout.shardsDir(), FILE);
  }

  /** Writes the manifest to the run's shards folder. */
  public void write(RunLayout layout, Configuration hadoop) throws IOException {
    JsonFiles.write(path(layout), hadoop, this);
  }

  /** The run's manifest, or null when the tokenize stage has written none. */
  public static ShardManifest read(RunLayout layout, Configuration hadoop) throws IOException {
    return JsonFiles.read(path(layout), hadoop, ShardManifest.class);
  }
}
