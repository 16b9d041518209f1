package org.flmdata.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Parquet files written without Spark, good and bad, for the Parquet input's tests. Shared with the
 * end-to-end tests through this module's test-jar.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * A Parquet file of {@code schema} (Parquet's message syntax) holding {@code rows}, each an array
   * of (column, value) pairs; values are String, Integer or Long.
   */
  public static Path write(Path file, String schema, Object[]... rows) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      try (ParquetWriter<Group> w =
          ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
              .withType(type)
              .withConf(new Configuration())
              .build()) {
        SimpleGroupFactory f = new SimpleGroupFactory(type);
        for (Object[] row : rows) {
          Group g = f.newGroup();
          for (int i = 0; i < row.length; i += 2) {
            String name = (String) row[i];
            Object v = row[i + 1];
            if (v instanceof String s) g.append(name, s);
            else if (v instanceof Integer n) g.append(name, n);
            else if (v instanceof Long n) g.append(name, n);
            else throw new IllegalArgumentException("value " + v);
          }
          w.write(g);
        }
      }
      // Hadoop's local file system leaves a .crc beside the file; the inputs skip dot files
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} random bytes named as Parquet. */
  public static Path junk(Path file, int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return Fixtures.write(file, b);
  }

  /** {@code good} without its last {@code cut} bytes (the footer's end and magic). */
  public static Path truncated(Path good, Path file, int cut) {
    try {
      byte[] b = Files.readAllBytes(good);
      return Fixtures.write(file, Arrays.copyOf(b, b.length - cut));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The magic at both ends and a footer length that fits, around bytes that are no footer. */
  public static Path garbageFooter(Path file) {
    byte[] junk = new byte[64];
    new Random(3).nextBytes(junk);
    byte[] b = new byte[4 + junk.length + 8];
    System.arraycopy("PAR1".getBytes(), 0, b, 0, 4);
    System.arraycopy(junk, 0, b, 4, junk.length);
    int len = junk.length;
    b[4 + len] = (byte) len;
    System.arraycopy("PAR1".getBytes(), 0, b, 4 + len + 4, 4);
    return Fixtures.write(file, b);
  }
}
