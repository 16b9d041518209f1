package org.flmdata.tokenize.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a trained model as a Hugging Face {@code tokenizer.json}: model BPE (vocab, merges as
 * {@code [left, right]} pairs, no unk token: the 256 byte tokens cover every input), the style's
 * normalizer and pre-tokenizer, ByteLevel post-processor and decoder, and the special tokens as
 * added tokens (special, not normalized) with the ids they have in the vocabulary.
 */
public final class TokenizerJson {
  private TokenizerJson() {}

  public static ObjectNode build(TrainedBpe bpe, PreTokenizerStyle style) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int i = 0; i < bpe.specials(); i++) {
      added.addObject().put("id", i).put("content", bpe.vocab().get(i)).put("single_word", false)
          .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
    }
    root.set("normalizer", style.normalizer());
    root.set("pre_tokenizer", style.preTokenizer());
    root.putObject("post_processor").put("type", "ByteLevel").put("add_prefix_space", true)
        .put("trim_offsets", false).put("use_regex", true);
    root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true)
        .put("trim_offsets", true).put("use_regex", true);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE").putNull("dropout").putNull("unk_token")
        .putNull("continuing_subword_prefix").putNull("end_of_word_suffix");
    model.put("fuse_unk", false).put("byte_fallback", false).put("ignore_merges", false);
    ObjectNode vocab = model.putObject("vocab");
    for (int i = 0; i < bpe.vocab().size(); i++) vocab.put(bpe.vocab().get(i), i);
    ArrayNode merges = model.putArray("merges");
    for (String[] m : bpe.merges()) merges.addArray().add(m[0]).add(m[1]);
    return root;
  }

  /** The file's text (compact; one merge per array element). */
  public static String write(TrainedBpe bpe, PreTokenizerStyle style) {
    try {
      return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(build(bpe, style));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
