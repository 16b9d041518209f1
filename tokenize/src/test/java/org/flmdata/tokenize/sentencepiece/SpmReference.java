package org.flmdata.tokenize.sentencepiece;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flmdata.pipeline.testing.Prerequisites;

/**
 * SentencePiece's own command-line tools (Debian package {@code sentencepiece}, installed by
 * {@code tests/setup/install-sentencepiece.sh}): {@code spm_train} trains small models,
 * {@code spm_encode --output_format=id} gives reference ids. Tests skip with a message when absent
 * (fail under CI).
 */
final class SpmReference {
  private SpmReference() {}

  /** Returns when the tools are on the PATH; else skips the calling test, or fails under CI. */
  static void require() {
    Prerequisites.sentencePiece();
  }

  /** Trains {@code <prefix>.model} with spm_train; {@code args} are extra --flag=value options. */
  static Path train(Path corpus, Path prefix, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("spm_train", "--input=" + corpus, "--model_prefix=" + prefix,
        "--model_type=bpe", "--num_threads=1", "--minloglevel=1"));
    cmd.addAll(List.of(args));
    run(cmd, prefix.resolveSibling(prefix.getFileName() + ".train.log"));
    return Path.of(prefix + ".model");
  }

  /** Reference ids of each line (no newlines inside), one int[] per line. */
  static List<int[]> encode(Path model, List<String> lines, Path work) throws IOException, InterruptedException {
    Path in = work.resolve("spm-input.txt");
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
    Path out = work.resolve("spm-ids.txt");
    run(List.of("spm_encode", "--model=" + model, "--output_format=id", "--input=" + in, "--output=" + out),
        work.resolve("spm-encode.log"));
    List<int[]> ids = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String t = line.trim();
      if (t.isEmpty()) {
        ids.add(new int[0]);
        continue;
      }
      String[] parts = t.split(" ");
      int[] v = new int[parts.length];
      for (int i = 0; i < v.length; i++) v[i] = Integer.parseInt(parts[i]);
      ids.add(v);
    }
    if (ids.size() != lines.size()) {
      throw new IOException("spm_encode wrote " + ids.size() + " lines for " + lines.size());
    }
    return ids;
  }

  private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(log));
    }
  }
}
