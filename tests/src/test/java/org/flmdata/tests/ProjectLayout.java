package org.flmdata.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build leaves what the end-to-end tests run: the project root (system property {@code
 * flmdata.root}, set by surefire in the root pom), the shaded jar and {@code jvm.options} from
 * {@code jobs/target}, and this module's own generated files in {@code tests/target}.
 */
final class ProjectLayout {
  private ProjectLayout() {}

  /** The project root: {@code flmdata.root} if it holds the jobs module, else found from the cwd. */
  static Path root() {
    String prop = System.getProperty("flmdata.root");
    if (prop != null && isRoot(Path.of(prop))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (isRoot(p)) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("project root not found: set -Dflmdata.root=<checkout> (cwd "
        + Path.of("").toAbsolutePath() + ", flmdata.root=" + prop + ")");
  }

  private static boolean isRoot(Path p) {
    return Files.isRegularFile(p.resolve("jobs/pom.xml")) && Files.isRegularFile(p.resolve("tests/pom.xml"));
  }

  /** This module's build directory ({@code flmdata.tests.target}, set by tests/pom.xml). */
  static Path testsTarget() {
    String prop = System.getProperty("flmdata.tests.target");
    return prop != null ? Path.of(prop) : root().resolve("tests/target");
  }

  /** {@code jobs/target/pipeline.jar}: the shaded jar, Spark {@code provided}. */
  static Path pipelineJar() {
    return requireBuilt(root().resolve("jobs/target/pipeline.jar"), "the jobs module's package phase");
  }

  /** {@code jobs/target/jvm.options}: the --add-opens flags Spark needs on Java 17, one line. */
  static Path jvmOptions() {
    return requireBuilt(root().resolve("jobs/target/jvm.options"), "the jobs module's generate-resources phase");
  }

  /** Spark's own classpath (Spark, Hadoop, hadoop-aws, AWS SDK), none of the project's classes. */
  static Path sparkClasspath() {
    return requireBuilt(testsTarget().resolve("spark-classpath.txt"), "tests/pom.xml (dependency:build-classpath)");
  }

  /** S3Proxy's jar-with-dependencies, copied from Maven Central by tests/pom.xml. */
  static Path s3proxyJar() {
    return requireBuilt(testsTarget().resolve("s3proxy/s3proxy.jar"), "tests/pom.xml (dependency:copy)");
  }

  /** A fresh-or-existing folder {@code tests/target/<relative>} for logs and scratch output. */
  static Path scratch(String relative) {
    Path dir = testsTarget().resolve(relative);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** The {@code java} of the running JDK, for child JVMs. */
  static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static Path requireBuilt(Path p, String producer) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(p + " is missing; it is made by " + producer
          + ": run `mvn verify` from the project root (the jar needs the package phase, `mvn test` is not enough)");
    }
    return p;
  }
}
