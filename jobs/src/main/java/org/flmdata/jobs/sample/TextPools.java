package org.flmdata.jobs.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written lines of a resource under {@code sample/}, grouped in named sections: a line
 * {@code [name]} starts a section, lines starting with {@code #} and blank lines are skipped. The
 * text is original, written for this project; the generator only reorders and fills it.
 */
final class TextPools {
  private final String resource;
  private final Map<String, List<String>> sections;

  private TextPools(String resource, Map<String, List<String>> sections) {
    this.resource = resource;
    this.sections = sections;
  }

  /** Reads {@code sample/<name>} from the classpath. */
  static TextPools load(String name) {
    String resource = "sample/" + name;
    InputStream in = TextPools.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("resource " + resource + " is missing");
    Map<String, List<String>> sections = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> current = null;
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        if (t.startsWith("[") && t.endsWith("]")) {
          current = new ArrayList<>();
          if (sections.put(t.substring(1, t.length() - 1), current) != null) {
            throw new IllegalStateException(resource + ":" + n + ": section " + t + " twice");
          }
        } else if (current == null) {
          throw new IllegalStateException(resource + ":" + n + ": text before the first [section]");
        } else {
          current.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    sections.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new TextPools(resource, Collections.unmodifiableMap(frozen));
  }

  /** The lines of {@code section}; a missing or empty section is a bug in the resource. */
  List<String> get(String section) {
    List<String> lines = sections.get(section);
    if (lines == null || lines.isEmpty()) {
      throw new IllegalStateException(resource + " has no lines in section [" + section + "]");
    }
    return lines;
  }

  /** Names after {@code prefix} of the sections starting with it, in file order. */
  List<String> names(String prefix) {
    List<String> out = new ArrayList<>();
    for (String k : sections.keySet()) {
      if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
    }
    return out;
  }
}
