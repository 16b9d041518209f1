package org.flmdata.jobs.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the files of the sample corpus under one folder and records each as a {@link
 * CorpusFile}. Text is UTF-8 with '\n' line ends; a name ending in {@code .gz} is gzipped (the
 * JDK writes a zero modification time, so the bytes do not depend on the clock).
 */
final class CorpusWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final List<CorpusFile> files = new ArrayList<>();

  CorpusWriter(Path root) {
    this.root = root;
  }

  List<CorpusFile> files() {
    return List.copyOf(files);
  }

  /** One plain-text document per file. */
  void text(String rel, String domain, String text) throws IOException {
    put(rel, domain, "text", 1, 1, (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** One plain-text document per line ({@code text_unit: line}). */
  void lines(String rel, String domain, List<String> lines) throws IOException {
    String joined = String.join("\n", lines) + "\n";
    put(rel, domain, "text", lines.size(), lines.size(), joined.getBytes(StandardCharsets.UTF_8));
  }

  /** JSON lines; each row's map order is the field order. */
  void jsonl(String rel, String domain, List<Map<String, Object>> rows) throws IOException {
    StringBuilder s = new StringBuilder();
    for (Map<String, Object> row : rows) {
      try {
        s.append(JSON.writeValueAsString(row)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write row of " + rel, e);
      }
    }
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    put(rel, domain, "jsonl", rows.size(), rows.size(), bytes);
  }

  /** One saved HTML page, bytes in the page's own charset. */
  void html(String rel, String domain, byte[] page) throws IOException {
    put(rel, domain, "html", 1, 1, page);
  }

  /** A gzipped WARC of {@code captures}. */
  void warc(String rel, String domain, String isPartOf, List<Capture> captures)
      throws IOException {
    Path file = target(rel);
    int records = CrawlWarc.write(file, isPartOf, captures);
    files.add(new CorpusFile(rel, domain, "warc", captures.size(), records, Files.size(file)));
  }

  private void put(String rel, String domain, String format, int documents, int records,
      byte[] content) throws IOException {
    Path file = target(rel);
    byte[] bytes = rel.endsWith(".gz") ? gzip(content) : content;
    Files.write(file, bytes);
    files.add(new CorpusFile(rel, domain, format, documents, records, bytes.length));
  }

  private Path target(String rel) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    return file;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(out)) {
      z.write(content);
    }
    return out.toByteArray();
  }
}
