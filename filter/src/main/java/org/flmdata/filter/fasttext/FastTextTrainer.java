package org.flmdata.filter.fasttext;

import com.github.jfasttext.JFastText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flmdata.pipeline.fasttext.NativeChild;

/**
 * Trains a supervised fastText model from a file in fastText's format (one example a line,
 * {@code __label__x text}). Training runs in a child JVM ({@link NativeChild}): fastText calls
 * {@code exit()} on arguments it rejects, and that must not end the caller. The file is checked
 * first (at least two labels, every line labelled), so fastText is never handed a file it would
 * reject.
 */
public final class FastTextTrainer {
  private FastTextTrainer() {}

  /**
   * Trains on {@code trainFile} and writes {@code outputPrefix + ".bin"}; returns that path.
   *
   * @throws IllegalArgumentException if the file is not a usable training file
   * @throws IllegalStateException if fastText fails
   */
  public static Path train(Path trainFile, Path outputPrefix, TrainParams params) {
    Set<String> labels = labelsOf(trainFile);
    if (labels.size() < 2) {
      throw new IllegalArgumentException("training file " + trainFile
          + " must hold examples of at least 2 labels, found " + labels);
    }
    List<String> args = new ArrayList<>(List.of("supervised", "-input",
        trainFile.toAbsolutePath().toString(), "-output", outputPrefix.toAbsolutePath().toString()));
    args.addAll(params.args());
    NativeChild.Result r = NativeChild.run(FastTextTrainer.class, args, 24 * 3600);
    Path bin = Path.of(outputPrefix.toAbsolutePath() + ".bin");
    if (!r.ok() || !Files.isRegularFile(bin)) {
      throw new IllegalStateException("fastText training on " + trainFile + " failed: "
          + r.lastLine());
    }
    return bin;
  }

  /** The labels of a training file; every non-empty line must start with a label. */
  static Set<String> labelsOf(Path file) {
    Set<String> labels = new TreeSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        if (!line.startsWith("__label__")) {
          throw new IllegalArgumentException("training file " + file + " line " + n
              + " does not start with __label__");
        }
        int sp = line.indexOf(' ');
        labels.add(sp < 0 ? line : line.substring(0, sp));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("training file " + file + " cannot be read: "
          + e.getMessage(), e);
    }
    return labels;
  }

  /** Child side: {@code supervised -input ... -output ...} through the binding's runCmd. */
  public static void main(String[] args) {
    try {
      new JFastText().runCmd(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }
}
