package org.flmdata.jobs.sample;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link SampleCorpus#write} wrote: every file, the HTML pages (status 200, text/html, from
 * WARC and saved files) per language of their text, and the web captures per planned role, i.e.
 * what later stages should keep or reject: {@code article}, {@code near_duplicate}, {@code
 * exact_duplicate}, {@code spam}, {@code short}, {@code other_language}, {@code http_error},
 * {@code not_html}.
 *
 * @param files the files in write order
 * @param htmlPagesByLang HTML pages per ISO 639-1 code
 * @param webCapturesByKind WARC responses and saved pages per planned role
 */
public record CorpusSummary(
    List<CorpusFile> files,
    Map<String, Integer> htmlPagesByLang,
    Map<String, Integer> webCapturesByKind) {

  public CorpusSummary {
    files = List.copyOf(files);
    htmlPagesByLang = Collections.unmodifiableMap(new TreeMap<>(htmlPagesByLang));
    webCapturesByKind = Collections.unmodifiableMap(new TreeMap<>(webCapturesByKind));
  }

  public int documents() {
    return files.stream().mapToInt(CorpusFile::documents).sum();
  }

  public long bytes() {
    return files.stream().mapToLong(CorpusFile::bytes).sum();
  }

  public int htmlPages() {
    return htmlPagesByLang.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Documents per domain, sorted by domain name. */
  public Map<String, Integer> documentsByDomain() {
    Map<String, Integer> out = new TreeMap<>();
    for (CorpusFile f : files) out.merge(f.domain(), f.documents(), Integer::sum);
    return out;
  }

  /** A plain-text report: one line per file, then totals. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    for (CorpusFile f : files) {
      s.append(String.format(Locale.ROOT, "%-18s %-6s %5d docs %5d records %9d bytes  %s%n",
          f.domain(), f.format(), f.documents(), f.records(), f.bytes(), f.path()));
    }
    s.append(String.format(Locale.ROOT, "%d files, %d documents, %d bytes%n", files.size(),
        documents(), bytes()));
    s.append("HTML pages by language: ").append(htmlPagesByLang).append('\n');
    s.append("web captures by kind: ").append(webCapturesByKind).append('\n');
    return s.toString();
  }
}
