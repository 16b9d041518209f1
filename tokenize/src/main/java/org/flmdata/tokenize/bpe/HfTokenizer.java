package org.flmdata.tokenize.bpe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.flmdata.tokenize.sentencepiece.SentencePieceBpe;

/**
 * A BPE tokenizer loaded from a Hugging Face {@code tokenizer.json} that gives the ids the Rust
 * {@code tokenizers} library gives for {@code encode(text, add_special_tokens=false)}: added
 * tokens are split out first (raw ones before normalization, normalized ones after), the rest is
 * normalized, pre-tokenized (Split regex and/or ByteLevel, as GPT-2, Llama-3 and Qwen2 files do;
 * or no pre-tokenizer, as Llama-2's SentencePiece-converted file), and each pre-token is BPE-merged.
 * Lone surrogates are encoded as U+FFFD, as a JavaScript or Python caller's text reaches Rust.
 *
 * <p>Supported: model BPE (merges as {@code "a b"} strings or {@code ["a", "b"]} pairs,
 * byte_fallback, unk_token, fuse_unk, ignore_merges); normalizers NFC/NFD/NFKC/NFKD, Lowercase,
 * Prepend, Replace, Sequence; pre-tokenizers ByteLevel, Split (Isolated/Removed), Metaspace, Sequence.
 * Anything else (another model type, BPE dropout, a missing merges list, subword prefixes) is a
 * {@link TokenizerFormatException} at load time, never silently different ids. Unknown fields are
 * ignored (the post-processor and decoder do not affect these ids).
 *
 * <p>A SentencePiece {@code tokenizer.model} (BPE) loads through the same entry points and is
 * encoded as SentencePiece itself does ({@link SentencePieceBpe}).
 *
 * <p>Thread-safe and immutable apart from a bounded cache: load once per executor and share.
 *
 * <pre>{@code
 * HfTokenizer t = HfTokenizer.load(Path.of("llama3/tokenizer.json"));
 * int[] ids = t.encode("Hello world");   // [9906, 1917]
 * }</pre>
 */
public final class HfTokenizer {
  private final String source;
  private final AddedTokens rawAdded;
  private final AddedTokens normalizedAdded;
  private final Normalizer normalizer;
  private final PreTokenizer preTokenizer;
  private final BpeModel model;
  private final int vocabSize;
  private final Map<String, Integer> addedIds;
  /** Set when the file is a SentencePiece {@code tokenizer.model}: encoding is delegated to it. */
  private final SentencePieceBpe sentencePiece;

  private HfTokenizer(SentencePieceBpe sentencePiece) {
    this.sentencePiece = sentencePiece;
    this.source = sentencePiece.source();
    this.rawAdded = null;
    this.normalizedAdded = null;
    this.normalizer = null;
    this.preTokenizer = null;
    this.model = null;
    this.vocabSize = sentencePiece.vocabSize();
    this.addedIds = Map.of();
  }

  private HfTokenizer(JsonNode root, String source) {
    this.sentencePiece = null;
    this.source = source;
    JsonNode m = root.path("model");
    if (!m.isObject()) throw new TokenizerFormatException(source + ": no 'model' object");
    String type = m.path("type").asText("BPE");
    if (!type.equals("BPE")) {
      throw new TokenizerFormatException(source + ": model type '" + type
          + "' is not supported (only BPE)");
    }
    JsonNode vocabNode = m.path("vocab");
    if (!vocabNode.isObject()) throw new TokenizerFormatException(source + ": model.vocab missing or not an object");
    JsonNode mergesNode = m.get("merges");
    if (mergesNode == null || !mergesNode.isArray()) {
      throw new TokenizerFormatException(source + ": model.merges missing or not a list; a BPE model needs its merges");
    }
    if (m.hasNonNull("dropout") && m.get("dropout").asDouble() > 0) {
      throw new TokenizerFormatException(source + ": model.dropout " + m.get("dropout").asDouble()
          + " makes encoding random; set it to null for data preparation");
    }
    for (String f : new String[] {"continuing_subword_prefix", "end_of_word_suffix"}) {
      if (!m.path(f).asText("").isEmpty()) {
        throw new TokenizerFormatException(source + ": model." + f + " '" + m.path(f).asText()
            + "' is not supported");
      }
    }
    Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
    int maxId = -1;
    for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int id = e.getValue().asInt();
      vocab.put(e.getKey(), id);
      maxId = Math.max(maxId, id);
    }
    MergeTable merges = new MergeTable(mergesNode.size(), maxId);
    int rank = 0;
    for (JsonNode mg : mergesNode) {
      String a;
      String b;
      if (mg.isArray() && mg.size() == 2) {
        a = mg.get(0).asText();
        b = mg.get(1).asText();
      } else if (mg.isTextual()) {
        String[] parts = mg.asText().split(" ", -1);
        if (parts.length != 2) {
          throw new TokenizerFormatException(source + ": merge " + (rank + 1) + " '" + mg.asText()
              + "' is not two tokens separated by one space");
        }
        a = parts[0];
        b = parts[1];
      } else {
        throw new TokenizerFormatException(source + ": merge " + (rank + 1) + " is neither \"a b\" nor [a, b]: " + mg);
      }
      Integer ia = vocab.get(a);
      Integer ib = vocab.get(b);
      Integer in = vocab.get(a + b);
      if (ia == null || ib == null || in == null) {
        throw new TokenizerFormatException(source + ": merge " + (rank + 1) + " (" + a + ", " + b
            + ") uses a token not in the vocabulary");
      }
      merges.put(ia, ib, rank, in);
      rank++;
    }
    int unkId = -1;
    if (m.hasNonNull("unk_token")) {
      Integer u = vocab.get(m.get("unk_token").asText());
      if (u == null) {
        throw new TokenizerFormatException(source + ": unk_token '" + m.get("unk_token").asText()
            + "' is not in the vocabulary");
      }
      unkId = u;
    }
    this.model = new BpeModel(vocab, merges, unkId, m.path("fuse_unk").asBoolean(false),
        m.path("byte_fallback").asBoolean(false), m.path("ignore_merges").asBoolean(false));
    this.normalizer = Normalizer.from(root.get("normalizer"), source);
    this.preTokenizer = PreTokenizer.from(root.get("pre_tokenizer"), source);
    List<AddedTokens.Token> raw = new ArrayList<>();
    List<AddedTokens.Token> normalized = new ArrayList<>();
    this.addedIds = new HashMap<>();
    for (JsonNode t : root.path("added_tokens")) {
      String content = t.path("content").asText();
      int id = t.path("id").asInt();
      maxId = Math.max(maxId, id);
      addedIds.put(content, id);
      boolean norm = t.path("normalized").asBoolean(!t.path("special").asBoolean(false));
      AddedTokens.Token tok = new AddedTokens.Token(norm ? normalizer.apply(content) : content, id,
          t.path("single_word").asBoolean(false), t.path("lstrip").asBoolean(false),
          t.path("rstrip").asBoolean(false));
      (norm ? normalized : raw).add(tok);
    }
    this.rawAdded = new AddedTokens(raw);
    this.normalizedAdded = new AddedTokens(normalized);
    this.vocabSize = maxId + 1;
  }

  /**
   * Loads a {@code tokenizer.json} or SentencePiece {@code tokenizer.model} file, or a folder
   * holding {@code tokenizer.json}, {@code tokenizer.model} or GPT-2's {@code encoder.json} +
   * {@code vocab.bpe} (in that order of preference).
   */
  public static HfTokenizer open(Path fileOrFolder) throws IOException {
    if (Files.isDirectory(fileOrFolder)) {
      Path json = fileOrFolder.resolve("tokenizer.json");
      if (Files.exists(json)) return load(json);
      Path spm = fileOrFolder.resolve("tokenizer.model");
      if (Files.exists(spm)) return load(spm);
      Path enc = fileOrFolder.resolve("encoder.json");
      Path bpe = fileOrFolder.resolve("vocab.bpe");
      if (Files.exists(enc) && Files.exists(bpe)) return loadGpt2(enc, bpe);
      throw new TokenizerFormatException(fileOrFolder
          + ": folder has neither tokenizer.json, tokenizer.model nor encoder.json + vocab.bpe");
    }
    if (!Files.exists(fileOrFolder)) throw new java.io.FileNotFoundException(fileOrFolder + " (no such file)");
    return load(fileOrFolder);
  }

  /** Loads a {@code tokenizer.json} or a SentencePiece {@code tokenizer.model} (told apart by content). */
  public static HfTokenizer load(Path tokenizerJson) throws IOException {
    try (InputStream in = Files.newInputStream(tokenizerJson)) {
      return load(in, tokenizerJson.toString());
    }
  }

  /**
   * Loads a {@code tokenizer.json} or a SentencePiece {@code tokenizer.model} from a stream, told
   * apart by content: JSON starts with '{' (after whitespace), a serialized ModelProto with its
   * first piece (byte 0x0A). {@code name} appears in error messages.
   */
  public static HfTokenizer load(InputStream tokenizerJson, String name) throws IOException {
    byte[] data = tokenizerJson.readAllBytes();
    int first = 0;
    while (first < data.length && (data[first] == ' ' || data[first] == '\n' || data[first] == '\r'
        || data[first] == '\t')) {
      first++;
    }
    boolean json = first < data.length && data[first] == '{'
        || first + 3 <= data.length && (data[first] & 0xFF) == 0xEF && data[first + 1] == (byte) 0xBB;
    if (!json && SentencePieceBpe.looksLikeModelProto(data)) {
      return new HfTokenizer(SentencePieceBpe.load(data, name));
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(data);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new TokenizerFormatException(name + ": not valid JSON (nor a SentencePiece model): "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) throw new TokenizerFormatException(name + ": not a JSON object");
    return new HfTokenizer(root, name);
  }

  /**
   * Loads OpenAI's original GPT-2 files ({@code encoder.json} + {@code vocab.bpe}) as the
   * Hugging Face library's GPT-2 tokenizer: byte-level with GPT-2's regex, no normalizer, and
   * {@code <|endoftext|>} as a special added token when it is in the vocabulary.
   */
  public static HfTokenizer loadGpt2(Path encoderJson, Path vocabBpe) throws IOException {
    return new HfTokenizer(gpt2Config(encoderJson, vocabBpe), encoderJson + " + " + vocabBpe);
  }

  /** The tokenizer.json equivalent of GPT-2's original pair of files. */
  public static ObjectNode gpt2Config(Path encoderJson, Path vocabBpe) throws IOException {
    ObjectMapper om = new ObjectMapper();
    JsonNode vocab = om.readTree(encoderJson.toFile());
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode merges = f.arrayNode();
    for (String line : Files.readAllLines(vocabBpe, StandardCharsets.UTF_8)) {
      if (line.startsWith("#version") || line.isBlank()) continue;
      merges.add(line);
    }
    ObjectNode root = f.objectNode();
    ArrayNode added = root.putArray("added_tokens");
    if (vocab.has("<|endoftext|>")) {
      added.addObject().put("id", vocab.get("<|endoftext|>").asInt()).put("content", "<|endoftext|>")
          .put("single_word", false).put("lstrip", false).put("rstrip", false)
          .put("normalized", false).put("special", true);
    }
    root.putNull("normalizer");
    root.putObject("pre_tokenizer").put("type", "ByteLevel").put("add_prefix_space", false)
        .put("trim_offsets", true).put("use_regex", true);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE").putNull("dropout").putNull("unk_token");
    model.put("fuse_unk", false).put("byte_fallback", false);
    model.set("vocab", vocab);
    model.set("merges", merges);
    return root;
  }

  /** Ids of {@code text}, without special tokens added around it. Never throws on any string. */
  public int[] encode(String text) {
    IntBuffer out = new IntBuffer(Math.max(16, text.length() / 3));
    encode(text, out);
    return out.toArray();
  }

  /** Appends the ids of {@code text} to {@code out}. */
  public void encode(String text, IntBuffer out) {
    if (sentencePiece != null) {
      sentencePiece.encode(text, out);
      return;
    }
    String s = withoutLoneSurrogates(text);
    List<String> pieces = new ArrayList<>();
    boolean[] firstAtStart = {true};
    AddedTokens.Sink afterNormalization = new AddedTokens.Sink() {
      @Override
      public void text(String segment, boolean atStart) {
        PatternScanner scanner = preTokenizer.isolatedScanner();
        if (scanner != null) {
          char[] chars = segment.toCharArray();
          for (int i = 0, n = chars.length; i < n; ) {
            int e = scanner.matchEnd(chars, i, n);
            model.encodeByteLevel(chars, i, e, out);
            i = e;
          }
          return;
        }
        pieces.clear();
        preTokenizer.split(segment, atStart && firstAtStart[0], pieces);
        for (String p : pieces) encodePreToken(p, out);
      }

      @Override
      public void token(int id) {
        out.add(id);
      }
    };
    rawAdded.split(s, new AddedTokens.Sink() {
      @Override
      public void text(String segment, boolean atStart) {
        firstAtStart[0] = atStart;
        normalizedAdded.split(normalizer.apply(segment), afterNormalization);
      }

      @Override
      public void token(int id) {
        out.add(id);
      }
    });
  }

  private void encodePreToken(String piece, IntBuffer out) {
    if (preTokenizer.byteLevel()) {
      model.encodeByteLevel(piece, out);
    } else {
      model.encode(piece, out);
    }
  }

  /** Ids are below this: the largest id in the vocabulary or added tokens, plus one. */
  public int vocabSize() {
    return vocabSize;
  }

  /** The id of a token (added tokens first, then the model vocabulary), or -1. */
  public int tokenId(String token) {
    if (sentencePiece != null) return sentencePiece.pieceId(token);
    Integer id = addedIds.get(token);
    if (id == null) id = model.id(token);
    return id == null ? -1 : id;
  }

  public String source() {
    return source;
  }

  static String withoutLoneSurrogates(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return replaceLoneSurrogates(s);
      }
    }
    return s;
  }

  private static String replaceLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
