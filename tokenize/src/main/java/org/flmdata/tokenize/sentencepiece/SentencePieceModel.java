package org.flmdata.tokenize.sentencepiece;

import java.util.ArrayList;
import java.util.List;
import org.flmdata.tokenize.bpe.TokenizerFormatException;

/**
 * The fields of a SentencePiece {@code ModelProto} ({@code tokenizer.model}) that encoding needs:
 * the pieces (text, score, type), from the trainer spec the model type, byte_fallback and
 * treat_whitespace_as_suffix, and the normalizer spec. Field numbers and defaults are those of
 * SentencePiece's {@code sentencepiece_model.proto}; every other field is skipped.
 */
public final class SentencePieceModel {
  /** {@code ModelProto.SentencePiece.Type}; the proto's numbers are {@code ordinal() + 1}. */
  public enum Type { NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE }

  public record Piece(String piece, float score, Type type) {}

  /** {@code TrainerSpec.ModelType} numbers. */
  static final int UNIGRAM = 1;
  static final int BPE = 2;
  static final int WORD = 3;
  static final int CHAR = 4;

  final List<Piece> pieces = new ArrayList<>();
  int modelType = UNIGRAM; // proto default
  boolean byteFallback = false; // proto default
  boolean treatWhitespaceAsSuffix = false; // proto default
  String normalizerName = "";
  byte[] precompiledCharsmap = new byte[0];
  boolean addDummyPrefix = true; // proto default
  boolean removeExtraWhitespaces = true; // proto default
  boolean escapeWhitespaces = true; // proto default
  final String source;

  private SentencePieceModel(String source) {
    this.source = source;
  }

  public List<Piece> pieces() {
    return pieces;
  }

  public boolean byteFallback() {
    return byteFallback;
  }

  public String normalizerName() {
    return normalizerName;
  }

  /** Parses a serialized {@code ModelProto}. */
  public static SentencePieceModel parse(byte[] data, String source) {
    SentencePieceModel m = new SentencePieceModel(source);
    ProtoReader r = new ProtoReader(data, 0, data.length, source);
    boolean sawTrainer = false;
    while (r.hasMore()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> {
          r.expect(tag, ProtoReader.LEN, "pieces");
          m.pieces.add(piece(r.message()));
        }
        case 2 -> {
          r.expect(tag, ProtoReader.LEN, "trainer_spec");
          m.trainer(r.message());
          sawTrainer = true;
        }
        case 3 -> {
          r.expect(tag, ProtoReader.LEN, "normalizer_spec");
          m.normalizer(r.message());
        }
        default -> r.skip(tag & 7);
      }
    }
    if (m.pieces.isEmpty()) {
      throw new TokenizerFormatException(source + ": not a SentencePiece model (no pieces)");
    }
    if (!sawTrainer) {
      throw new TokenizerFormatException(source + ": SentencePiece model has no trainer_spec, so its"
          + " model type is unknown");
    }
    return m;
  }

  private static Piece piece(ProtoReader r) {
    String text = "";
    float score = 0f;
    int type = 1; // NORMAL, the proto default
    while (r.hasMore()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> {
          r.expect(tag, ProtoReader.LEN, "piece");
          text = r.string();
        }
        case 2 -> {
          r.expect(tag, ProtoReader.FIXED32, "score");
          score = Float.intBitsToFloat(r.fixed32());
        }
        case 3 -> {
          r.expect(tag, ProtoReader.VARINT, "type");
          type = (int) r.varint();
        }
        default -> r.skip(tag & 7);
      }
    }
    if (type < 1 || type > 6) throw r.error("piece '" + text + "' has unknown type " + type);
    Type t = switch (type) {
      case 1 -> Type.NORMAL;
      case 2 -> Type.UNKNOWN;
      case 3 -> Type.CONTROL;
      case 4 -> Type.USER_DEFINED;
      case 5 -> Type.UNUSED;
      default -> Type.BYTE;
    };
    return new Piece(text, score, t);
  }

  private void trainer(ProtoReader r) {
    while (r.hasMore()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 3 -> {
          r.expect(tag, ProtoReader.VARINT, "trainer_spec.model_type");
          modelType = (int) r.varint();
        }
        case 24 -> {
          r.expect(tag, ProtoReader.VARINT, "trainer_spec.treat_whitespace_as_suffix");
          treatWhitespaceAsSuffix = r.varint() != 0;
        }
        case 35 -> {
          r.expect(tag, ProtoReader.VARINT, "trainer_spec.byte_fallback");
          byteFallback = r.varint() != 0;
        }
        default -> r.skip(tag & 7);
      }
    }
  }

  private void normalizer(ProtoReader r) {
    while (r.hasMore()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> {
          r.expect(tag, ProtoReader.LEN, "normalizer_spec.name");
          normalizerName = r.string();
        }
        case 2 -> {
          r.expect(tag, ProtoReader.LEN, "normalizer_spec.precompiled_charsmap");
          precompiledCharsmap = r.bytes();
        }
        case 3 -> {
          r.expect(tag, ProtoReader.VARINT, "normalizer_spec.add_dummy_prefix");
          addDummyPrefix = r.varint() != 0;
        }
        case 4 -> {
          r.expect(tag, ProtoReader.VARINT, "normalizer_spec.remove_extra_whitespaces");
          removeExtraWhitespaces = r.varint() != 0;
        }
        case 5 -> {
          r.expect(tag, ProtoReader.VARINT, "normalizer_spec.escape_whitespaces");
          escapeWhitespaces = r.varint() != 0;
        }
        default -> r.skip(tag & 7);
      }
    }
  }

  static String modelTypeName(int t) {
    return switch (t) {
      case UNIGRAM -> "UNIGRAM";
      case BPE -> "BPE";
      case WORD -> "WORD";
      case CHAR -> "CHAR";
      default -> "type " + t;
    };
  }
}
