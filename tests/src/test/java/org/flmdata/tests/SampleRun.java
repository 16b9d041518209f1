package org.flmdata.tests;

import java.nio.file.Path;
import org.flmdata.jobs.sample.SampleCorpus;

/**
 * The lead's runnable sample: {@code jobs/conf/sample/pipeline.yaml} over the corpus that {@code
 * org.flmdata.jobs.sample.SampleCorpus.write(Path)} writes into {@code jobs/target/sample-corpus}.
 */
final class SampleRun {
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
      SampleCorpus.write(dir);
      written = true;
    }
    return dir;
  }
}
