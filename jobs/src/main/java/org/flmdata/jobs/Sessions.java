package org.flmdata.jobs;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.flmdata.pipeline.config.PipelineConfig;
import org.flmdata.pipeline.io.NioLocalFileSystem;
import org.flmdata.pipeline.run.SmallRunCodegen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SparkSession and the Hadoop configuration of a command. Under spark-submit the
 * cluster decides master and settings ({@code spark.master} is then a system property); a local
 * run takes {@code spark:} from pipeline.yaml plus {@code --conf} overrides and binds to loopback.
 */
final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private Sessions() {}

  /** True when launched by spark-submit (which passes its settings as system properties). */
  static boolean underSparkSubmit() {
    return System.getProperty("spark.master") != null;
  }

  /**
   * Hadoop settings known before any session exists, so the config (which may live on s3a://)
   * is read and validated before Spark starts: {@code spark.hadoop.*} system properties (set by
   * spark-submit's --conf) and {@code --conf spark.hadoop.*} overrides.
   */
  static Configuration hadoopConf(Map<String, String> overrides) {
    Configuration conf = new Configuration();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("spark.hadoop.")) {
        conf.set(name.substring("spark.hadoop.".length()), System.getProperty(name));
      }
    }
    overrides.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) conf.set(k.substring("spark.hadoop.".length()), v);
    });
    if (!underSparkSubmit() && !overrides.containsKey(LOCAL_FS)) {
      conf.set(NioLocalFileSystem.CONF_KEY, NioLocalFileSystem.class.getName());
    }
    return conf;
  }

  /**
   * {@code file:} through {@link NioLocalFileSystem} outside spark-submit, unless set otherwise: no
   * {@code chmod}/{@code ls} child process per file written or listed. Hadoop caches one file
   * system per scheme for the JVM, so the config loader's conf and the session's both name it.
   */
  private static final String LOCAL_FS = "spark.hadoop." + NioLocalFileSystem.CONF_KEY;

  /**
   * Spark's web UI, off for a local run of small inputs ({@link SmallRunCodegen#small}) unless
   * pipeline.yaml's {@code spark:} or {@code --conf} sets it (both are applied after): its Jetty
   * server, pages and listeners start with the session and keep up with every task, for a page
   * nobody opens during a run of seconds.
   */
  private static final String UI = "spark.ui.enabled";

  /**
   * A session and whether this command owns it: a session that existed before (an embedding
   * program's, a test's) is used as it is and not stopped.
   */
  record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) spark.stop();
    }
  }

  /** A session for {@code config}, owned unless one already runs in this JVM. */
  static Handle open(PipelineConfig config, Map<String, String> overrides, String app) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    return new Handle(create(config, overrides, app), !existed);
  }

  /**
   * A session for a command that has no pipeline config (show, and quality or tokenizer training
   * on files): {@code local[*]} bound to loopback unless under spark-submit, no console progress
   * bar (the command's own output is the point), then the command line's {@code --conf} pairs.
   * Owned unless one already runs in this JVM.
   */
  static Handle openLocal(Map<String, String> overrides, String app) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    SparkSession.Builder b = SparkSession.builder().appName(app)
        .config("spark.ui.showConsoleProgress", "false");
    if (!underSparkSubmit()) {
      b.master("local[*]").config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    overrides.forEach(b::config);
    return new Handle(b.getOrCreate(), !existed);
  }

  /** A session for {@code config}; {@code overrides} are the command line's --conf pairs. */
  static SparkSession create(PipelineConfig config, Map<String, String> overrides, String app) {
    SparkSession.Builder b = SparkSession.builder().appName(app);
    if (!underSparkSubmit()) {
      String master = config.sparkMaster();
      b.master(master);
      if (master.startsWith("local")) {
        b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        b.config(LOCAL_FS, NioLocalFileSystem.class.getName()); // pipeline.yaml may override
        if (SmallRunCodegen.small(config, hadoopConf(overrides))) b.config(UI, "false");
      }
      config.sparkConf().forEach(b::config);
    }
    overrides.forEach(b::config);
    SparkSession spark = b.getOrCreate();
    localFileSystemForTasks(spark);
    if (config.output() != null) {
      String committer = Committers.configure(spark, config.output());
      if (committer != null) LOG.info(committer);
    }
    return spark;
  }

  /**
   * Under spark-submit (the cluster's settings untouched): the jobs' Hadoop configuration, which
   * Spark ships to the tasks, names {@link NioLocalFileSystem} for {@code file:} unless set, so
   * executors writing to a local or mounted folder start no {@code chmod} per file either.
   */
  private static void localFileSystemForTasks(SparkSession spark) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String set = conf.getTrimmed(NioLocalFileSystem.CONF_KEY);
    if (set == null || set.isEmpty()) {
      conf.set(NioLocalFileSystem.CONF_KEY, NioLocalFileSystem.class.getName());
    }
  }
}
