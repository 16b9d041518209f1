package org.flmdata.pipeline.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code <stage>/_SUCCESS} marker: written last, after Spark committed the stage's files, with
 * the config hash, the input stage and the duration. A stage is complete only if its marker exists
 * and carries the current hash; Spark's own empty {@code _SUCCESS} (a kill between Spark's commit
 * and ours) does not count, so the stage is redone cleanly.
 */
public record StageMarker(String stage, String configHash, String inputStage, long millis) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The marker at {@code path}, or null if absent, empty or unreadable. */
  public static StageMarker read(String path, Configuration conf) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) return null;
      try (InputStream in = fs.open(p)) {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) return null;
        Map<?, ?> m = JSON.readValue(bytes, Map.class);
        Object hash = m.get("config_hash");
        if (hash == null) return null;
        Object millis = m.get("millis");
        return new StageMarker(String.valueOf(m.get("stage")), String.valueOf(hash),
            m.get("input_stage") == null ? null : String.valueOf(m.get("input_stage")),
            millis instanceof Number n ? n.longValue() : 0L);
      }
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes this marker to {@code path}, replacing Spark's empty one. */
  public void write(String path, Configuration conf) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", stage);
    m.put("config_hash", configHash);
    m.put("input_stage", inputStage);
    m.put("millis", millis);
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    try (OutputStream out = fs.create(p, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m)
          .getBytes(StandardCharsets.UTF_8));
    }
  }
}
