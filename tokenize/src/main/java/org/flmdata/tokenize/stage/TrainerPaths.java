package org.flmdata.tokenize.stage;

import java.net.URI;
import org.apache.hadoop.fs.Path;

/**
 * Shard prefixes as the trainer opens them, for the blend files. Megatron-Core reads object
 * storage through {@code s3://} (and {@code msc://}) prefixes, not Hadoop's {@code s3a://}, and
 * opens local prefixes relative to its own working directory. So, in this order:
 *
 * <ul>
 *   <li>with {@code trainer_root} (pipeline.yaml): the run's output root is replaced by it, for
 *       shards copied to the training cluster's file system ({@code /lustre/datasets/run1});
 *   <li>{@code s3a://} and {@code s3n://}: {@code s3://}, same bucket and key;
 *   <li>{@code file:} URIs and relative local paths: the absolute path;
 *   <li>anything else ({@code hdfs://}, {@code gs://}, an absolute path): as written.
 * </ul>
 */
final class TrainerPaths {
  private TrainerPaths() {}

  /**
   * @param prefix a shard prefix as written (under {@code root})
   * @param root the run's output root
   * @param trainerRoot the root as the trainer sees it, or null
   */
  static String of(String prefix, String root, String trainerRoot) {
    String p = new Path(prefix).toString();
    if (trainerRoot != null && !trainerRoot.isBlank()) {
      String r = new Path(root).toString();
      if (p.equals(r) || p.startsWith(r + "/")) {
        String t = trainerRoot.endsWith("/") ? trainerRoot.substring(0, trainerRoot.length() - 1)
            : trainerRoot;
        return t + p.substring(r.length());
      }
    }
    URI u = new Path(p).toUri();
    String scheme = u.getScheme();
    if (scheme == null) {
      return java.nio.file.Path.of(p).toAbsolutePath().normalize().toString();
    }
    if (scheme.equals("s3a") || scheme.equals("s3n")) return "s3" + p.substring(scheme.length());
    if (scheme.equals("file")) return u.getPath();
    return p;
  }
}
