package org.flmdata.tokenize.sentencepiece;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a SentencePiece ModelProto in protobuf wire format, for tests that build models by hand. */
final class ModelProtoWriter {
  private final ByteArrayOutputStream pieces = new ByteArrayOutputStream();
  private int modelType = 2;
  private boolean byteFallback;
  private boolean addDummyPrefix = true;
  private boolean removeExtraWhitespaces = true;

  ModelProtoWriter piece(String text, float score, SentencePieceModel.Type type) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    bytesField(p, 1, text.getBytes(StandardCharsets.UTF_8));
    varint(p, 2 << 3 | 5);
    int bits = Float.floatToIntBits(score);
    for (int i = 0; i < 4; i++) p.write(bits >>> (8 * i));
    varint(p, 3 << 3);
    varint(p, type.ordinal() + 1);
    bytesField(pieces, 1, p.toByteArray());
    return this;
  }

  ModelProtoWriter modelType(int t) {
    modelType = t;
    return this;
  }

  ModelProtoWriter byteFallback(boolean b) {
    byteFallback = b;
    return this;
  }

  ModelProtoWriter addDummyPrefix(boolean b) {
    addDummyPrefix = b;
    return this;
  }

  ModelProtoWriter removeExtraWhitespaces(boolean b) {
    removeExtraWhitespaces = b;
    return this;
  }

  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(pieces.toByteArray());
    ByteArrayOutputStream trainer = new ByteArrayOutputStream();
    varint(trainer, 3 << 3);
    varint(trainer, modelType);
    varint(trainer, 35 << 3);
    varint(trainer, byteFallback ? 1 : 0);
    bytesField(trainer, 7, "unknown field".getBytes(StandardCharsets.UTF_8)); // skipped by the reader
    bytesField(out, 2, trainer.toByteArray());
    ByteArrayOutputStream norm = new ByteArrayOutputStream();
    bytesField(norm, 1, "identity".getBytes(StandardCharsets.UTF_8));
    varint(norm, 3 << 3);
    varint(norm, addDummyPrefix ? 1 : 0);
    varint(norm, 4 << 3);
    varint(norm, removeExtraWhitespaces ? 1 : 0);
    varint(norm, 5 << 3);
    varint(norm, 1);
    bytesField(out, 3, norm.toByteArray());
    return out.toByteArray();
  }

  private static void bytesField(ByteArrayOutputStream o, int field, byte[] b) {
    varint(o, field << 3 | 2);
    varint(o, b.length);
    o.writeBytes(b);
  }

  private static void varint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7FL) != 0) {
      o.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    o.write((int) v);
  }
}
