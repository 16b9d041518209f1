package org.flmdata.tokenize.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The pre-tokenizer a trained tokenizer uses, written into its tokenizer.json exactly as the
 * Hugging Face files of those models have it: {@code gpt2} (ByteLevel with GPT-2's regex),
 * {@code llama3} (Split on Llama-3's regex, digits in groups of up to 3, then ByteLevel),
 * {@code qwen2} (Llama-3's regex with single digits, then ByteLevel; NFC normalizer).
 */
public enum PreTokenizerStyle {
  GPT2(null),
  LLAMA3("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"),
  QWEN2("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");

  private final String regex;

  PreTokenizerStyle(String regex) {
    this.regex = regex;
  }

  /** By name (case-insensitive), or an error naming the choices. */
  public static PreTokenizerStyle parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--pre-tokenizer must be gpt2, llama3 or qwen2, got '" + name + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The tokenizer.json {@code pre_tokenizer}. */
  public JsonNode preTokenizer() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (regex == null) {
      return f.objectNode().put("type", "ByteLevel").put("add_prefix_space", false)
          .put("trim_offsets", true).put("use_regex", true);
    }
    ObjectNode seq = f.objectNode().put("type", "Sequence");
    ObjectNode split = seq.putArray("pretokenizers").addObject().put("type", "Split");
    split.putObject("pattern").put("Regex", regex);
    split.put("behavior", "Isolated").put("invert", false);
    ((com.fasterxml.jackson.databind.node.ArrayNode) seq.get("pretokenizers")).addObject()
        .put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true)
        .put("use_regex", false);
    return seq;
  }

  /** The tokenizer.json {@code normalizer} (JSON null for none). */
  public JsonNode normalizer() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return this == QWEN2 ? f.objectNode().put("type", "NFC") : f.nullNode();
  }
}
