package org.flmdata.tests;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.Prediction;

/**
 * The JNI side of {@link FastTextParityBenchmark} doing the same work as {@code fasttext
 * predict-prob MODEL - K}: reads lines from stdin and writes one line of "label prob" pairs per
 * line to stdout, flushed per line as the CLI's {@code std::endl} does. Before reading stdin it
 * loads the model and answers every line of a warm-up file three times into a discarded stream
 * (held-out text, so the JIT has compiled the whole loop); the benchmark's clock starts at its answer to a first warm-up line, as for
 * the CLI. Arguments: MODEL K WARMUP_FILE.
 */
final class FastTextPredictChild {
  private FastTextPredictChild() {}

  public static void main(String[] args) throws Exception {
    FastTextModel model = FastTextModel.loadVerified(args[0]);
    int k = Integer.parseInt(args[1]);
    // JIT warm-up of the whole loop (read, predict, format, write) on held-out text, answers
    // discarded; three rounds so the hot methods are compiled before the first timed line
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true,
        StandardCharsets.UTF_8);
    for (int round = 0; round < 3; round++) {
      try (BufferedReader warm = Files.newBufferedReader(Path.of(args[2]),
          StandardCharsets.UTF_8)) {
        answer(model, k, warm, discard);
      }
    }
    PrintStream out = new PrintStream(new BufferedOutputStream(
        new FileOutputStream(FileDescriptor.out), 1 << 16), true, StandardCharsets.UTF_8);
    answer(model, k, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8),
        1 << 16), out);
  }

  /** One answer line per input line, flushed per line (println of an autoflush stream). */
  private static void answer(FastTextModel model, int k, BufferedReader in, PrintStream out)
      throws IOException {
    StringBuilder b = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      b.setLength(0);
      for (Prediction p : model.predict(line, k)) {
        if (b.length() > 0) b.append(' ');
        b.append(p.label()).append(' ').append((float) p.prob());
      }
      out.println(b);
    }
  }
}
