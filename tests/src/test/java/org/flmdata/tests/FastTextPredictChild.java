package org.flmdata.tests;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.flmdata.pipeline.fasttext.FastTextModel;
import org.flmdata.pipeline.fasttext.Prediction;

/**
 * The JNI side of {@link FastTextParityBenchmark} doing the same work as {@code fasttext
 * predict-prob MODEL - K}: reads lines from stdin and writes one line of "label prob" pairs per
 * line to stdout, the probability with six significant digits as the CLI's {@code std::cout}
 * prints it, each answer written (one {@code write} call) as soon as it is made, as the CLI's
 * {@code std::endl} flushes it. Before reading stdin it loads the model and answers every line of
 * a warm-up file into a discarded stream (held-out text; three rounds or more, until the JIT
 * compiler settles, so it has compiled the whole loop); the benchmark's clock starts at its answer to a first warm-up line, as for the CLI.
 * Arguments: MODEL K WARMUP_FILE.
 */
final class FastTextPredictChild {
  private FastTextPredictChild() {}

  public static void main(String[] args) throws Exception {
    FastTextModel model = FastTextModel.loadVerified(args[0]);
    int k = Integer.parseInt(args[1]);
    // JIT warm-up of the whole loop (read, predict, format, write) on held-out text, answers
    // discarded: at least three rounds, more until a round compiles for less than 100 ms, then
    // until the compiler is idle (as TokenizerSpeedBenchmark does), so the hot methods are compiled
    // before the first timed line, as in a long-running executor
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (int round = 0; round < 10; round++) {
      long j0 = jit.getTotalCompilationTime();
      try (BufferedReader warm = Files.newBufferedReader(Path.of(args[2]),
          StandardCharsets.UTF_8)) {
        answer(model, k, warm, OutputStream.nullOutputStream());
      }
      if (round >= 2 && jit.getTotalCompilationTime() - j0 < 100) break;
    }
    long last = jit.getTotalCompilationTime();
    for (int i = 0, quiet = 0; i < 50 && quiet < 2; i++) {
      Thread.sleep(200);
      long now = jit.getTotalCompilationTime();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
    answer(model, k, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8),
        1 << 16), new FileOutputStream(FileDescriptor.out));
  }

  /** One answer line per input line, each written out before the next line is read. */
  private static void answer(FastTextModel model, int k, BufferedReader in, OutputStream out)
      throws IOException {
    Answer a = new Answer();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      a.clear();
      for (Prediction p : model.predict(line, k)) a.add(p.label(), (float) p.prob());
      a.writeTo(out);
    }
  }

  /** One answer line in bytes: "label prob" pairs separated by spaces, then a newline. */
  static final class Answer {
    private final Map<String, byte[]> labelBytes = new HashMap<>();
    private byte[] b = new byte[256];
    private int n;

    void clear() {
      n = 0;
    }

    void add(String label, float prob) {
      byte[] l = labelBytes.computeIfAbsent(label, s -> s.getBytes(StandardCharsets.UTF_8));
      if (n + l.length + 32 > b.length) b = Arrays.copyOf(b, 2 * (n + l.length + 32));
      if (n > 0) b[n++] = ' ';
      System.arraycopy(l, 0, b, n, l.length);
      n += l.length;
      b[n++] = ' ';
      n = sixDigits(prob, b, n);
    }

    void writeTo(OutputStream out) throws IOException {
      b[n++] = '\n';
      out.write(b, 0, n);
    }

    /**
     * Writes {@code v} (a probability, 0 to a little above 1) with six significant digits as
     * C++'s default stream format ({@code %g}) does: trailing zeros dropped, an exponent below
     * 1e-4. Returns the new end.
     */
    static int sixDigits(float v, byte[] b, int n) {
      if (!(v > 0) || Float.isInfinite(v)) {
        byte[] s = Float.toString(v).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, b, n, s.length);
        return n + s.length;
      }
      int e = (int) Math.floor(Math.log10(v));
      long digits = Math.round(v * Math.pow(10, 5 - e));
      if (digits >= 1_000_000) {
        e++;
        digits = Math.round(v * Math.pow(10, 5 - e));
      } else if (digits < 100_000) {
        e--;
        digits = Math.round(v * Math.pow(10, 5 - e));
      }
      int zeros = 0;
      while (zeros < 5 && digits % 10 == 0) {
        digits /= 10;
        zeros++;
      }
      int len = 6 - zeros; // significant digits kept
      byte[] d = new byte[6];
      for (int i = len - 1; i >= 0; i--, digits /= 10) d[i] = (byte) ('0' + digits % 10);
      if (e < -4 || e >= 6) {
        b[n++] = d[0];
        if (len > 1) {
          b[n++] = '.';
          for (int i = 1; i < len; i++) b[n++] = d[i];
        }
        b[n++] = 'e';
        b[n++] = (byte) (e < 0 ? '-' : '+');
        int a = Math.abs(e);
        if (a >= 100) b[n++] = (byte) ('0' + a / 100);
        b[n++] = (byte) ('0' + a / 10 % 10);
        b[n++] = (byte) ('0' + a % 10);
        return n;
      }
      if (e < 0) {
        b[n++] = '0';
        b[n++] = '.';
        for (int i = -1; i > e; i--) b[n++] = '0';
        for (int i = 0; i < len; i++) b[n++] = d[i];
        return n;
      }
      for (int i = 0; i < len || i <= e; i++) {
        if (i == e + 1) b[n++] = '.';
        b[n++] = i < len ? d[i] : (byte) '0';
      }
      return n;
    }
  }
}
