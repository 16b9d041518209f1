package org.flmdata.tokenize.sentencepiece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** SentencePiece model files built for tests. */
public final class TestModels {
  private TestModels() {}

  /**
   * Llama-2's {@code tokenizer.model} rebuilt from its tokenizer.json as Meta's file is laid out:
   * id 0 {@code <unk>} (UNKNOWN), 1-2 {@code <s>}/{@code </s>} (CONTROL), {@code <0xNN>} (BYTE),
   * every other piece NORMAL scored by the rank of the merge that makes it (later merge, lower
   * score); byte_fallback on; identity normalization with a dummy prefix, extra whitespace kept.
   */
  public static Path llama2Model(Path json, Path out) throws IOException {
    JsonNode model = new ObjectMapper().readTree(json.toFile()).get("model");
    Map<Integer, String> byId = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.get("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byId.put(e.getValue().asInt(), e.getKey());
    }
    Map<String, Integer> mergeRank = new HashMap<>();
    int rank = 0;
    for (JsonNode m : model.get("merges")) {
      String merged = m.isArray() ? m.get(0).asText() + m.get(1).asText() : m.asText().replace(" ", "");
      mergeRank.putIfAbsent(merged, rank);
      rank++;
    }
    ModelProtoWriter w = new ModelProtoWriter().byteFallback(true).removeExtraWhitespaces(false);
    for (int id = 0; id < byId.size(); id++) {
      String p = byId.get(id);
      SentencePieceModel.Type type = id == 0 ? SentencePieceModel.Type.UNKNOWN
          : id <= 2 ? SentencePieceModel.Type.CONTROL
          : SentencePieceBpe.pieceToByte(p) >= 0 ? SentencePieceModel.Type.BYTE : SentencePieceModel.Type.NORMAL;
      Integer r = mergeRank.get(p);
      w.piece(p, r == null ? -1e9f : -r, type);
    }
    Files.write(out, w.toBytes());
    return out;
  }
}
