package org.flmdata.tokenize.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.flmdata.pipeline.config.ConfigException;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.config.PipelineSettings;
import org.flmdata.pipeline.config.Settings;
import org.flmdata.pipeline.io.Paths;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.TokenizerFormatException;
import org.flmdata.tokenize.megatron.TokenDType;

/**
 * The run's tokenizer as the tokenize stage writes with it: the file's bytes (broadcast to the
 * shard writers), its SHA-256, the parsed tokenizer, the EOD id and the token dtype its vocabulary
 * size implies. Loading checks {@code tokenizer.path} and {@code tokenizer.eod} and fails with a
 * {@link ConfigException} naming the key.
 */
record RunTokenizer(String path, byte[] json, String sha256, HfTokenizer tokenizer,
    String eodToken, int eod, TokenDType dtype) {

  static RunTokenizer load(PipelineConfig config, Configuration hadoop) throws IOException {
    Settings tk = config.tokenizer();
    String rel = tk.get(PipelineSettings.TOKENIZER_PATH);
    if (rel == null || rel.isBlank()) {
      throw ConfigException.at(config.file(), "tokenizer.path",
          "must name a Hugging Face tokenizer.json or SentencePiece tokenizer.model for the"
              + " tokenize stage");
    }
    String path = Paths.resolve(Paths.parent(config.file()), rel);
    byte[] json = readAll(new Path(path), hadoop, config.file());
    HfTokenizer tok;
    try {
      tok = HfTokenizer.load(new ByteArrayInputStream(json), path);
    } catch (TokenizerFormatException e) {
      throw ConfigException.at(config.file(), "tokenizer.path", e.getMessage());
    }
    String eodToken = tk.get(PipelineSettings.TOKENIZER_EOD);
    int eod = tok.tokenId(eodToken);
    if (eod < 0) {
      throw ConfigException.at(config.file(), "tokenizer.eod",
          "\"" + eodToken + "\" is not a token of " + path);
    }
    return new RunTokenizer(path, json, sha256(json), tok, eodToken, eod,
        TokenDType.forVocabSize(tok.vocabSize()));
  }

  /** The tokenizer as the manifest names it. */
  ShardIndex.Tokenizer manifestEntry() {
    return new ShardIndex.Tokenizer(path, sha256, tokenizer.vocabSize(), dtype, eodToken, eod);
  }

  private static byte[] readAll(Path p, Configuration hadoop, String configFile)
      throws IOException {
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw ConfigException.at(configFile, "tokenizer.path", "\"" + p + "\" does not exist");
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
