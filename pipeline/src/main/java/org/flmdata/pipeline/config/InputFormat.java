package org.flmdata.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats a domain can read (DESIGN.md "Formats"). */
public enum InputFormat {
  /** WARC/1.0, 1.1 and 0.18 files, plain or gzip (.warc, .warc.gz): HTML responses are pages. */
  WARC,
  /** Folders (or globs) of .html / .html.gz / .htm files, one page per file. */
  HTML,
  /** JSON lines, plain or gzip: one document per line, text in {@code text_field}. */
  JSONL,
  /** Parquet files with a string text column. */
  PARQUET,
  /** Plain UTF-8 text: one document per file, or per line with {@code text_unit: line}. */
  TEXT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static InputFormat parse(String s) {
    for (InputFormat f : values()) {
      if (f.key().equals(s)) return f;
    }
    return null;
  }

  public static String allKeys() {
    return Arrays.stream(values()).map(InputFormat::key).collect(Collectors.joining(", "));
  }
}
