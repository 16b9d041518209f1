package org.flmdata.filter.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a benchmark test set into the texts whose n-grams count as contamination. A path is a
 * file or a folder (all files below it, sorted); any Hadoop file system. Layouts, by extension
 * ({@code .gz} is decompressed first):
 *
 * <ul>
 *   <li>{@code .jsonl} / {@code .json} (JSON lines, or one array of objects): the string fields
 *       {@link #TEXT_FIELDS} of each object, each a text (GSM8K {@code question}/{@code answer},
 *       HumanEval {@code prompt}/{@code canonical_solution}, instruction data {@code
 *       instruction}/{@code input}/{@code output}); multiple-choice {@code choices}/{@code options}
 *       (a list, or an object of label: text) are added to the question as one more text;
 *   <li>{@code .csv} (MMLU: no header, {@code question, option A..D, answer letter}): the question,
 *       and the question followed by its options;
 *   <li>{@code .parquet} (Hugging Face datasets' layout): each row read as the JSON object above,
 *       string columns as fields and list columns ({@code choices}) as lists of strings;
 *   <li>anything else: plain text, one item per non-blank line.
 * </ul>
 *
 * Runs on the driver: test sets are small (MMLU, 14k questions, is 7 MB).
 */
public final class BenchmarkLoader {
  /** Fields of a JSON object read as benchmark text. */
  public static final List<String> TEXT_FIELDS = List.of("question", "answer", "prompt",
      "canonical_solution", "instruction", "input", "output", "query", "passage", "context",
      "text", "problem", "solution");
  private static final Set<String> CHOICE_FIELDS = Set.of("choices", "options", "endings");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkLoader() {}

  /** The texts of the test set at {@code path}. */
  public static List<String> load(String path, Configuration hadoop) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoop);
    List<FileStatus> files = new ArrayList<>();
    collect(fs, fs.getFileStatus(p), files);
    files.sort(Comparator.comparing(f -> f.getPath().toString()));
    List<String> out = new ArrayList<>();
    for (FileStatus f : files) {
      String name = f.getPath().getName().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".parquet")) {
        readParquet(f.getPath(), hadoop, out);
        continue;
      }
      try (InputStream raw = fs.open(f.getPath());
          InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".jsonl") || base.endsWith(".json")) {
          readJson(r, out, f.getPath().toString());
        } else if (base.endsWith(".csv")) {
          readCsv(r, out);
        } else {
          r.lines().filter(l -> !l.isBlank()).forEach(out::add);
        }
      }
    }
    return out;
  }

  private static void collect(FileSystem fs, FileStatus s, List<FileStatus> out) throws IOException {
    if (s.isFile()) {
      String n = s.getPath().getName();
      if (!n.startsWith(".") && !n.startsWith("_") && !n.equalsIgnoreCase("LICENSE")
          && !n.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
        out.add(s);
      }
      return;
    }
    for (FileStatus c : fs.listStatus(s.getPath())) collect(fs, c, out);
  }

  private static void readJson(BufferedReader r, List<String> out, String file) throws IOException {
    String first = null;
    r.mark(1 << 16);
    int c;
    while ((c = r.read()) >= 0) {
      if (!Character.isWhitespace(c)) {
        first = String.valueOf((char) c);
        break;
      }
    }
    r.reset();
    if ("[".equals(first)) {
      for (JsonNode n : JSON.readTree(r)) item(n, out);
      return;
    }
    String line;
    long no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      if (line.isBlank()) continue;
      try {
        item(JSON.readTree(line), out);
      } catch (IOException e) {
        throw new IOException(file + " line " + no + " is not JSON: " + e.getMessage(), e);
      }
    }
  }

  static void item(JsonNode n, List<String> out) {
    if (n == null || !n.isObject()) return;
    String question = null;
    for (String f : TEXT_FIELDS) {
      JsonNode v = n.get(f);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        out.add(v.asText());
        if (question == null) question = v.asText();
      }
    }
    for (String f : CHOICE_FIELDS) {
      JsonNode v = n.get(f);
      if (v == null) continue;
      List<String> opts = new ArrayList<>();
      if (v.isArray()) v.forEach(o -> opts.add(o.asText()));
      if (v.isObject()) {
        JsonNode text = v.get("text");
        if (text != null && text.isArray()) text.forEach(o -> opts.add(o.asText()));
        else v.fields().forEachRemaining(e -> opts.add(e.getValue().asText()));
      }
      if (!opts.isEmpty()) out.add((question == null ? "" : question + "\n") + String.join("\n", opts));
    }
  }

  private static void readParquet(Path file, Configuration hadoop, List<String> out)
      throws IOException {
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), file).withConf(hadoop).build()) {
      Group row;
      while ((row = reader.read()) != null) item(toJson(row), out);
    }
  }

  /** A Parquet row as a JSON object: strings stay strings, repeated or nested values become lists. */
  static ObjectNode toJson(Group g) {
    ObjectNode n = JSON.createObjectNode();
    GroupType type = g.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type field = type.getType(i);
      int count = g.getFieldRepetitionCount(i);
      if (count == 0) continue;
      boolean string = field.isPrimitive()
          && field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
      if (string && !field.isRepetition(Type.Repetition.REPEATED)) {
        n.put(field.getName(), g.getString(i, 0));
      } else {
        ArrayNode values = n.putArray(field.getName());
        for (int r = 0; r < count; r++) {
          if (field.isPrimitive()) {
            values.add(g.getValueToString(i, r));
          } else {
            leaves(g.getGroup(i, r), values);
          }
        }
      }
    }
    return n;
  }

  private static void leaves(Group g, ArrayNode out) {
    GroupType type = g.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      for (int r = 0; r < g.getFieldRepetitionCount(i); r++) {
        if (type.getType(i).isPrimitive()) out.add(g.getValueToString(i, r));
        else leaves(g.getGroup(i, r), out);
      }
    }
  }

  private static void readCsv(BufferedReader r, List<String> out) throws IOException {
    for (List<String> row : Csv.rows(r)) {
      if (row.isEmpty() || row.get(0).isBlank()) continue;
      out.add(row.get(0));
      if (row.size() > 2) {
        // the last column of an MMLU row is the answer letter, not text
        List<String> opts = row.subList(1, row.size() - 1);
        out.add(row.get(0) + "\n" + String.join("\n", opts));
      }
    }
  }

  /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> rows(BufferedReader r) throws IOException {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = r.read()) >= 0) {
        any = true;
        if (quoted) {
          if (c == '"') {
            r.mark(1);
            int d = r.read();
            if (d == '"') {
              f.append('"');
            } else {
              quoted = false;
              if (d >= 0) r.reset();
            }
          } else {
            f.append((char) c);
          }
        } else if (c == '"' && f.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          row.add(f.toString());
          f.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            r.mark(1);
            if (r.read() != '\n') r.reset();
          }
          row.add(f.toString());
          f.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
        } else {
          f.append((char) c);
        }
      }
      if (any) {
        row.add(f.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
