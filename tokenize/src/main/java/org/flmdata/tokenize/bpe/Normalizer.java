package org.flmdata.tokenize.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A Hugging Face {@code normalizer}: NFC/NFD/NFKC/NFKD, Lowercase, Prepend, Replace (string or
 * regex) and Sequence of these; any other type is a {@link TokenizerFormatException}.
 */
@FunctionalInterface
interface Normalizer {
  String apply(String s);

  Normalizer IDENTITY = s -> s;

  static Normalizer from(JsonNode n, String file) {
    if (n == null || n.isNull()) return IDENTITY;
    String type = n.path("type").asText("");
    switch (type) {
      case "NFC":
        return s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
      case "NFD":
        return s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
      case "NFKC":
        return s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
      case "NFKD":
        return s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
      case "Lowercase":
        return s -> s.toLowerCase(Locale.ROOT);
      case "Prepend": {
        String p = n.path("prepend").asText();
        return s -> s.isEmpty() ? s : p + s;
      }
      case "Replace": {
        String content = n.path("content").asText();
        JsonNode pattern = n.path("pattern");
        if (pattern.has("String")) {
          String target = pattern.get("String").asText();
          return s -> s.replace(target, content);
        }
        if (pattern.has("Regex")) {
          java.util.regex.Pattern re = RegexTranslator.compile(pattern.get("Regex").asText(), file);
          String literal = Matcher.quoteReplacement(content);
          return s -> re.matcher(s).replaceAll(literal);
        }
        throw new TokenizerFormatException(file + ": normalizer Replace has no String or Regex pattern");
      }
      case "Sequence": {
        List<Normalizer> parts = new ArrayList<>();
        for (JsonNode c : n.path("normalizers")) parts.add(from(c, file));
        return s -> {
          for (Normalizer p : parts) s = p.apply(s);
          return s;
        };
      }
      default:
        throw new TokenizerFormatException(file + ": unsupported normalizer type '" + type
            + "' (supported: NFC, NFD, NFKC, NFKD, Lowercase, Prepend, Replace, Sequence)");
    }
  }
}
