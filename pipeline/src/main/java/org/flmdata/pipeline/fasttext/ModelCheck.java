package org.flmdata.pipeline.fasttext;

import com.github.jfasttext.FastTextWrapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;

/**
 * Checks that a file is a fastText model this library loads, in a child JVM ({@link NativeChild}):
 * fastText aborts the process on a truncated model, so a damaged file must fail there, not in the
 * driver or an executor. Before that, {@link ModelFileFormat} checks in Java that the file has
 * exactly the bytes its headers describe (fastText may run for minutes on a damaged header). Run
 * before any Spark work; the answer is the model's labels.
 */
public final class ModelCheck {
  private ModelCheck() {}

  /** What a good model file holds. */
  public record ModelInfo(String path, List<String> labels, int dim) {}

  /**
   * Loads {@code localPath} in a child JVM and returns its labels.
   *
   * @throws IllegalArgumentException with one line saying what is wrong with the file
   */
  public static ModelInfo verify(String localPath) {
    Path p = Path.of(localPath);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("fastText model " + localPath + " does not exist");
    }
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException("fastText model " + localPath + " is not readable");
    }
    String broken = ModelFileFormat.problem(p);
    if (broken != null) {
      throw new IllegalArgumentException("fastText model " + localPath + " " + broken);
    }
    NativeChild.Result r = NativeChild.run(ModelCheck.class, List.of(p.toAbsolutePath().toString()),
        300);
    if (!r.ok()) {
      String why = r.exitCode() == -1 ? "loading it took over 300 s" : r.lastLine();
      throw new IllegalArgumentException("fastText model " + localPath
          + " cannot be loaded (not a fastText .bin/.ftz file, damaged or truncated): " + why);
    }
    List<String> lines = r.stdout().lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("ok ")) {
      throw new IllegalArgumentException("fastText model " + localPath
          + " check gave no answer: " + r.lastLine());
    }
    int dim = Integer.parseInt(lines.get(0).substring(3).strip());
    return new ModelInfo(localPath, List.copyOf(lines.subList(1, lines.size())), dim);
  }

  /** Child side: prints {@code ok DIM} then one label per line; exit 1 with a message if bad. */
  public static void main(String[] args) {
    String path = args[0];
    FastTextWrapper.FastTextApi api = new FastTextWrapper.FastTextApi();
    byte[] b = path.getBytes(StandardCharsets.UTF_8);
    try (BytePointer bp = new BytePointer(Arrays.copyOf(b, b.length + 1))) {
      if (!api.checkModel(bp)) {
        System.err.println("wrong file format or version (not a fastText model)");
        System.exit(1);
      }
      api.loadModel(bp);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    int n = api.getNLabels();
    if (n <= 0) {
      System.err.println("the model has no labels (not a supervised model)");
      System.exit(1);
    }
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) labels.add(api.getLabel(i).getString(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder("ok " + api.getDim() + "\n");
    for (String l : labels) sb.append(l).append('\n');
    System.out.print(sb);
    System.out.flush();
    System.exit(0);
  }
}
