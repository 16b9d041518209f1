package org.flmdata.tokenize.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flmdata.pipeline.TokenCounter;
import org.flmdata.pipeline.TokenCounterFactory;
import org.flmdata.pipeline.io.HadoopConf;
import org.flmdata.tokenize.bpe.HfTokenizer;
import org.flmdata.tokenize.bpe.IntBuffer;

/**
 * Token counts with the same {@link HfTokenizer} the tokenize stage encodes with, for the mix
 * stage: {@code count(text)} is the number of ids tokenize writes for the text, before its EOD.
 * One tokenizer per executor JVM, keyed by the file's path, length and modification time.
 */
public final class HfTokenCounterFactory implements TokenCounterFactory {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, HfTokenizer> OPEN = new ConcurrentHashMap<>();

  @Override
  public TokenCounter open(String tokenizerPath, HadoopConf conf) throws IOException {
    Path p = new Path(tokenizerPath);
    FileSystem fs = p.getFileSystem(conf.get());
    FileStatus st = fs.getFileStatus(p);
    String key = st.getPath() + "|" + st.getLen() + "|" + st.getModificationTime();
    HfTokenizer tok;
    try {
      tok = OPEN.computeIfAbsent(key, k -> {
        try (InputStream in = fs.open(p)) {
          return HfTokenizer.load(in, tokenizerPath);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Counter(tok);
  }

  /** Counts by encoding into a per-thread buffer (the tokenizer itself is thread-safe). */
  private static final class Counter implements TokenCounter {
    private final HfTokenizer tok;
    private final ThreadLocal<IntBuffer> buffer = ThreadLocal.withInitial(() -> new IntBuffer(1 << 12));

    Counter(HfTokenizer tok) {
      this.tok = tok;
    }

    @Override
    public int count(String text) {
      if (text == null || text.isEmpty()) return 0;
      IntBuffer b = buffer.get();
      b.clear();
      tok.encode(text, b);
      return b.size();
    }
  }
}
