package org.flmdata.pipeline.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands an input path or glob (local, file://, s3a://, hdfs://) into the files to read, on the
 * driver. Listing is O(files), never O(documents). A folder expands to the files under it,
 * recursively; hidden files ({@code _} or {@code .} prefix, e.g. {@code _SUCCESS}) are skipped.
 */
public final class InputFiles {
  private InputFiles() {}

  /** A file to read and the path it is named by in document ids (relative to the glob's base). */
  public record InputFile(String path, String relative, long length) implements Serializable {}

  /** The files matching {@code pattern} in name order; empty when none match. */
  public static List<InputFile> expand(String pattern, Configuration conf) throws IOException {
    Path p = new Path(pattern);
    FileSystem fs = p.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(p);
    List<InputFile> out = new ArrayList<>();
    if (matches == null) return out;
    boolean glob = !globBase(p).equals(p);
    for (FileStatus m : matches) {
      String base = fs.makeQualified(glob ? globBase(p)
          : m.isDirectory() ? m.getPath() : m.getPath().getParent()).toString();
      if (hidden(m.getPath())) continue;
      if (m.isDirectory()) {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!f.isFile() || hiddenBelow(f.getPath(), m.getPath())) continue;
          out.add(file(f, base));
        }
      } else {
        out.add(file(m, base));
      }
    }
    out.sort(Comparator.comparing(InputFile::path));
    return out;
  }

  /** The leading part of {@code p} before its first component with a glob character. */
  static Path globBase(Path p) {
    Path base = p;
    for (Path cur = p; cur != null; cur = cur.getParent()) {
      if (hasGlob(cur.getName())) base = cur.getParent();
    }
    return base;
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0
        || s.indexOf('{') >= 0;
  }

  private static InputFile file(FileStatus f, String base) {
    String path = f.getPath().toString();
    String rel = path.startsWith(base + "/") ? path.substring(base.length() + 1) : f.getPath().getName();
    return new InputFile(path, rel, f.getLen());
  }

  private static boolean hidden(Path p) {
    String n = p.getName();
    return n.startsWith("_") || n.startsWith(".");
  }

  private static boolean hiddenBelow(Path f, Path root) {
    for (Path cur = f; cur != null && !cur.equals(root); cur = cur.getParent()) {
      if (hidden(cur)) return true;
    }
    return false;
  }

  /** Lower-case file name, for extension checks. */
  public static String lowerName(String path) {
    int slash = path.lastIndexOf('/');
    return path.substring(slash + 1).toLowerCase(Locale.ROOT);
  }
}
