package org.flmdata.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flmdata.jobs.sample.SampleCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipeline sample-corpus DIR}: writes the deterministic sample corpus (no Spark). */
@Command(name = "sample-corpus", mixinStandardHelpOptions = true,
    description = "Write the sample corpus that jobs/conf/sample runs on: English and Chinese"
        + " pages in WARC files, HTML files, curated JSONL and text for the Table 1 domains.")
final class SampleCorpusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "folder to write (created; files replaced)")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var summary = SampleCorpus.write(dir);
    spec.commandLine().getOut().printf(java.util.Locale.ROOT,
        "sample corpus: %s (%d files, %d documents, %d bytes; documents by domain %s)%n",
        dir.toAbsolutePath().normalize(), summary.files().size(), summary.documents(),
        summary.bytes(), summary.documentsByDomain());
    return 0;
  }
}
