package org.flmdata.tests;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * The lead's runnable sample: {@code jobs/conf/sample/pipeline.yaml} over the corpus that {@code
 * org.flmdata.jobs.sample.SampleCorpus.write(Path)} writes into {@code jobs/target/sample-corpus}.
 */
final class SampleRun {
  static final String CORPUS_CLASS = "org.flmdata.jobs.sample.SampleCorpus";

  private static boolean written;

  private SampleRun() {}

  /** {@code jobs/conf/sample/pipeline.yaml}, absolute. */
  static Path pipelineYaml() {
    return ProjectLayout.root().resolve("jobs/conf/sample/pipeline.yaml");
  }

  /** Writes the corpus once per JVM into {@code jobs/target/sample-corpus}; returns that folder. */
  static synchronized Path ensureCorpusWritten() throws Exception {
    Path dir = ProjectLayout.root().resolve("jobs/target/sample-corpus");
    if (!written) {
      // Reflective only so this module compiles before the sample lands in jobs; once it has,
      // this can become a direct call.
      try {
        Class.forName(CORPUS_CLASS).getMethod("write", Path.class).invoke(null, dir);
      } catch (InvocationTargetException e) {
        throw (Exception) e.getCause();
      }
      written = true;
    }
    return dir;
  }
}
