package org.flmdata.jobs;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.flmdata.pipeline.run.StageOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline show PATH}: a stage's Parquet rows as JSON lines, every field (nulls included).
 * PATH is a stage folder or any folder below it ({@code status=kept/domain=WebText}); rows stream
 * partition by partition, so showing a large stage never holds it in memory.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a stage's Parquet rows as JSON lines (every field).")
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "stage output folder, or a folder below it")
  String path;

  @Option(names = "--limit", paramLabel = "N", description = "at most N rows (default: all)")
  Long limit;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark configuration")
  Map<String, String> conf = new java.util.LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--limit must be >= 0, got " + limit);
    }
    try (Sessions.Handle session = Sessions.openLocal(conf, "flmdata show")) {
      Dataset<Row> rows = read(session.spark(), path);
      if (limit != null) rows = rows.limit(limit.intValue());
      var out = spec.commandLine().getOut();
      Column[] all = java.util.Arrays.stream(rows.columns()).map(functions::col)
          .toArray(Column[]::new);
      Iterator<Row> it = rows.select(functions.to_json(functions.struct(all),
          Map.of("ignoreNullFields", "false"))).toLocalIterator();
      while (it.hasNext()) out.println(it.next().getString(0));
      out.flush();
      return 0;
    }
  }

  /** Stage output read with its partition columns, or any other Parquet folder as it is. */
  static Dataset<Row> read(SparkSession spark, String path) throws java.io.IOException {
    Path p = new Path(path);
    if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
      throw new java.io.FileNotFoundException(path + " does not exist");
    }
    Path stageDir = p;
    while (stageDir != null && stageDir.getName().contains("=")) stageDir = stageDir.getParent();
    Path marker = new Path(stageDir, "_SUCCESS");
    boolean stage = marker.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(marker)
        || !stageDir.equals(p);
    if (stage) {
      return spark.read().schema(StageOutput.schema()).option("basePath", stageDir.toString())
          .parquet(path);
    }
    return spark.read().parquet(path);
  }
}
