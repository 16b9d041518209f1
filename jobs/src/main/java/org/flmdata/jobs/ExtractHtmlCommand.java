package org.flmdata.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.flmdata.extract.HtmlExtractor;
import org.flmdata.extract.ScriptLanguageGuesser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pipeline extract-html FILE|DIR...}: what the extract stage makes of a page. One JSON line
 * per file, {@code {"path", "lang", "title", "text"}}, through the stage's own {@link
 * HtmlExtractor} (charset, main content) and its language fallback ({@link
 * ScriptLanguageGuesser}, what the stage uses when a domain lists several languages). Files named
 * on the command line are read whatever their name; directories are walked for {@code .html} and
 * {@code .html.gz} files, in path order. A {@code .gz} file is gunzipped. A file that cannot be
 * read gives {@code {"path", "error"}} and the others go on; the exit code is then 1. No Spark.
 */
@Command(
    name = "extract-html",
    mixinStandardHelpOptions = true,
    description =
        "Print what the extract stage makes of HTML pages: one JSON line per .html/.html.gz"
            + " file, {\"path\",\"lang\",\"title\",\"text\"}.")
final class ExtractHtmlCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "pages or folders of pages")
  List<Path> paths;

  @Option(
      names = "--mode",
      defaultValue = HtmlExtractor.DEFAULT_MODE,
      description = "extract.html_mode: precision, balanced, recall or learned (balanced plus the shipped block classifier) (default: ${DEFAULT-VALUE})")
  String mode;

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    if (!HtmlExtractor.MODES.contains(mode.toLowerCase(Locale.ROOT))) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--mode must be one of " + HtmlExtractor.MODES + ", not " + mode);
    }
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (Path p : files()) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("path", p.toString());
      try {
        byte[] bytes = read(p);
        HtmlExtractor.Page page = HtmlExtractor.extract(bytes, bytes.length, null, mode);
        line.put("lang", ScriptLanguageGuesser.guess(page.text()));
        line.put("title", page.title());
        line.put("text", page.text());
      } catch (IOException | RuntimeException e) {
        line.put("error", Main.oneLine(e));
        failed++;
      }
      out.println(json(line));
    }
    out.flush();
    return failed == 0 ? 0 : Main.EXIT_FAILURE;
  }

  /** The named files, and the .html/.html.gz files under the named folders, in path order. */
  private List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).filter(ExtractHtmlCommand::isHtmlName).sorted()
              .forEach(out::add);
        }
      } else if (Files.exists(p)) {
        out.add(p);
      } else {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "no such file or folder: " + p);
      }
    }
    return out;
  }

  static boolean isHtmlName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".html.gz");
  }

  private static byte[] read(Path p) throws IOException {
    if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return Files.readAllBytes(p);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  private static String json(Map<String, String> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
