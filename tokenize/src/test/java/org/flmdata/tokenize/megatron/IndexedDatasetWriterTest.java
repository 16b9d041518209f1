package org.flmdata.tokenize.megatron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedDatasetWriterTest {

  @TempDir File dir;

  private static FileSystem localFs() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  /** Random documents with EOD appended, lengths 0..maxLen (an empty one first). */
  private static List<int[]> documents(long seed, int count, int maxLen, int vocab, int eod) {
    Random r = new Random(seed);
    List<int[]> docs = new ArrayList<>();
    docs.add(new int[] {eod}); // empty text: EOD only
    docs.add(new int[0]); // a zero-length sequence, which Megatron's builder also accepts
    for (int d = 0; d < count; d++) {
      int n = r.nextInt(maxLen + 1);
      int[] ids = new int[n + 1];
      for (int i = 0; i < n; i++) ids[i] = r.nextInt(vocab);
      ids[n] = eod;
      docs.add(ids);
    }
    return docs;
  }

  private Path write(List<int[]> docs, TokenDType dtype, String name) throws IOException {
    Path prefix = new Path(new File(dir, name).getAbsolutePath());
    try (IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, dtype, dir)) {
      for (int[] d : docs) w.addDocument(d, d.length);
    }
    return prefix;
  }

  /** The .idx Megatron's _IndexWriter writes for these lengths, built independently here. */
  private static byte[] expectedIndex(List<int[]> docs, TokenDType dtype) {
    int n = docs.size();
    ByteBuffer b = ByteBuffer.allocate(34 + n * 4 + n * 8 + (n + 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put("MMIDIDX".getBytes()).put((byte) 0).put((byte) 0);
    b.putLong(1).put((byte) dtype.code()).putLong(n).putLong(n + 1);
    for (int[] d : docs) b.putInt(d.length);
    long ptr = 0;
    for (int[] d : docs) {
      b.putLong(ptr);
      ptr += (long) d.length * dtype.size();
    }
    for (int i = 0; i <= n; i++) b.putLong(i);
    return b.array();
  }

  private static byte[] expectedBin(List<int[]> docs, TokenDType dtype) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int[] d : docs) {
      ByteBuffer b = ByteBuffer.allocate(d.length * dtype.size()).order(ByteOrder.LITTLE_ENDIAN);
      for (int id : d) {
        if (dtype == TokenDType.UINT16) b.putShort((short) id);
        else b.putInt(id);
      }
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }

  @Test
  void uint16ShardIsByteIdenticalToMegatronLayoutAndReadsBackEveryDocument() throws Exception {
    int vocab = 50_257;
    int eod = 50_256;
    List<int[]> docs = documents(7, 300, 2000, vocab, eod);
    TokenDType dtype = TokenDType.forVocabSize(vocab);
    assertEquals(TokenDType.UINT16, dtype);
    Path prefix = write(docs, dtype, "shard_00000");

    byte[] idx = Files.readAllBytes(new File(dir, "shard_00000.idx").toPath());
    byte[] bin = Files.readAllBytes(new File(dir, "shard_00000.bin").toPath());
    assertArrayEquals(expectedIndex(docs, dtype), idx);
    assertArrayEquals(expectedBin(docs, dtype), bin);

    try (IndexedDatasetReader r = IndexedDatasetReader.open(localFs(), prefix)) {
      assertEquals(TokenDType.UINT16, r.dtype());
      assertEquals(docs.size(), r.sequenceCount());
      long[] docIdx = r.documentIndices();
      assertEquals(docs.size() + 1, docIdx.length);
      assertEquals(0, docIdx[0]);
      for (int i = 0; i < docs.size(); i++) {
        assertArrayEquals(docs.get(i), r.sequence(i), "document " + i);
        assertEquals(i + 1, docIdx[i + 1]);
      }
    }
  }

  @Test
  void headerBytesAreMagicVersionDtypeAndCounts() throws Exception {
    List<int[]> docs = List.of(new int[] {5, 6, 7, 2}, new int[] {2}, new int[] {9, 2});
    write(docs, TokenDType.UINT16, "tiny");
    byte[] idx = Files.readAllBytes(new File(dir, "tiny.idx").toPath());
    ByteBuffer golden = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
    golden.put(new byte[] {'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0});
    golden.putLong(1L); // version
    golden.put((byte) 8); // uint16
    golden.putLong(3L); // sequences
    golden.putLong(4L); // documents + 1
    byte[] head = java.util.Arrays.copyOf(idx, 34);
    assertEquals(HexFormat.of().formatHex(golden.array()), HexFormat.of().formatHex(head));
    assertEquals(34 + 3 * 4 + 3 * 8 + 4 * 8, idx.length);
  }

  @Test
  void largeVocabularyWritesInt32AndIdsAboveUint16RoundTrip() throws Exception {
    int vocab = 151_643;
    TokenDType dtype = TokenDType.forVocabSize(vocab);
    assertEquals(TokenDType.INT32, dtype);
    assertEquals(TokenDType.UINT16, TokenDType.forVocabSize(65_499));
    assertEquals(TokenDType.INT32, TokenDType.forVocabSize(65_500));
    List<int[]> docs = documents(11, 50, 40_000, vocab, vocab - 1); // docs over the 64 KiB buffer
    Path prefix = write(docs, dtype, "big");
    assertArrayEquals(expectedIndex(docs, dtype),
        Files.readAllBytes(new File(dir, "big.idx").toPath()));
    try (IndexedDatasetReader r = IndexedDatasetReader.open(localFs(), prefix)) {
      assertEquals(TokenDType.INT32, r.dtype());
      for (int i = 0; i < docs.size(); i++) assertArrayEquals(docs.get(i), r.sequence(i));
    }
  }

  @Test
  void emptyShardHasOnlyTheLeadingDocumentIndex() throws Exception {
    Path prefix = write(List.of(), TokenDType.UINT16, "empty");
    byte[] idx = Files.readAllBytes(new File(dir, "empty.idx").toPath());
    assertArrayEquals(expectedIndex(List.of(), TokenDType.UINT16), idx);
    assertEquals(0, new File(dir, "empty.bin").length());
    try (IndexedDatasetReader r = IndexedDatasetReader.open(localFs(), prefix)) {
      assertEquals(0, r.sequenceCount());
      assertArrayEquals(new long[] {0}, r.documentIndices());
    }
  }

  @Test
  void shaIsOfTheBinAndTemporaryLengthsAreRemoved() throws Exception {
    List<int[]> docs = documents(3, 20, 100, 1000, 0);
    Path prefix = new Path(new File(dir, "s").getAbsolutePath());
    File spill = new File(dir, "spill");
    assertTrue(spill.mkdir());
    IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, TokenDType.UINT16, spill);
    for (int[] d : docs) w.addDocument(d, d.length);
    assertEquals(1, spill.list().length);
    w.close();
    assertEquals(0, spill.list().length);
    byte[] bin = Files.readAllBytes(new File(dir, "s.bin").toPath());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bin)),
        w.binSha256());
    assertEquals(docs.stream().mapToLong(d -> d.length).sum(), w.tokens());
    assertEquals(docs.size(), w.documents());
  }

  @Test
  void idThatDoesNotFitUint16IsAClearError() throws Exception {
    Path prefix = new Path(new File(dir, "bad").getAbsolutePath());
    try (IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, TokenDType.UINT16, dir)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> w.addDocument(new int[] {70_000}, 1));
      assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }
  }

  /** Names in {@code folder}, hidden ones (temporary files, checksums) included. */
  private static List<String> names(File folder) {
    String[] n = folder.list();
    List<String> out = new ArrayList<>(n == null ? List.of() : List.of(n));
    out.sort(null);
    return out;
  }

  @Test
  void aShardIsInvisibleUntilClosedAndNothingIsLeftWhenAborted() throws Exception {
    File out = new File(dir, "out");
    assertTrue(out.mkdir());
    Path prefix = new Path(new File(out, "w_00000").getAbsolutePath());
    IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, TokenDType.UINT16, dir);
    for (int[] d : documents(5, 50, 200, 1000, 0)) w.addDocument(d, d.length);
    assertTrue(names(out).stream().allMatch(n -> n.startsWith(".")),
        "only hidden files while writing: " + names(out));
    w.abort();
    assertEquals(List.of(), names(out));
    w.close(); // a no-op after abort
    assertEquals(List.of(), names(out));
  }

  @Test
  void aRetriedShardReplacesTheFormerAttempt() throws Exception {
    File out = new File(dir, "out");
    assertTrue(out.mkdir());
    Path prefix = new Path(new File(out, "w_00000").getAbsolutePath());
    List<int[]> first = documents(6, 30, 100, 1000, 0);
    List<int[]> second = documents(7, 10, 50, 1000, 0);
    try (IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, TokenDType.UINT16, dir)) {
      for (int[] d : first) w.addDocument(d, d.length);
    }
    try (IndexedDatasetWriter w = IndexedDatasetWriter.open(localFs(), prefix, TokenDType.UINT16, dir)) {
      for (int[] d : second) w.addDocument(d, d.length);
    }
    assertEquals(List.of(".w_00000.bin.crc", ".w_00000.idx.crc", "w_00000.bin", "w_00000.idx"),
        names(out));
    try (IndexedDatasetReader r = IndexedDatasetReader.open(localFs(), prefix)) {
      assertEquals(second.size(), r.sequenceCount());
      for (int i = 0; i < second.size(); i++) assertArrayEquals(second.get(i), r.sequence(i));
    }
  }
}
