package org.flmdata.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.flmdata.tokenize.bpe.HfTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pipeline tokenizer ...}: tokenizer tools (DESIGN.md "Command line"). */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
    description = "Tokenizer tools: encode JSONL text to token ids; train byte-level BPE.",
    subcommands = {TokenizerCommand.Encode.class, TokenizerTrainCommand.class})
final class TokenizerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code pipeline tokenizer encode --tokenizer T --input F.jsonl [--field text]}: one line
   * {@code {"ids": [...]}} per input line, ids as the Hugging Face library gives them for
   * {@code encode(text, add_special_tokens=false)}. A line that is not a JSON object with a string
   * field is an error naming the line.
   */
  @Command(name = "encode", mixinStandardHelpOptions = true,
      description = "Encode the text field of each JSONL line; print {\"ids\": [...]} per line.")
  static final class Encode implements Callable<Integer> {
    @Option(names = "--tokenizer", required = true, paramLabel = "T",
        description = "tokenizer.json or SentencePiece tokenizer.model, or a folder with tokenizer.json,"
            + " tokenizer.model or encoder.json + vocab.bpe")
    Path tokenizer;

    @Option(names = "--input", required = true, paramLabel = "F.jsonl",
        description = "JSONL input (.gz allowed); '-' for standard input")
    String input;

    @Option(names = "--field", defaultValue = "text", paramLabel = "NAME",
        description = "the text field (default: ${DEFAULT-VALUE})")
    String field;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      HfTokenizer tok = HfTokenizer.open(tokenizer);
      ObjectMapper om = new ObjectMapper();
      PrintWriter out = spec.commandLine().getOut();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(open(input), StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        long n = 0;
        StringBuilder b = new StringBuilder();
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) continue;
          JsonNode j;
          try {
            j = om.readTree(line);
          } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(input + " line " + n + ": not JSON: " + e.getOriginalMessage());
          }
          JsonNode v = j == null ? null : j.get(field);
          if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(input + " line " + n + ": no string field '" + field + "'");
          }
          int[] ids = tok.encode(v.asText());
          b.setLength(0);
          b.append("{\"ids\": [");
          for (int i = 0; i < ids.length; i++) {
            if (i > 0) b.append(", ");
            b.append(ids[i]);
          }
          b.append("]}");
          out.println(b);
        }
      }
      out.flush();
      return 0;
    }

    private static InputStream open(String input) throws java.io.IOException {
      if (input.equals("-")) return System.in;
      InputStream raw = Files.newInputStream(Path.of(input));
      return input.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
  }
}
