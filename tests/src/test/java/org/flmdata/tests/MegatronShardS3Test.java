package org.flmdata.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.flmdata.tokenize.megatron.IndexedDatasetReader;
import org.flmdata.tokenize.megatron.IndexedDatasetWriter;
import org.flmdata.tokenize.megatron.TokenDType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Megatron shard streamed to s3a:// (a real local S3 server) reads back document for document. */
class MegatronShardS3Test {
  private static S3Server s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) s3.close();
  }

  @Test
  void shardWrittenToS3aReadsBackEveryDocument() throws Exception {
    Configuration conf = s3.newHadoopConfiguration();
    Path prefix = new Path(s3.uri("shards/Web/Web_00000"));
    FileSystem fs = FileSystem.get(URI.create(s3.uri("")), conf);
    Random r = new Random(5);
    List<int[]> docs = new ArrayList<>();
    docs.add(new int[] {50_256});
    for (int d = 0; d < 200; d++) {
      int[] ids = new int[1 + r.nextInt(3000)];
      for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt(50_257);
      docs.add(ids);
    }
    long tokens = 0;
    try (IndexedDatasetWriter w = IndexedDatasetWriter.open(fs, prefix, TokenDType.UINT16, null)) {
      for (int[] d : docs) {
        w.addDocument(d, d.length);
        tokens += d.length;
      }
    }
    assertTrue(fs.exists(new Path(prefix + ".idx")));
    assertEquals(tokens * 2, fs.getFileStatus(new Path(prefix + ".bin")).getLen());
    try (IndexedDatasetReader rd = IndexedDatasetReader.open(fs, prefix)) {
      assertEquals(docs.size(), rd.sequenceCount());
      for (int i = 0; i < docs.size(); i++) assertArrayEquals(docs.get(i), rd.sequence(i));
    }
    fs.close();
  }

  @Test
  void anAbortedShardLeavesNoObjectOnS3a() throws Exception {
    Configuration conf = s3.newHadoopConfiguration();
    Path folder = new Path(s3.uri("aborted/Web"));
    FileSystem fs = FileSystem.newInstance(URI.create(s3.uri("")), conf);
    IndexedDatasetWriter w =
        IndexedDatasetWriter.open(fs, new Path(folder, "Web_00000"), TokenDType.UINT16, null);
    int[] doc = new int[200_000]; // 400 KB: past the stream's first buffer
    for (int d = 0; d < 40; d++) {
      java.util.Arrays.fill(doc, d);
      w.addDocument(doc, doc.length);
    }
    // the task fails here: the shard is given up, 16 MB of it already written
    w.abort();
    assertTrue(!fs.exists(new Path(folder, "Web_00000.bin")), "no partial .bin");
    assertTrue(!fs.exists(new Path(folder, "Web_00000.idx")), "no .idx");
    assertTrue(!fs.exists(folder) || fs.listStatus(folder).length == 0,
        "nothing under " + folder);
    fs.close();
  }
}
