package org.flmdata.extract;

import org.flmdata.pipeline.io.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.TaskCompletionListener;
import org.flmdata.pipeline.Outcome;
import org.flmdata.pipeline.io.InputFiles.InputFile;

/**
 * The Spark task of the file formats: streams the outcomes of a batch of files, one file open at a
 * time, each read by the reader of the input's format. Carries only the input's small context and
 * the broadcast Hadoop configuration.
 */
final class BatchReader implements FlatMapFunction<FileBatches.FileBatch, Outcome> {
  private static final long serialVersionUID = 1L;

  private final InputContext input;
  private final Broadcast<HadoopConf> conf;

  BatchReader(InputContext input, Broadcast<HadoopConf> conf) {
    this.input = input;
    this.conf = conf;
  }

  @Override
  public Iterator<Outcome> call(FileBatches.FileBatch batch) {
    Chain chain = new Chain(input, batch.files().iterator(), conf.value().get());
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) t -> chain.closeAll());
    }
    return chain;
  }

  /** The reader for one file of {@code input}. */
  static OutcomeReader open(InputContext input, InputFile file, Configuration conf) {
    return open(input, file, conf, new TikaWorker(input.tikaTimeoutMs()));
  }

  /** The reader for one file of {@code input}, parsing documents on the task's Tika worker. */
  static OutcomeReader open(
      InputContext input, InputFile file, Configuration conf, TikaWorker tika) {
    FileContext ctx = new FileContext(input, file, tika);
    return switch (input.input().format()) {
      case WARC -> new WarcFileReader(ctx, conf);
      case HTML -> new WholeFileReader(ctx, conf);
      case TEXT ->
          input.input().perLine() ? new LinesFileReader(ctx, conf) : new WholeFileReader(ctx, conf);
      case JSONL -> new LinesFileReader(ctx, conf);
      case PARQUET -> throw new IllegalArgumentException("parquet is read by ParquetInput");
    };
  }

  /** The outcomes of several files, one after the other, each file closed when done. */
  static final class Chain implements Iterator<Outcome> {
    private final InputContext input;
    private final Iterator<InputFile> files;
    private final Configuration conf;
    private final TikaWorker tika;
    private OutcomeReader current;

    Chain(InputContext input, Iterator<InputFile> files, Configuration conf) {
      this.input = input;
      this.files = files;
      this.conf = conf;
      this.tika = new TikaWorker(input.tikaTimeoutMs());
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        close();
        if (!files.hasNext()) return false;
        current = open(input, files.next(), conf, tika);
      }
      return true;
    }

    @Override
    public Outcome next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }

    /** Closes the open file and stops the task's Tika worker. */
    void closeAll() {
      try {
        close();
      } finally {
        tika.close();
      }
    }

    void close() {
      if (current != null) {
        OutcomeReader r = current;
        current = null;
        try {
          r.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
