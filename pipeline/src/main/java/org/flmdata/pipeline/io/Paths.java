package org.flmdata.pipeline.io;

import java.net.URI;

/** Path arithmetic that works the same for local paths and URIs (s3a://bucket/key). */
public final class Paths {
  private Paths() {}

  /** True for {@code s3a://...}, {@code file:/...}, {@code hdfs://...}. */
  public static boolean hasScheme(String p) {
    int colon = p.indexOf(':');
    int slash = p.indexOf('/');
    return colon > 1 && (slash < 0 || colon < slash);
  }

  /** {@code rel} resolved against folder {@code dir}, unless it is absolute or has a scheme. */
  public static String resolve(String dir, String rel) {
    if (hasScheme(rel) || rel.startsWith("/")) return rel;
    if (dir == null || dir.isEmpty()) return rel;
    String d = dir.endsWith("/") ? dir : dir + "/";
    String joined = d + rel;
    if (hasScheme(joined)) {
      return URI.create(joined.replace(" ", "%20")).normalize().toString().replace("%20", " ");
    }
    return java.nio.file.Path.of(joined).normalize().toString();
  }

  /** The folder holding {@code file}. */
  public static String parent(String file) {
    int slash = file.lastIndexOf('/');
    if (slash < 0) return "";
    if (slash == 0) return "/";
    return file.substring(0, slash);
  }

  /** {@code root/child}, one slash between. */
  public static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
