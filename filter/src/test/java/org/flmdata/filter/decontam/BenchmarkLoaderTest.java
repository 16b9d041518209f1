package org.flmdata.filter.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.flmdata.pipeline.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkLoaderTest {
  @TempDir Path dir;

  @Test
  void parquetInHuggingFaceLayoutGivesQuestionsAndOptions() throws Exception {
    StructType schema = new StructType()
        .add("question", DataTypes.StringType)
        .add("subject", DataTypes.StringType)
        .add("choices", DataTypes.createArrayType(DataTypes.StringType))
        .add("answer", DataTypes.LongType);
    List<Row> rows = List.of(
        RowFactory.create("What is 2 + 3?", "math", List.of("4", "5", "6", "7"), 1L),
        RowFactory.create("Which planet is red?", "astronomy", List.of("Mars", "Venus"), 0L));
    Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema).coalesce(1);
    String out = dir.resolve("mmlu").toString();
    df.write().parquet(out);

    List<String> texts = BenchmarkLoader.load(out, new Configuration());

    // per row, in TEXT_FIELDS order: question; then question + options (the "choices" list)
    List<String> expected = List.of(
        "What is 2 + 3?", "What is 2 + 3?\n4\n5\n6\n7",
        "Which planet is red?", "Which planet is red?\nMars\nVenus");
    assertEquals(expected, texts);
  }

  @Test
  void jsonlAndPlainTextFilesInOneFolderAreAllRead() throws Exception {
    Path d = Files.createDirectories(dir.resolve("set"));
    Files.writeString(d.resolve("a.jsonl"), "{\"question\":\"Q1\",\"answer\":\"A1\"}\n");
    Files.writeString(d.resolve("b.txt"), "line one\n\nline two\n");
    Files.writeString(d.resolve("LICENSE"), "not a test item\n");
    assertEquals(List.of("Q1", "A1", "line one", "line two"),
        BenchmarkLoader.load(d.toString(), new Configuration()));
  }
}
