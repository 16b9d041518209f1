package org.flmdata.jobs.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verbatim documents of a resource under {@code sample/}: each starts with a header line {@code
 * @@@ key=value | key=value} and runs, indentation and blank lines kept, to the next header.
 * Lines before the first header are the file's own comments. Used for text that must not be
 * reflowed: source code, articles with sections, chapters.
 */
final class Blocks {
  private Blocks() {}

  /** One document: its header attributes and its text without trailing blank lines. */
  record Block(Map<String, String> attrs, String text) {
    String attr(String key) {
      String v = attrs.get(key);
      if (v == null) throw new IllegalStateException("block " + attrs + " has no " + key);
      return v;
    }
  }

  static List<Block> load(String name) {
    String resource = "sample/" + name;
    InputStream in = Blocks.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("resource " + resource + " is missing");
    List<Block> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Map<String, String> attrs = null;
      StringBuilder text = new StringBuilder();
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("@@@ ")) {
          if (attrs != null) out.add(new Block(attrs, text.toString().stripTrailing()));
          attrs = parse(line.substring(4), resource);
          text.setLength(0);
        } else if (attrs != null) {
          text.append(line).append('\n');
        }
      }
      if (attrs != null) out.add(new Block(attrs, text.toString().stripTrailing()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) throw new IllegalStateException(resource + " holds no @@@ blocks");
    return out;
  }

  private static Map<String, String> parse(String header, String resource) {
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String part : header.split(" \\| ")) {
      int eq = part.indexOf('=');
      if (eq <= 0) throw new IllegalStateException(resource + ": bad header part \"" + part + "\"");
      attrs.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    return attrs;
  }
}
