package org.flmdata.pipeline.fasttext;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fastText operation in a child JVM. fastText's C++ code ends the process on some errors
 * (an {@code assert} on a damaged model file, {@code exit()} on a bad training argument or in
 * {@code quantize}); in a child that is a non-zero exit code and a message, not a dead executor
 * or driver. The child's class path is built from the code sources of this module, jfasttext and
 * JavaCPP, so it works under spark-submit too (where the application jar is not on {@code
 * java.class.path}).
 */
public final class NativeChild {
  private NativeChild() {}

  /** What the child did: exit code (-1 when killed on timeout), its stdout and stderr. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Whether the child exited with 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    /** The last non-empty line of stderr, else of stdout: usually the error. */
    public String lastLine() {
      for (String s : new String[] {stderr, stdout}) {
        String[] lines = s.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
          if (!lines[i].isBlank()) return lines[i].strip();
        }
      }
      return "exit code " + exitCode;
    }
  }

  /**
   * Runs {@code main} (a class with a {@code main} method) in a child JVM with {@code args}; the
   * child's class path holds {@code main}'s code source, this module's, jfasttext's and JavaCPP's.
   * Never throws: a child that cannot start or is killed after {@code timeoutSeconds} is a result.
   */
  public static Result run(Class<?> main, List<String> args, long timeoutSeconds) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-XX:-CreateCoredumpOnCrash"); // a native abort is an answer here, not a crash to keep
    cmd.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "fasttext-child-hs_err_%p.log"));
    cmd.add("-cp");
    cmd.add(classPath(main));
    cmd.add(main.getName());
    cmd.addAll(args);
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("fasttext-child", ".out");
      err = Files.createTempFile("fasttext-child", ".err");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      int code;
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        code = -1;
      } else {
        code = p.exitValue();
      }
      return new Result(code, Files.readString(out, StandardCharsets.UTF_8),
          tail(Files.readString(err, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return new Result(-2, "", "cannot start " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-3, "", "interrupted");
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static String tail(String s) {
    return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
  }

  private static void delete(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }

  static String classPath(Class<?> main) {
    Set<String> parts = new LinkedHashSet<>();
    for (Class<?> c : new Class<?>[] {
        main, NativeChild.class, com.github.jfasttext.FastTextWrapper.class,
        org.bytedeco.javacpp.Pointer.class}) {
      try {
        parts.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath());
      } catch (URISyntaxException | NullPointerException | SecurityException e) {
        parts.add(System.getProperty("java.class.path"));
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
