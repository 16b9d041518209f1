package org.flmdata.tokenize.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flmdata.tokenize.bpe.TokenizerFormatException;
import org.flmdata.tokenize.sentencepiece.SentencePieceModel.Type;
import org.junit.jupiter.api.Test;

class SentencePieceBpeTest {
  // ids: 0 <unk>, 1 <s>, 2 </s>, 3 ▁, 4 a, 5 b, 6 ab, 7 ▁ab
  private static ModelProtoWriter tiny() {
    return new ModelProtoWriter()
        .piece("<unk>", 0, Type.UNKNOWN).piece("<s>", 0, Type.CONTROL).piece("</s>", 0, Type.CONTROL)
        .piece("\u2581", -10, Type.NORMAL).piece("a", -11, Type.NORMAL).piece("b", -12, Type.NORMAL)
        .piece("ab", -1, Type.NORMAL).piece("\u2581ab", -2, Type.NORMAL);
  }

  @Test
  void highestScoringPieceMergesFirstAfterWhitespaceEscaping() {
    SentencePieceBpe t = SentencePieceBpe.load(tiny().toBytes(), "tiny.model");
    // "▁ab▁ab": ab+ab (score -1) first, then ▁+ab (score -2)
    assertArrayEquals(new int[] {7, 7}, t.encode("ab ab"));
    // extra whitespace removed by default: leading, doubled and trailing spaces
    assertArrayEquals(new int[] {7, 7}, t.encode("   ab    ab  "));
  }

  @Test
  void unknownRunsFuseIntoOneUnknownWithoutByteFallback() {
    SentencePieceBpe t = SentencePieceBpe.load(tiny().toBytes(), "tiny.model");
    // "▁zz▁a": ▁, z z (one fused <unk>), ▁, a
    assertArrayEquals(new int[] {3, 0, 3, 4}, t.encode("zz a"));
  }

  @Test
  void unknownCharactersBecomeUtf8BytePiecesWithByteFallback() {
    ModelProtoWriter w = tiny().byteFallback(true);
    for (int b = 0; b < 256; b++) w.piece(String.format("<0x%02X>", b), 0, Type.BYTE);
    SentencePieceBpe t = SentencePieceBpe.load(w.toBytes(), "bytes.model");
    byte[] utf8 = "\u4e2d".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int[] expected = {3, 8 + (utf8[0] & 0xFF), 8 + (utf8[1] & 0xFF), 8 + (utf8[2] & 0xFF), 4};
    assertArrayEquals(expected, t.encode("\u4e2da"));
  }

  @Test
  void userDefinedPiecesAreNeverSplitOrMerged() {
    SentencePieceBpe t = SentencePieceBpe.load(tiny().piece("ba", 0, Type.USER_DEFINED).toBytes(), "ud.model");
    // "▁aba": user-defined "ba" is frozen, so a cannot merge with b
    assertArrayEquals(new int[] {3, 4, 8}, t.encode("aba"));
  }

  @Test
  void unusedPiecesAreSplitBackIntoThePairTheyCameFrom() {
    // ab is UNUSED: merged, then re-split into a, b; ▁ab still forms from ▁ + ab
    ModelProtoWriter w = new ModelProtoWriter()
        .piece("<unk>", 0, Type.UNKNOWN).piece("\u2581", -10, Type.NORMAL).piece("a", -11, Type.NORMAL)
        .piece("b", -12, Type.NORMAL).piece("ab", -1, Type.UNUSED).piece("c", -13, Type.NORMAL);
    SentencePieceBpe t = SentencePieceBpe.load(w.toBytes(), "unused.model");
    assertArrayEquals(new int[] {1, 2, 3, 5}, t.encode("abc"));
  }

  @Test
  void emptyAndOddStringsNeverThrow() {
    SentencePieceBpe t = SentencePieceBpe.load(tiny().toBytes(), "tiny.model");
    assertEquals(0, t.encode("").length);
    assertEquals(0, t.encode("     ").length);
    assertArrayEquals(new int[] {3, 0}, t.encode("\uD800"));
    assertArrayEquals(new int[] {3, 0, 3, 0}, t.encode("\uDC00 \uD83D\uDE00"));
    String huge = "ab".repeat(100_000);
    int[] ids = t.encode(huge);
    assertEquals(100_000, ids.length);
    assertEquals(7, ids[0]);
    assertTrue(Arrays.stream(ids, 1, ids.length).allMatch(i -> i == 6));
  }

  @Test
  void unigramModelIsOneClearError() {
    TokenizerFormatException e = assertThrows(TokenizerFormatException.class,
        () -> SentencePieceBpe.load(tiny().modelType(1).toBytes(), "uni.model"));
    assertTrue(e.getMessage().contains("uni.model") && e.getMessage().contains("UNIGRAM")
        && e.getMessage().contains("only BPE"), e.getMessage());
  }

  @Test
  void truncatedOrInvalidModelIsOneClearError() {
    byte[] ok = tiny().toBytes();
    TokenizerFormatException e = assertThrows(TokenizerFormatException.class,
        () -> SentencePieceBpe.load(Arrays.copyOf(ok, ok.length - 3), "cut.model"));
    assertTrue(e.getMessage().startsWith("cut.model: not a valid SentencePiece model"), e.getMessage());
    ModelProtoWriter noUnk = new ModelProtoWriter().piece("a", 0, Type.NORMAL);
    e = assertThrows(TokenizerFormatException.class, () -> SentencePieceBpe.load(noUnk.toBytes(), "nounk.model"));
    assertTrue(e.getMessage().contains("no UNKNOWN piece"), e.getMessage());
    ModelProtoWriter missingBytes = tiny().byteFallback(true).piece("<0x00>", 0, Type.BYTE);
    e = assertThrows(TokenizerFormatException.class, () -> SentencePieceBpe.load(missingBytes.toBytes(), "b.model"));
    assertTrue(e.getMessage().contains("<0x01> is missing"), e.getMessage());
  }
}
