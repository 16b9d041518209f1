package org.flmdata.pipeline.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Typed JSON files on any Hadoop file system: pretty-printed on write, null when absent on read. */
final class JsonFiles {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonFiles() {}

  static void write(String path, Configuration hadoop, Object value) throws IOException {
    Path p = new Path(path);
    try (OutputStream out = p.getFileSystem(hadoop).create(p, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    }
  }

  static <T> T read(String path, Configuration hadoop, Class<T> type) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) return null;
    try (InputStream in = fs.open(p)) {
      return JSON.readValue(in, type);
    }
  }
}
