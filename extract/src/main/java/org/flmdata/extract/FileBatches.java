package org.flmdata.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.flmdata.pipeline.io.InputFiles.InputFile;

/**
 * Groups an input's files into Spark partitions: consecutive files (in name order, so the plan is
 * deterministic) until the next would pass {@code max_partition_bytes} of stored bytes. A large
 * WARC is a partition of its own; thousands of small HTML files share a few.
 */
final class FileBatches {
  private FileBatches() {}

  /** The files one task reads, in order. */
  record FileBatch(List<InputFile> files) implements Serializable {}

  static List<FileBatch> plan(List<InputFile> files, long maxPartitionBytes) {
    List<FileBatch> out = new ArrayList<>();
    List<InputFile> cur = new ArrayList<>();
    long bytes = 0;
    for (InputFile f : files) {
      if (!cur.isEmpty() && bytes + f.length() > maxPartitionBytes) {
        out.add(new FileBatch(List.copyOf(cur)));
        cur.clear();
        bytes = 0;
      }
      cur.add(f);
      bytes += f.length();
    }
    if (!cur.isEmpty()) out.add(new FileBatch(List.copyOf(cur)));
    return out;
  }
}
