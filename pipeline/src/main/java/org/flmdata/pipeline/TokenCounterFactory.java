package org.flmdata.pipeline;

import java.io.IOException;
import java.io.Serializable;
import org.flmdata.pipeline.io.HadoopConf;

/**
 * Opens a {@link TokenCounter} for the run's tokenizer, on an executor. It lets a stage (mix) count
 * tokens exactly as the tokenize stage encodes them without depending on the tokenize module: the
 * jobs module passes the tokenize module's implementation to the stage's constructor. The factory
 * travels to executors, so it is small and serializable; implementations cache the opened counter
 * per JVM (one tokenizer per executor, shared by its tasks).
 */
public interface TokenCounterFactory extends Serializable {

  /**
   * The counter of {@code tokenizerPath} (a Hugging Face tokenizer.json, local or s3a://, already
   * resolved against pipeline.yaml's folder), read with {@code conf}.
   */
  TokenCounter open(String tokenizerPath, HadoopConf conf) throws IOException;
}
