package org.flmdata.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to start a JVM the way Spark's own scripts do, from Maven's jars instead of a Spark
 * download: the Java 17 module flags Spark needs ({@code jobs/target/jvm.options}) and Spark's
 * classpath without any project class ({@code tests/target/spark-classpath.txt}). Children bind to
 * loopback ({@code SPARK_LOCAL_IP=127.0.0.1}) and ignore a {@code SPARK_HOME}/{@code
 * SPARK_CONF_DIR} of the machine, so a developer's Spark install cannot change what is tested.
 * Used for SparkSubmit now and for standalone Master/Worker daemons later.
 */
final class SparkJvm {
  private final List<String> moduleOptions;
  private final String classpath;

  private SparkJvm(List<String> moduleOptions, String classpath) {
    this.moduleOptions = List.copyOf(moduleOptions);
    this.classpath = classpath;
  }

  /** The JVM flags and Spark classpath the build produced. */
  static SparkJvm fromBuild() {
    String options = read(ProjectLayout.jvmOptions()).trim();
    String cp = read(ProjectLayout.sparkClasspath()).trim();
    if (options.isEmpty() || cp.isEmpty()) {
      throw new IllegalStateException("empty " + ProjectLayout.jvmOptions() + " or " + ProjectLayout.sparkClasspath());
    }
    return new SparkJvm(Arrays.asList(options.split("\\s+")), cp);
  }

  /** Spark's --add-opens and related flags, in order. */
  List<String> moduleOptions() {
    return moduleOptions;
  }

  /** Spark's classpath, entries joined by the platform's path separator. */
  String classpath() {
    return classpath;
  }

  /** {@code java <module options> <jvmArgs> -cp <spark classpath> <mainClass> <args>}. */
  List<String> command(List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProjectLayout.javaBinary().toString());
    cmd.addAll(moduleOptions);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** A ProcessBuilder for {@link #command}, with the loopback environment set. */
  ProcessBuilder processBuilder(List<String> jvmArgs, String mainClass, List<String> args) {
    ProcessBuilder pb = new ProcessBuilder(command(jvmArgs, mainClass, args));
    Map<String, String> env = pb.environment();
    env.remove("SPARK_HOME");
    env.remove("SPARK_CONF_DIR");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
