package org.flmdata.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which committer a run's output gets; the shared session's settings are restored after each. */
class CommittersTest {
  private static final List<String> SQL =
      List.of(Committers.PROTOCOL_KEY, Committers.PARQUET_COMMITTER_KEY);
  private static final List<String> HADOOP =
      List.of(Committers.FACTORY_KEY, Committers.NAME_KEY, Committers.MAGIC_KEY);

  private SparkSession spark;
  private Configuration saved;

  @BeforeEach
  void save() {
    spark = SparkTestSession.get();
    saved = new Configuration(spark.sparkContext().hadoopConfiguration());
    for (String k : SQL) assertFalse(spark.conf().contains(k), k + " set by another test");
  }

  @AfterEach
  void restore() {
    for (String k : SQL) spark.conf().unset(k);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (String k : HADOOP) {
      if (!Committers.userSet(saved, k)) conf.unset(k);
      else conf.set(k, saved.get(k));
    }
  }

  @Test
  void localAndHdfsOutputKeepSparksDefaultCommitter() {
    assertNull(Committers.configure(spark, "/tmp/run"));
    assertNull(Committers.configure(spark, "hdfs://nn/run"));
    for (String k : SQL) assertFalse(spark.conf().contains(k), k);
  }

  @Test
  void s3aOutputGetsTheMagicCommitter() {
    String line = Committers.configure(spark, "s3a://bucket/run");
    assertTrue(line.startsWith("s3a output: S3A committer \"magic\""), line);
    assertEquals(Committers.PROTOCOL, spark.conf().get(Committers.PROTOCOL_KEY));
    assertEquals(Committers.PARQUET_COMMITTER, spark.conf().get(Committers.PARQUET_COMMITTER_KEY));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    assertEquals("magic", conf.get(Committers.NAME_KEY));
    assertEquals("true", conf.get(Committers.MAGIC_KEY));
    assertEquals(Committers.FACTORY, conf.get(Committers.FACTORY_KEY));
  }

  @Test
  void aCommitterTheUserChoseIsKept() {
    spark.sparkContext().hadoopConfiguration().set(Committers.NAME_KEY, "directory");
    String line = Committers.configure(spark, "s3a://bucket/run");
    assertTrue(line.contains("\"directory\""), line);
    assertEquals("directory", spark.sparkContext().hadoopConfiguration().get(Committers.NAME_KEY));
    assertFalse(line.contains(Committers.NAME_KEY), line);
  }

  @Test
  void hadoopsShippedDefaultDoesNotCountAsTheUsersChoice() {
    Configuration fresh = new Configuration();
    assertEquals("file", fresh.get(Committers.NAME_KEY)); // core-default.xml
    assertFalse(Committers.userSet(fresh, Committers.NAME_KEY));
    fresh.set(Committers.NAME_KEY, "file");
    assertTrue(Committers.userSet(fresh, Committers.NAME_KEY));
  }
}
